/**
 * dnsmasq (Debian `dnsmasq-base` 2.90) as a second, independent DNS server for interop tests
 * and benchmarks: SRV from --srv-host, NAPTR from --naptr-record, A/AAAA from --host-record,
 * on a loopback address and port, in the foreground, with no upstream and no hosts file.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import dgram from 'node:dgram';
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import * as packet from 'dns-packet';

export interface DnsmasqOptions {
  host: string;
  /** dnsmasq arguments for the records: --srv-host=..., --naptr-record=..., --host-record=... */
  records: string[];
  /** TTL of the local records (--local-ttl); dnsmasq's default is 0. */
  ttl?: number;
}

export interface Dnsmasq {
  host: string;
  port: number;
  address: string;
  pid: number;
  stop(): Promise<void>;
}

/** Debian installs dnsmasq in /usr/sbin, which is not on every user's PATH. */
const DNSMASQ = existsSync('/usr/sbin/dnsmasq') ? '/usr/sbin/dnsmasq' : 'dnsmasq';

/** dnsmasq drops privileges to a user and group that must exist: run it as ourselves. */
function identity(): string[] {
  const user = userInfo().username;
  let group = user;
  try {
    group = execFileSync('id', ['-gn'], { encoding: 'utf8' }).trim();
  } catch {
    // keep the user name
  }
  return [`--user=${user}`, `--group=${group}`];
}

const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const c of live) c.kill('SIGKILL');
});

/** One A query for a name dnsmasq holds; true when it answers. */
function answers(host: string, port: number, name: string): Promise<boolean> {
  return new Promise((resolve) => {
    const s = dgram.createSocket('udp4');
    const done = (ok: boolean): void => {
      clearTimeout(t);
      s.close();
      resolve(ok);
    };
    const t = setTimeout(() => done(false), 200);
    s.on('error', () => done(false));
    s.on('message', () => done(true));
    s.send(packet.encode({ type: 'query', id: 1, questions: [{ type: 'A', name }] }), port, host);
  });
}

export async function startDnsmasq(opts: DnsmasqOptions): Promise<Dnsmasq> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = 20000 + Math.floor(Math.random() * 40000);
    const args = [
      '--no-daemon', '--no-resolv', '--no-hosts', '--no-poll', '--bind-interfaces',
      '--listen-address', opts.host, '--port', String(port),
      '--pid-file=', '--log-facility=-', ...identity(),
      `--local-ttl=${opts.ttl ?? 60}`,
      ...opts.records,
    ];
    const child = spawn(DNSMASQ, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    live.add(child);
    let log = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (d: string) => (log = (log + d).slice(-4000)));
    const exited = new Promise<void>((r) => child.once('exit', () => {
      live.delete(child);
      r();
    }));
    let dead = false;
    void exited.then(() => (dead = true));
    const deadline = Date.now() + 5000;
    while (!dead && Date.now() < deadline) {
      if (await answers(opts.host, port, 'ready.invalid')) {
        return {
          host: opts.host,
          port,
          address: `${opts.host}:${port}`,
          pid: child.pid ?? -1,
          stop: async () => {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
            await exited;
          },
        };
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    if (!dead) {
      child.kill('SIGKILL');
      await exited;
      throw new Error(`dnsmasq did not answer on ${opts.host}:${port}: ${log}`);
    }
    if (!/Address already in use/i.test(log)) throw new Error(`dnsmasq exited at start: ${log}`);
  }
  throw new Error('dnsmasq could not find a free port after 5 attempts');
}
