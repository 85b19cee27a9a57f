/**
 * `siptrunk options` end to end: the CLI in a child process against a real sipp UAS (UDP, TCP)
 * and Kamailio over TLS with a certificate from `siptrunk cert`. Exit codes: 0 answered 2xx,
 * 1 answered failure or auth failed, 2 timeout or transport error, 3 usage.
 * Loopback 127.0.10.50 (peers).
 */
import { describe, it, expect, afterEach } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';
import { startSippUas, type SippProcess } from '../helpers/sipp.js';
import { startAuthTrunk, type KamailioProcess } from '../helpers/kamailio.js';
import { freePort } from '../helpers/ports.js';
import { run as runOptions } from '../../src/cli/commands/options.js';
import { startDnsServer, type TestDnsServer } from '../helpers/dns-server.js';

const PEER = '127.0.10.50';
const env = { TRUNK_SECRET: 'cli-Secret-42' };
let uas: SippProcess | undefined;
let kam: KamailioProcess | undefined;
let uas2: SippProcess | undefined;
let dns: TestDnsServer | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await uas2?.stop();
  await dns?.close();
  uas2 = undefined;
  dns = undefined;
  await uas?.stop();
  await kam?.stop();
  uas = kam = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('siptrunk options', () => {
  for (const transport of ['udp', 'tcp'] as const) {
    it(`answers the challenge over ${transport.toUpperCase()} and prints the JSON result (exit 0)`, async () => {
      uas = await startSippUas({ scenario: 'options-401.xml', host: PEER, transport, keys: { user: 'key1', pass: env.TRUNK_SECRET } });
      const r = await runCli(['options', `sip:${PEER}:${uas.port};transport=${transport}`, '--key', 'key1', '--secret-env', 'TRUNK_SECRET', '--json'], { env });
      expect(r.code, r.stderr).toBe(0);
      const j = JSON.parse(r.stdout);
      expect(j).toMatchObject({ ok: true, status: 200, reason: 'OK', transport, remote: `${PEER}:${uas.port}`, auth: 'ok', algorithm: 'MD5', server: 'sipp-uas/3.6' });
      expect(typeof j.rttMs).toBe('number');
      expect(j.tls).toBeUndefined();
      expect(r.stdout).not.toContain(env.TRUNK_SECRET);
    });
  }

  it('prints a readable summary, taking host:port and --transport', async () => {
    uas = await startSippUas({ scenario: 'options-401.xml', host: PEER, transport: 'tcp', keys: { user: 'key1', pass: env.TRUNK_SECRET } });
    const dir = mkdtempSync(join(tmpdir(), 'siptrunk-secret-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'secret'), env.TRUNK_SECRET + '\n', { mode: 0o600 });
    const r = await runCli(['options', `${PEER}:${uas.port}`, '--transport', 'tcp', '--key', 'key1', '--secret-file', join(dir, 'secret')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^OPTIONS ${PEER.replace(/\./g, '\\.')}:${uas.port} via TCP ${PEER.replace(/\./g, '\\.')}:${uas.port}: 200 OK in [\\d.]+ ms`));
    expect(r.stdout).toContain('auth: ok (MD5)');
    expect(r.stdout).toContain('server: sipp-uas/3.6');
  });

  it('resolves a host name with SRV through --dns-server and fails over past a 503 (RFC 3263 4.3)', async () => {
    uas = await startSippUas({ scenario: 'options-503.xml', host: '127.0.10.52' });
    uas2 = await startSippUas({ scenario: 'options-401.xml', host: '127.0.10.53', keys: { user: 'key1', pass: env.TRUNK_SECRET } });
    dns = await startDnsServer({
      host: '127.0.10.54',
      zone: {
        '_sip._udp.trunk.test': { SRV: [{ priority: 10, weight: 1, port: uas.port, target: 'a.trunk.test' }, { priority: 20, weight: 1, port: uas2.port, target: 'b.trunk.test' }] },
        'a.trunk.test': { A: ['127.0.10.52'] },
        'b.trunk.test': { A: ['127.0.10.53'] },
      },
    });
    const r = await runCli(['options', 'trunk.test', '--transport', 'udp', '--dns-server', dns.address, '--key', 'key1', '--secret-env', 'TRUNK_SECRET', '--json'], { env });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ ok: true, status: 200, remote: `127.0.10.53:${uas2.port}`, auth: 'ok' });
    expect(j.attempts.map((a: { address: string; outcome: string; status?: number }) => [a.address, a.outcome, a.status])).toEqual([
      ['127.0.10.52', 'unavailable', 503],
      ['127.0.10.53', 'answered', 200],
    ]);
  }, 60_000);

  it('the carrier domain without SRV falls back to its regional endpoints, the two nearest to --region first', async () => {
    // sip-eu1 has no listener, sip-eu2 answers; the rest of the world is further away.
    uas = await startSippUas({ scenario: 'options-401.xml', host: '127.0.10.62', port: 5060, keys: { user: 'key1', pass: env.TRUNK_SECRET } });
    dns = await startDnsServer({
      host: '127.0.10.54',
      zone: {
        'sip-eu1.nexmo.com': { A: ['127.0.10.61'] },
        'sip-eu2.nexmo.com': { A: ['127.0.10.62'] },
        'sip-us1.nexmo.com': { A: ['127.0.10.63'] },
        'sip-us2.nexmo.com': { A: ['127.0.10.64'] },
        'sip-ap1.nexmo.com': { A: ['127.0.10.65'] },
        'sip-ap2.nexmo.com': { A: ['127.0.10.66'] },
      },
    });
    const r = await runCli(['options', 'sip.nexmo.com', '--region', 'eu-west', '--dns-server', dns.address, '--timeout', '2000', '--key', 'key1', '--secret-env', 'TRUNK_SECRET', '--json'], { env });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ ok: true, status: 200, remote: '127.0.10.62:5060', auth: 'ok' });
    // Every attempt stayed within the London pair: the first tier of eu-west.
    for (const a of j.attempts as Array<{ address: string }>) expect(['127.0.10.61', '127.0.10.62']).toContain(a.address);
    expect(j.attempts.at(-1)).toMatchObject({ address: '127.0.10.62', outcome: 'answered', status: 200 });
  }, 60_000);

  it('exits 1 on a wrong secret, reporting auth failed', async () => {
    uas = await startSippUas({ scenario: 'options-401.xml', host: PEER, keys: { user: 'key1', pass: env.TRUNK_SECRET } });
    const r = await runCli(['options', `${PEER}:${uas.port}`, '--key', 'key1', '--secret-env', 'TRUNK_SECRET', '--json'], { env: { TRUNK_SECRET: 'not-it' } });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, outcome: 'auth-failed', auth: 'failed', status: 403 });
  });

  it('exits 1 on a 503', async () => {
    uas = await startSippUas({ scenario: 'options-503.xml', host: PEER });
    const r = await runCli(['options', `${PEER}:${uas.port}`, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, outcome: 'answered', status: 503 });
  });

  it('exits 2 when the peer never answers within --timeout', async () => {
    uas = await startSippUas({ scenario: 'silent.xml', host: PEER });
    const r = await runCli(['options', `${PEER}:${uas.port}`, '--timeout', '300', '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, outcome: 'timeout', status: null });
  });

  it('exits 2 when nothing listens on TCP', async () => {
    const port = await freePort(PEER);
    const r = await runCli(['options', `sip:${PEER}:${port};transport=tcp`, '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ outcome: 'transport-error', error: { code: 'connect-refused' } });
  });

  it('exits 3 on bad usage (a key without a secret)', async () => {
    const r = await runCli(['options', `${PEER}:5060`, '--key', 'k']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('SIPUA_NO_SECRET');
  });

  it('refuses bad input with typed errors before sending anything', async () => {
    const cases: [string[], Record<string, unknown>, string][] = [
      [['sip:'], {}, 'SIPUA_BAD_TARGET'],
      [[`${PEER}:99999`], {}, 'SIPUA_BAD_TARGET'],
      [[`${PEER}:5060`], { transport: 'sctp' }, 'SIPUA_BAD_TRANSPORT'],
      [[`sips:${PEER}`], { transport: 'udp' }, 'SIPUA_BAD_TARGET'],
      [[`${PEER}:5060`], { key: 'k', secretEnv: 'SIPTRUNK_TEST_UNSET_VARIABLE' }, 'SIPUA_NO_SECRET'],
      [[`${PEER}:5060`], { key: 'k', secretFile: '/nonexistent/secret' }, 'SIPUA_SECRET_FILE'],
      [[`${PEER}:5060`], { timeout: 'soon' }, 'SIPUA_BAD_NUMBER'],
      [[`${PEER}:5060`], { cert: '/nonexistent/cert.pem' }, 'SIPUA_TLS_FILE'],
    ];
    for (const [args, opts, code] of cases) {
      await expect(runOptions(args, opts), JSON.stringify([args, opts])).rejects.toMatchObject({ code });
    }
  });

  it('TLS: trusts a certificate made by `siptrunk cert` through --ca and reports version, cipher and expiry', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'siptrunk-cert-'));
    dirs.push(dir);
    const made = await runCli(['cert', '--out', join(dir, 'server'), '--cn', PEER, '--days', '10', '--json']);
    expect(made.code, made.stderr).toBe(0);
    const tlsPort = await freePort(PEER);
    kam = await startAuthTrunk({
      host: PEER, udpPort: await freePort(PEER), tcpPort: await freePort(PEER), password: env.TRUNK_SECRET,
      tls: { port: tlsPort, certPem: readFileSync(join(dir, 'server', 'cert.pem'), 'utf8'), keyPem: readFileSync(join(dir, 'server', 'key.pem'), 'utf8') },
    });
    const ok = await runCli(['options', `sips:${PEER}:${tlsPort}`, '--key', 'k', '--secret-env', 'TRUNK_SECRET', '--ca', join(dir, 'server', 'cert.pem'), '--json'], { env });
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    const j = JSON.parse(ok.stdout);
    expect(j).toMatchObject({ ok: true, transport: 'tls', auth: 'ok', tls: { authorized: true, certDaysLeft: 9 } });
    expect(j.tls.version).toMatch(/^TLSv1\.[23]$/);
    const refused = await runCli(['options', `sips:${PEER}:${tlsPort}`, '--json']);
    expect(refused.code).toBe(2);
    expect(JSON.parse(refused.stdout)).toMatchObject({ outcome: 'transport-error', error: { code: 'tls-unauthorized' }, tls: { authorized: false } });
  }, 120_000);
});
