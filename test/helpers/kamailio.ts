/**
 * Test harness for Kamailio 5.6, a real SIP server the tests talk to (UDP, TCP and TLS).
 *
 * `startKamailio({ template, vars, listen })` fills a config template from test/peers/kamailio
 * (`@NAME@` placeholders), writes it to a temp dir, runs `kamailio -f cfg -DD -E` in the
 * foreground with small shared/private memory, waits until every listen address is bound, and
 * returns a handle whose `stop()` kills it and waits for it to exit. Shared by the sip-ua,
 * resolve and service tests; keep it general.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve as resolvePath, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { udpPortFree, tcpAccepts, waitFor } from './ports.js';

export const KAMAILIO_CONFIGS = resolvePath(dirname(fileURLToPath(import.meta.url)), '..', 'peers', 'kamailio');

export interface KamailioListen {
  proto: 'udp' | 'tcp' | 'tls';
  host: string;
  port: number;
}

export interface KamailioOptions {
  /** Template name in test/peers/kamailio (`auth-trunk.cfg`) or an absolute path. */
  template: string;
  /** `@NAME@` → value. Unreplaced placeholders are an error. */
  vars: Record<string, string>;
  /** Addresses the config listens on; the harness waits for each. */
  listen: KamailioListen[];
  /** Extra files to write next to the config (name → content), e.g. tls.cfg, cert.pem. Their
   *  paths are available to the template as @FILE_<NAME>@ (name upper-cased, dots → _). */
  files?: Record<string, string>;
  /** Shared memory MB (-m) and private memory MB (-M). Defaults 32 and 8. */
  shmMb?: number;
  pkgMb?: number;
  startTimeoutMs?: number;
}

export interface KamailioExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  log: string;
}

export interface KamailioProcess {
  readonly pid: number;
  readonly dir: string;
  /** Everything Kamailio logged so far (stderr). */
  log(): string;
  stop(): Promise<KamailioExit>;
}

const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const c of live) c.kill('SIGKILL');
});

/** Fills `@NAME@` placeholders; throws on any left over. */
export function fillTemplate(text: string, vars: Record<string, string>): string {
  let out = text;
  // Values may themselves hold placeholders (@FILE_...@): a few passes.
  for (let pass = 0; pass < 3; pass++) out = out.replace(/@([A-Z0-9_]+)@/g, (m, name: string) => (name in vars ? vars[name]! : m));
  const left = out.match(/@[A-Z0-9_]+@/);
  if (left) throw new Error(`kamailio template: no value for ${left[0]}`);
  return out;
}

export async function startKamailio(opts: KamailioOptions): Promise<KamailioProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'siptrunk-kamailio-'));
  const vars: Record<string, string> = { ...opts.vars };
  const files = Object.entries(opts.files ?? {});
  for (const [name] of files) vars[`FILE_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`] = join(dir, name);
  for (const [name, content] of files) writeFileSync(join(dir, name), fillTemplate(content, vars), { mode: 0o600 });
  const templatePath = opts.template.includes('/') ? opts.template : join(KAMAILIO_CONFIGS, opts.template);
  const cfg = join(dir, 'kamailio.cfg');
  writeFileSync(cfg, fillTemplate(readFileSync(templatePath, 'utf8'), vars));

  const child = spawn(
    'kamailio',
    ['-f', cfg, '-DD', '-E', '-m', String(opts.shmMb ?? 32), '-M', String(opts.pkgMb ?? 8), '-P', join(dir, 'kamailio.pid'), '-Y', dir, '-w', dir],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  live.add(child);
  let log = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (d: string) => {
    log = (log + d).slice(-64_000);
  });
  let dead = false;
  const exited = new Promise<KamailioExit>((resolve) => {
    child.once('exit', (code, signal) => {
      dead = true;
      live.delete(child);
      rmSync(dir, { recursive: true, force: true });
      resolve({ code, signal, log });
    });
    child.once('error', (e) => {
      log += String(e);
    });
  });
  let stopping: Promise<KamailioExit> | undefined;
  const handle: KamailioProcess = {
    pid: child.pid ?? -1,
    dir,
    log: () => log,
    stop() {
      if (stopping) return stopping;
      if (dead) return (stopping = exited);
      child.kill('SIGTERM');
      const hard = setTimeout(() => child.kill('SIGKILL'), 3000);
      stopping = exited.finally(() => clearTimeout(hard));
      return stopping;
    },
  };
  try {
    await waitFor(
      async () => {
        if (dead) throw new Error(`kamailio exited at start:\n${log}`);
        for (const l of opts.listen) {
          const bound = l.proto === 'udp' ? !(await udpPortFree(l.host, l.port)) : await tcpAccepts(l.host, l.port);
          if (!bound) return false;
        }
        return true;
      },
      opts.startTimeoutMs ?? 10_000,
      `kamailio to listen on ${opts.listen.map((l) => `${l.proto}:${l.host}:${l.port}`).join(', ')}`,
      50,
    );
  } catch (e) {
    await handle.stop();
    throw e;
  }
  return handle;
}

/** The tls.cfg for Kamailio's tls module: TLS 1.2 or later, server certificate, no client verification. */
export function kamailioTlsConfig(certPath: string, keyPath: string): string {
  return [
    '[server:default]',
    'method = TLSv1.2+',
    'verify_certificate = no',
    'require_certificate = no',
    `certificate = ${certPath}`,
    `private_key = ${keyPath}`,
    '',
    '[client:default]',
    'method = TLSv1.2+',
    'verify_certificate = no',
    'require_certificate = no',
    '',
  ].join('\n');
}

export interface AuthTrunkOptions {
  host: string;
  udpPort: number;
  tcpPort: number;
  /** With a TLS listener: its port and the server certificate and key (PEM). */
  tls?: { port: number; certPem: string; keyPem: string };
  password: string;
  realm?: string;
}

/**
 * Starts test/peers/kamailio/auth-trunk.cfg: 401 for OPTIONS, 407 for INVITE, the password
 * checked; 200 with SDP (PCMU) for an authenticated INVITE; 403 for a wrong password.
 */
export function startAuthTrunk(o: AuthTrunkOptions): Promise<KamailioProcess> {
  const listen: KamailioListen[] = [
    { proto: 'udp', host: o.host, port: o.udpPort },
    { proto: 'tcp', host: o.host, port: o.tcpPort },
  ];
  if (o.tls) listen.push({ proto: 'tls', host: o.host, port: o.tls.port });
  return startKamailio({
    template: 'auth-trunk.cfg',
    listen,
    vars: {
      HOST: o.host,
      UDP_PORT: String(o.udpPort),
      TCP_PORT: String(o.tcpPort),
      PASSWORD: o.password,
      REALM: o.realm ?? 'siptrunk.test',
      ENABLE_TLS: o.tls ? 'yes' : 'no',
      TLS_LISTEN: o.tls ? `listen=tls:${o.host}:${o.tls.port}` : '',
      TLS_LOAD: o.tls ? 'loadmodule "tls.so"' : '',
      TLS_PARAMS: o.tls ? 'modparam("tls", "config", "@FILE_TLS_CFG@")' : '',
    },
    files: o.tls
      ? { 'cert.pem': o.tls.certPem, 'key.pem': o.tls.keyPem, 'tls.cfg': kamailioTlsConfig('@FILE_CERT_PEM@', '@FILE_KEY_PEM@') }
      : {},
  });
}
