/**
 * `siptrunk probe` exit codes, each from a real situation against real peers on loopback:
 * a model whose carrier endpoints (two primaries, one backup, from the carrier's regional plan)
 * are sipp peers that check the Digest password, named by a real DNS server; and Kamailio over
 * TLS with a certificate that expires in 5 days.
 *   0 all up, 1 primary down (backup answers), 2 all down, 2 wrong secret, 1 expiring
 *   certificate, 3 bad arguments or an unreadable model.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/commands/probe.js';
import { createSelfSignedCert } from '../../src/sip/cert.js';
import { startDnsServer, type TestDnsServer } from '../helpers/dns-server.js';
import { startAuthTrunk, type KamailioProcess } from '../helpers/kamailio.js';
import { freePort, tcpPortFree, udpPortFree } from '../helpers/ports.js';
import { runCli } from '../helpers/run-cli.js';
import { startSippUas, type SippProcess } from '../helpers/sipp.js';

// Each test runs the CLI as a process (a second or more of start-up on a loaded machine).
vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });

const DNS_HOST = '127.0.30.20';
const HOSTS = { 'sip-us1.probe.test': '127.0.30.21', 'sip-us2.probe.test': '127.0.30.22', 'sip-eu1.probe.test': '127.0.30.23' };
const TLS_HOST = '127.0.30.24';
const FORWARD_HOST = '127.0.30.25';
const OK_SCENARIO = new URL('./peers/options-200.xml', import.meta.url).pathname;
const USER = 'probekey';
const SECRET = 'probe-Secret-7f3a9c';

let dir: string;
let dns: TestDnsServer;
let port: number;
let model: string;
let badModel: string;
const peers = new Map<string, SippProcess>();
let kamailio: KamailioProcess | undefined;
let forward: SippProcess;
let tls: { udp: number; tcp: number; tls: number; caFile: string };

async function portFreeOnAll(hosts: string[]): Promise<number> {
  for (;;) {
    const p = await freePort(hosts[0]!);
    let ok = true;
    for (const h of hosts.slice(1)) ok = ok && (await udpPortFree(h, p));
    if (ok) return p;
  }
}

async function startPeer(host: string): Promise<void> {
  peers.set(host, await startSippUas({ scenario: 'options-401.xml', host, port, keys: { user: USER, pass: SECRET } }));
}

async function stopPeer(host: string): Promise<void> {
  await peers.get(host)?.stop();
  peers.delete(host);
}

function probe(args: string[], secret = SECRET) {
  return runCli(['probe', ...args], { env: { PROBE_SECRET: secret }, timeoutMs: 30_000 });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'siptrunk-probe-'));
  dns = await startDnsServer({
    host: DNS_HOST,
    zone: Object.fromEntries(Object.entries(HOSTS).map(([name, a]) => [name, { A: [a] }])),
  });
  port = await portFreeOnAll(Object.values(HOSTS));
  // The PBX the carrier forwards inbound calls to: answers OPTIONS without a challenge.
  forward = await startSippUas({ scenario: OK_SCENARIO, host: FORWARD_HOST });
  const endpoint = (host: string, region: string, city: string, lat: number, lon: number) =>
    `    - { host: ${host}, region: ${region}, location: ${city}, latitude: ${lat}, longitude: ${lon} }`;
  const text = [
    'name: probetest',
    'carrier:',
    '  base: nexmo',
    '  domain: sip.probe.test',
    '  endpoints:',
    endpoint('sip-us1.probe.test', 'us', 'Washington', 38.9072, -77.0369),
    endpoint('sip-us2.probe.test', 'us', 'Washington', 38.9072, -77.0369),
    endpoint('sip-eu1.probe.test', 'eu', 'London', 51.5074, -0.1278),
    `  ports: { udp: ${port}, tcp: ${port}, tls: ${port + 1} }`,
    `account: { apiKey: ${USER}, secret: "\${PROBE_SECRET}" }`,
    'numbers: { callerId: "+14155550100", dids: ["+14155550100"] }',
    'codecs: [PCMU]',
    'transports: [udp]',
    'region: us-east',
    `dns: { server: "${dns.address}" }`,
    `forwardToSip: ["sip:1000@${FORWARD_HOST}:${forward.port}"]`,
    '',
  ].join('\n');
  model = join(dir, 'trunk.yaml');
  writeFileSync(model, text);
  badModel = join(dir, 'bad.yaml');
  writeFileSync(badModel, text.replace('region: us-east', 'region: atlantis'));
  for (const h of Object.values(HOSTS)) await startPeer(h);
});

afterAll(async () => {
  for (const h of [...peers.keys()]) await stopPeer(h);
  await kamailio?.stop();
  await forward?.stop();
  await dns?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('siptrunk probe on a model', () => {
  it('exits 0 (OK) when every endpoint answers and authenticates', async () => {
    const r = await probe([model, '--json', '--timeout', '2000']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.state).toBe('OK');
    expect(j.results.map((x: { role: string; address: string }) => `${x.role} ${x.address}`).sort()).toEqual([
      'backup 127.0.30.23', `forward ${FORWARD_HOST}`, 'primary 127.0.30.21', 'primary 127.0.30.22',
    ]);
    for (const x of j.results) {
      expect(x).toMatchObject({ success: true, status: 200, transport: 'udp' });
      expect(x.rttMs).toBeGreaterThan(0);
      // The carrier challenges; the PBX behind forward-to-SIP does not.
      expect([x.auth, x.algorithm]).toEqual(x.role === 'forward' ? ['none', undefined] : ['ok', 'MD5']);
    }
  });

  it('prints one Nagios line with perfdata', async () => {
    const r = await probe([model, '--nagios', '--warn-rtt', '1000', '--crit-rtt', '2000', '--timeout', '2000']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toMatch(/^SIP OK - 4\/4 endpoints answer \| rtt=\d+\.\d{3}ms;1000;2000;0; answered=4;;;0;4\n$/);
  });

  it('exits 1 (WARNING) when a primary is down and the backup answers', async () => {
    await stopPeer(HOSTS['sip-us1.probe.test']);
    try {
      const r = await probe([model, '--nagios', '--timeout', '1500']);
      expect(r.code, r.stdout + r.stderr).toBe(1);
      expect(r.stdout).toMatch(/^SIP WARNING - degraded: primary sip-us1\.probe\.test:\d+\/udp down, a backup answers/);
    } finally {
      await startPeer(HOSTS['sip-us1.probe.test']);
    }
  });

  it('exits 1 (WARNING) when an answer is slower than --warn-rtt, 2 over --crit-rtt', async () => {
    expect((await probe([model, '--nagios', '--warn-rtt', '0', '--timeout', '2000'])).code).toBe(1);
    expect((await probe([model, '--nagios', '--warn-rtt', '0', '--crit-rtt', '0', '--timeout', '2000'])).code).toBe(2);
  });

  it('exits 2 (CRITICAL) when the secret is wrong', async () => {
    const r = await probe([model, '--json', '--timeout', '2000'], 'not-the-secret');
    expect(r.code, r.stdout + r.stderr).toBe(2);
    const j = JSON.parse(r.stdout);
    expect(j.reasons[0]).toMatch(/^authentication failed at /);
    const carrier = j.results.filter((x: { role: string }) => x.role !== 'forward');
    expect(carrier).toHaveLength(3);
    expect(carrier.every((x: { auth: string; status: number }) => x.auth === 'failed' && x.status === 403)).toBe(true);
    expect(r.stdout + r.stderr).not.toContain('not-the-secret');
  });

  it('exits 2 (CRITICAL) when the carrier answers but no forward-to-SIP entry does', async () => {
    await forward.stop();
    try {
      const r = await probe([model, '--nagios', '--timeout', '1000']);
      // The only forward entry is down: inbound calls have nowhere to go.
      expect(r.code, r.stdout + r.stderr).toBe(2);
      expect(r.stdout).toMatch(/^SIP CRITICAL - no forward-to-SIP entry answers \(1 tried\)/);
    } finally {
      forward = await startSippUas({ scenario: OK_SCENARIO, host: FORWARD_HOST, port: forward.port });
    }
  });

  it('exits 2 (CRITICAL) when no endpoint answers', async () => {
    for (const h of Object.values(HOSTS)) await stopPeer(h);
    try {
      const r = await probe([model, '--nagios', '--timeout', '1000']);
      expect(r.code, r.stdout + r.stderr).toBe(2);
      expect(r.stdout).toMatch(/^SIP CRITICAL - no endpoint answers \(3 tried\)/);
    } finally {
      for (const h of Object.values(HOSTS)) await startPeer(h);
    }
  });
});

describe('siptrunk probe --target over TLS', () => {
  beforeAll(async () => {
    const cert = createSelfSignedCert({ commonName: TLS_HOST, days: 5 });
    const caFile = join(dir, 'peer-cert.pem');
    writeFileSync(caFile, cert.certPem);
    let p: number;
    do p = await freePort(TLS_HOST, 3);
    while (!(await tcpPortFree(TLS_HOST, p + 2)));
    tls = { udp: p, tcp: p + 1, tls: p + 2, caFile };
    kamailio = await startAuthTrunk({ host: TLS_HOST, udpPort: p, tcpPort: p + 1, tls: { port: p + 2, certPem: cert.certPem, keyPem: cert.keyPem }, password: SECRET });
  });

  it('exits 1 (WARNING) for a certificate that expires in 5 days, and reports version, cipher and days left', async () => {
    const r = await probe(['--target', `sips:${TLS_HOST}:${tls.tls}`, '--ca', tls.caFile, '--key', USER, '--secret-env', 'PROBE_SECRET', '--json', '--timeout', '3000']);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    const j = JSON.parse(r.stdout);
    const x = j.results[0];
    expect(x).toMatchObject({ success: true, status: 200, auth: 'ok', transport: 'tls' });
    expect(x.tls.version).toMatch(/^TLSv1\.[23]$/);
    expect(x.tls.cipher).toBeTruthy();
    expect(x.tls.certDaysLeft).toBeGreaterThanOrEqual(4);
    expect(x.tls.certDaysLeft).toBeLessThanOrEqual(5);
    expect(j.reasons[0]).toMatch(/TLS certificate of .* expires in [45] days/);
  });

  it('exits 0 over TCP on the same peer, and 2 when its certificate is not trusted', async () => {
    const tcp = await probe(['--target', `sip:${TLS_HOST}:${tls.tcp};transport=tcp`, '--key', USER, '--secret-env', 'PROBE_SECRET', '--nagios', '--timeout', '3000']);
    expect(tcp.code, tcp.stdout + tcp.stderr).toBe(0);
    const untrusted = await probe(['--target', `sips:${TLS_HOST}:${tls.tls}`, '--key', USER, '--secret-env', 'PROBE_SECRET', '--json', '--timeout', '3000']);
    expect(untrusted.code, untrusted.stdout).toBe(2);
    expect(JSON.parse(untrusted.stdout).results[0].outcome).toBe('tls-error');
  });
});

describe('siptrunk probe UNKNOWN (exit 3)', () => {
  // In-process (the same run() the CLI calls) to keep the suite short; one case below goes
  // through the real process to show the exit code itself.
  async function inProcess(args: string[], env: Record<string, string | undefined> = { PROBE_SECRET: SECRET }) {
    let out = '';
    const saved = { ...process.env };
    Object.assign(process.env, env);
    for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => {
      out += String(c);
      return true;
    });
    try {
      const positional = args.filter((a, i) => !a.startsWith('--') && !(args[i - 1] ?? '').startsWith('--'));
      const opts: Record<string, unknown> = { nagios: true, method: 'options' };
      args.forEach((a, i) => {
        if (!a.startsWith('--')) return;
        const name = a.slice(2).replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
        opts[name] = args[i + 1];
      });
      const code = await run(positional, opts);
      return { code, out };
    } finally {
      spy.mockRestore();
      process.env = saved;
    }
  }

  it.each([
    ['a model and --target together', () => [model, '--target', 'sip:127.0.0.1']],
    ['an unknown method', () => ['--target', 'sip:127.0.0.1', '--method', 'register']],
    ['an unknown transport', () => ['--target', 'sip:127.0.0.1', '--transport', 'sctp']],
    ['--warn-rtt above --crit-rtt', () => ['--target', 'sip:127.0.0.1', '--warn-rtt', '500', '--crit-rtt', '100']],
    ['a bad target', () => ['--target', 'http://example.com']],
    ['nothing to probe', () => []],
    ['an unreadable model', () => [join(dir, 'missing.yaml')]],
    ['an invalid model', () => [badModel]],
  ])('for %s, with a Nagios UNKNOWN line', async (_name, args) => {
    const r = await inProcess(args());
    expect(r.code, r.out).toBe(3);
    expect(r.out).toMatch(/^SIP UNKNOWN - [A-Z_]+: /);
  });

  it('for a secret variable that is not set', async () => {
    const r = await inProcess([model], { PROBE_SECRET: undefined });
    expect(r.code).toBe(3);
    expect(r.out).toMatch(/^SIP UNKNOWN - MODEL_/);
  });

  it('as the exit code of the real process, with the error on stderr', async () => {
    const r = await runCli(['probe', '--target', 'sip:127.0.0.1', '--method', 'register']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('PROBE_ARGUMENT_INVALID');
  });
});
