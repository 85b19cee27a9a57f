/**
 * The options and invite probers against Kamailio (Digest auth over UDP, TCP and TLS): what
 * counts as up, what is an authentication failure, and what a TLS probe reports.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSelfSignedCert } from '../../src/sip/cert.js';
import { createSipProbers, type SipProbers } from '../../src/probe/sip-probers.js';
import { probeTargetText } from '../../src/probe/run-probe.js';
import type { ProbeModuleSettings, ProbeTransport } from '../../src/probe/types.js';
import { Secret } from '../../src/util/secret.js';
import { startAuthTrunk, type KamailioProcess } from '../helpers/kamailio.js';
import { freePort, tcpPortFree } from '../helpers/ports.js';

const HOST = '127.0.30.70';
const PASSWORD = 'kam-Secret-55';
let kam: KamailioProcess;
let probers: SipProbers;
let ports: Record<ProbeTransport, number>;
let dir: string;
const quiet = { debug() {}, info() {}, warn() {} };

function probe(transport: ProbeTransport, module: Partial<ProbeModuleSettings>) {
  const scheme = transport === 'tls' ? 'sips' : 'sip';
  const target = `${scheme}:${HOST}:${ports[transport]}${transport === 'tcp' ? ';transport=tcp' : ''}`;
  return probeTargetText(target, { method: 'options', timeoutMs: 3000, ...module }, undefined, probers.table, AbortSignal.timeout(10_000), quiet);
}
const creds = (password: string) => ({ credentials: { username: 'user', password: new Secret(password) } });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'siptrunk-probers-'));
  const cert = createSelfSignedCert({ commonName: HOST, days: 90 });
  writeFileSync(join(dir, 'ca.pem'), cert.certPem);
  let p: number;
  do p = await freePort(HOST, 3);
  while (!(await tcpPortFree(HOST, p + 2)));
  ports = { udp: p, tcp: p + 1, tls: p + 2 };
  kam = await startAuthTrunk({ host: HOST, udpPort: p, tcpPort: p + 1, tls: { port: p + 2, certPem: cert.certPem, keyPem: cert.keyPem }, password: PASSWORD });
  probers = createSipProbers();
});
afterAll(async () => {
  await probers?.close();
  await kam?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('options prober against Kamailio', () => {
  it.each(['udp', 'tcp', 'tls'] as const)('over %s: up and authenticated with the right secret', async (t) => {
    const r = await probe(t, { ...creds(PASSWORD), caFile: join(dir, 'ca.pem') });
    expect(r, r.error).toMatchObject({ success: true, outcome: 'answered', status: 200, auth: 'ok', algorithm: 'MD5', transport: t });
    if (t === 'tls') {
      expect(r.tls?.version).toMatch(/^TLSv1\.[23]$/);
      expect(r.tls?.certDaysLeft).toBeGreaterThanOrEqual(89);
    } else {
      expect(r.tls).toBeUndefined();
    }
  });

  it.each(['udp', 'tcp', 'tls'] as const)('over %s: an authentication failure with the wrong secret', async (t) => {
    const r = await probe(t, { ...creds('wrong'), insecure: true });
    expect(r).toMatchObject({ success: false, outcome: 'auth-failed', auth: 'failed' });
  });

  it('counts a 401 challenge as up when no credentials are given', async () => {
    const r = await probe('udp', {});
    expect(r).toMatchObject({ success: true, outcome: 'answered', status: 401, auth: 'none' });
  });

  it('reports an untrusted certificate as a TLS error', async () => {
    const r = await probe('tls', creds(PASSWORD));
    expect(r).toMatchObject({ success: false, outcome: 'tls-error' });
  });
});

describe('invite prober against Kamailio', () => {
  it('places an authenticated test call that is answered', async () => {
    const r = await probe('udp', { ...creds(PASSWORD), method: 'invite', call: { to: '+14155550100', from: '+14155550199' } });
    expect(r, r.error).toMatchObject({ success: true, outcome: 'answered', status: 200, auth: 'ok' });
    expect(r.rttMs).toBeGreaterThan(0);
  });

  it('reports the wrong secret as an authentication failure', async () => {
    const r = await probe('tcp', { ...creds('wrong'), method: 'invite' });
    expect(r).toMatchObject({ success: false, outcome: 'auth-failed' });
  });
});
