/**
 * Test harness for sipp (Debian `sip-tester` 3.6.1), the real SIP peer the tests talk to.
 *
 * `startSippUas({ scenario, host, transport })` starts a sipp UAS with a scenario file on a
 * loopback address, waits until it listens, and returns a handle whose `stop()` kills it and
 * waits for it to exit. `runSippUac(...)` runs a sipp UAC to completion (benchmarks).
 *
 * Debian's sipp has no TLS (INTEROP.md): transports here are udp and tcp only.
 * Shared by the sip-ua, resolve and service tests; keep it general.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve as resolvePath, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, udpPortFree, tcpAccepts, waitFor } from './ports.js';

export type SippTransport = 'udp' | 'tcp';

/** Folder of the scenario files written for these tests. */
export const SIPP_SCENARIOS = resolvePath(dirname(fileURLToPath(import.meta.url)), '..', 'peers', 'sipp');

export interface SippUasOptions {
  /** Scenario file: absolute path, or a name in test/peers/sipp (`options-401.xml`). */
  scenario: string;
  /** Loopback address to listen on. */
  host: string;
  /** Port; a free one is chosen when omitted (and retried if sipp loses the race). */
  port?: number;
  transport?: SippTransport;
  /** `-key name value` pairs: `[name]` in the scenario becomes value (e.g. user, pass). */
  keys?: Record<string, string>;
  /** Exit after this many calls (`-m`). */
  maxCalls?: number;
  /** Extra sipp arguments. */
  args?: string[];
  /** How long to wait for the port to be bound. Default 5000 ms. */
  startTimeoutMs?: number;
}

export interface SippExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The tail of sipp's stderr plus its error log, for test failure messages. */
  log: string;
}

export interface SippProcess {
  readonly host: string;
  readonly port: number;
  readonly transport: SippTransport;
  readonly pid: number;
  /** Resolves when sipp exits on its own (e.g. after `-m` calls). */
  readonly exited: Promise<SippExit>;
  /** Resolves with the exit once sipp exits, or rejects after timeoutMs. */
  waitExit(timeoutMs: number): Promise<SippExit>;
  /** Kills sipp (SIGTERM, then SIGKILL after 2 s) and waits for it to exit. Idempotent. */
  stop(): Promise<SippExit>;
}

function scenarioPath(s: string): string {
  return s.includes('/') ? s : join(SIPP_SCENARIOS, s);
}

const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const c of live) c.kill('SIGKILL');
});

function spawnSipp(args: string[], workDir: string): { child: ChildProcess; exited: Promise<SippExit> } {
  const child = spawn('sipp', args, { cwd: workDir, stdio: ['ignore', 'ignore', 'pipe'] });
  live.add(child);
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (d: string) => {
    stderr = (stderr + d).slice(-8000);
  });
  const exited = new Promise<SippExit>((resolve) => {
    const done = (code: number | null, signal: NodeJS.Signals | null) => {
      live.delete(child);
      const errLog = join(workDir, 'errors.log');
      const log = stderr + (existsSync(errLog) ? '\n' + readFileSync(errLog, 'utf8').slice(-8000) : '');
      resolve({ code, signal, log });
    };
    child.once('exit', done);
    child.once('error', (e) => {
      stderr += String(e);
      done(null, null);
    });
  });
  return { child, exited };
}

function handle(child: ChildProcess, exited: Promise<SippExit>, host: string, port: number, transport: SippTransport, workDir: string): SippProcess {
  let stopping: Promise<SippExit> | undefined;
  const cleanup = exited.then((e) => {
    rmSync(workDir, { recursive: true, force: true });
    return e;
  });
  return {
    host,
    port,
    transport,
    pid: child.pid ?? -1,
    exited: cleanup,
    waitExit(timeoutMs) {
      return new Promise<SippExit>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`sipp did not exit within ${timeoutMs} ms`)), timeoutMs);
        void cleanup.then((e) => {
          clearTimeout(t);
          resolve(e);
        });
      });
    },
    stop() {
      if (stopping) return stopping;
      if (child.exitCode !== null || child.signalCode !== null) return (stopping = cleanup);
      child.kill('SIGTERM');
      const hard = setTimeout(() => child.kill('SIGKILL'), 2000);
      stopping = cleanup.finally(() => clearTimeout(hard));
      return stopping;
    },
  };
}

/** Starts a sipp UAS and resolves once it listens on host:port. */
export async function startSippUas(opts: SippUasOptions): Promise<SippProcess> {
  const transport = opts.transport ?? 'udp';
  const scenario = scenarioPath(opts.scenario);
  if (!existsSync(scenario)) throw new Error(`sipp scenario not found: ${scenario}`);
  let lastLog = '';
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = opts.port ?? (await freePort(opts.host));
    const mediaPort = await freePort(opts.host, 4);
    const workDir = mkdtempSync(join(tmpdir(), 'siptrunk-sipp-'));
    const args = [
      '-sf', scenario,
      '-i', opts.host,
      '-p', String(port),
      '-mi', opts.host,
      '-mp', String(mediaPort),
      '-t', transport === 'tcp' ? 't1' : 'u1',
      '-nostdin',
      '-trace_err', '-error_file', join(workDir, 'errors.log'),
      ...(opts.maxCalls !== undefined ? ['-m', String(opts.maxCalls)] : []),
      ...Object.entries(opts.keys ?? {}).flatMap(([k, v]) => ['-key', k, v]),
      ...(opts.args ?? []),
    ];
    const { child, exited } = spawnSipp(args, workDir);
    const h = handle(child, exited, opts.host, port, transport, workDir);
    let dead = false;
    void exited.then(() => (dead = true));
    try {
      await waitFor(
        async () => {
          if (dead) return true;
          return transport === 'udp' ? !(await udpPortFree(opts.host, port)) : tcpAccepts(opts.host, port);
        },
        opts.startTimeoutMs ?? 5000,
        `sipp to listen on ${transport}:${opts.host}:${port}`,
      );
    } catch (e) {
      await h.stop();
      throw e;
    }
    if (!dead) return h;
    const exit = await h.exited;
    if (opts.port !== undefined) throw new Error(`sipp exited at start (code ${exit.code}): ${exit.log}`);
    lastLog = exit.log;
  }
  throw new Error(`sipp could not start on ${opts.host} after 5 attempts; last log:\n${lastLog}`);
}

export interface SippUacOptions {
  /** Scenario file (path or name in test/peers/sipp), or a built-in one such as `uac`. */
  scenario: string;
  /** Where to send: host:port. */
  remote: string;
  host: string;
  transport?: SippTransport;
  /** Calls per second (`-r`). */
  rate?: number;
  /** Rate period in ms (`-rp`). */
  ratePeriodMs?: number;
  /** Total calls (`-m`). */
  calls: number;
  /** Digest credentials (`-au`, `-ap`). */
  username?: string;
  password?: string;
  /** Max simultaneous calls (`-l`). */
  limit?: number;
  args?: string[];
  /** Kill after this long. */
  timeoutMs?: number;
}

export interface SippUacResult extends SippExit {
  elapsedMs: number;
}

/** Runs a sipp UAC until it has placed `calls` calls; resolves with its exit and elapsed time. */
export async function runSippUac(opts: SippUacOptions): Promise<SippUacResult> {
  const transport = opts.transport ?? 'udp';
  const workDir = mkdtempSync(join(tmpdir(), 'siptrunk-sipp-'));
  const port = await freePort(opts.host);
  const mediaPort = await freePort(opts.host, 4);
  const scenario = existsSync(scenarioPath(opts.scenario)) ? ['-sf', scenarioPath(opts.scenario)] : ['-sn', opts.scenario];
  const args = [
    opts.remote,
    ...scenario,
    '-i', opts.host,
    '-p', String(port),
    '-mi', opts.host,
    '-mp', String(mediaPort),
    '-t', transport === 'tcp' ? 't1' : 'u1',
    '-nostdin',
    '-m', String(opts.calls),
    ...(opts.rate !== undefined ? ['-r', String(opts.rate)] : []),
    ...(opts.ratePeriodMs !== undefined ? ['-rp', String(opts.ratePeriodMs)] : []),
    ...(opts.limit !== undefined ? ['-l', String(opts.limit)] : []),
    ...(opts.username !== undefined ? ['-au', opts.username] : []),
    ...(opts.password !== undefined ? ['-ap', opts.password] : []),
    '-trace_err', '-error_file', join(workDir, 'errors.log'),
    ...(opts.args ?? []),
  ];
  const started = Date.now();
  const { child, exited } = spawnSipp(args, workDir);
  const h = handle(child, exited, opts.host, port, transport, workDir);
  const timer = setTimeout(() => void h.stop(), opts.timeoutMs ?? 60_000);
  const exit = await h.exited;
  clearTimeout(timer);
  return { ...exit, elapsedMs: Date.now() - started };
}
