/**
 * Our SipClient against a real Kamailio 5.6 (test/peers/kamailio/auth-trunk.cfg) over UDP, TCP
 * and TLS: OPTIONS challenged with 401 (pv_www_authenticate), INVITE challenged with 407
 * (pv_proxy_authenticate), the password verified; a wrong secret reported as an authentication
 * failure on every transport; TLS version, cipher and certificate expiry reported, and an
 * untrusted certificate refused unless a CA file or `insecure` is given.
 * Loopback 127.0.10.40 (Kamailio) and 127.0.10.41 (our client).
 */
import { describe, it, expect, beforeAll, afterAll, afterEach } from 'vitest';
import { startAuthTrunk, type KamailioProcess } from '../../helpers/kamailio.js';
import { freePort } from '../../helpers/ports.js';
import { createSelfSignedCert } from '../../../src/sip/cert.js';
import { SipClient, type SipClientOptions } from '../../../src/sip/user-agent/sip-client.js';
import { Secret } from '../../../src/util/secret.js';
import type { TransportName } from '../../../src/sip/transport/transport.js';

const PEER = '127.0.10.40';
const LOCAL = '127.0.10.41';
const PASS = 'kamailio-Secret-9';
let kam: KamailioProcess;
const ports: Record<TransportName, number> = { udp: 0, tcp: 0, tls: 0 };
let serverCertPem = '';

beforeAll(async () => {
  ports.udp = await freePort(PEER);
  ports.tcp = await freePort(PEER);
  ports.tls = await freePort(PEER);
  const cert = createSelfSignedCert({ commonName: PEER, days: 30 });
  serverCertPem = cert.certPem;
  kam = await startAuthTrunk({ host: PEER, udpPort: ports.udp, tcpPort: ports.tcp, password: PASS, tls: { port: ports.tls, certPem: cert.certPem, keyPem: cert.keyPem } });
});
afterAll(async () => {
  await kam?.stop();
});

let client: SipClient | undefined;
afterEach(async () => {
  await client?.close();
  client = undefined;
});
function newClient(extra: SipClientOptions = {}): SipClient {
  client = new SipClient({ localAddress: LOCAL, timers: { T1: 50, T2: 400, T4: 500 }, tls: { ca: serverCertPem }, ...extra });
  return client;
}
const creds = (password = PASS) => ({ username: 'kam-user', password: new Secret(password, 'test') });
const target = (transport: TransportName) => ({ host: PEER, port: ports[transport], transport });

for (const transport of ['udp', 'tcp', 'tls'] as const) {
  describe(`Kamailio over ${transport.toUpperCase()}`, () => {
    it('OPTIONS: answers the 401 and gets 200 with the Server header', async () => {
      const r = await newClient().options(target(transport), { credentials: creds(), timeoutMs: 5000 });
      expect(r, JSON.stringify(r) + kam.log().slice(-2000)).toMatchObject({ ok: true, status: 200, auth: 'ok', algorithm: 'MD5', transport, requests: 2 });
      expect(r.server).toBe('kamailio-test');
      expect(r.allow).toContain('INVITE');
      if (transport === 'tls') {
        expect(r.tls).toMatchObject({ authorized: true, authorizationError: null });
        expect(r.tls!.version).toMatch(/^TLSv1\.[23]$/);
        expect(r.tls!.cipher).toBeTruthy();
        expect(r.tls!.certDaysLeft).toBeGreaterThanOrEqual(29);
        expect(Date.parse(r.tls!.certExpires!)).toBeGreaterThan(Date.now());
      } else expect(r.tls).toBeUndefined();
    });

    it('OPTIONS: reports a wrong secret as an authentication failure', async () => {
      const r = await newClient().options(target(transport), { credentials: creds('Wrong-Kam-Pass'), timeoutMs: 5000 });
      expect(r).toMatchObject({ ok: false, outcome: 'auth-failed', auth: 'failed', status: 403 });
    });

    it('INVITE: answers the 407, is answered with an SDP choosing PCMU, ACKs and hangs up', async () => {
      const r = await newClient().invite(target(transport), { to: '+14155550100', from: '+442071838750', holdMs: 50, credentials: creds(), codecs: ['PCMA', 'PCMU'] });
      expect(r, JSON.stringify(r)).toMatchObject({ ok: true, status: 200, auth: 'ok', byeStatus: 200, transport });
      expect(r.codec).toMatchObject({ name: 'PCMU', payloadType: 0 });
      expect(r.timeline.map((e) => e.status).filter(Boolean)).toEqual([407, 100, 180, 200, 200]);
    });

    it('INVITE: reports a wrong secret as an authentication failure', async () => {
      const r = await newClient().invite(target(transport), { to: '+14155550100', from: '+442071838750', holdMs: 0, credentials: creds('Wrong-Kam-Pass') });
      expect(r).toMatchObject({ ok: false, outcome: 'auth-failed', auth: 'failed', status: 403 });
    });
  });
}

describe('Kamailio: a 407 then a 401', () => {
  it('answers both challenges and sends both credentials in the final INVITE', async () => {
    const r = await newClient().invite(target('udp'), { to: '4074010000', from: '442071838750', holdMs: 0, credentials: creds() });
    expect(r, JSON.stringify(r)).toMatchObject({ ok: true, status: 200, auth: 'ok' });
    expect(r.timeline.map((e) => e.status).filter(Boolean)).toEqual([407, 401, 100, 180, 200, 200]);
  });

  it('still reports a wrong secret as an authentication failure', async () => {
    const r = await newClient().invite(target('tcp'), { to: '4074010000', from: '442071838750', holdMs: 0, credentials: creds('Wrong-Kam-Pass') });
    expect(r).toMatchObject({ ok: false, outcome: 'auth-failed', status: 403 });
  });
});

describe('Kamailio TLS certificate checks', () => {
  it('refuses the self-signed server certificate against the system CAs', async () => {
    const r = await newClient({ tls: {} }).options(target('tls'), { credentials: creds(), timeoutMs: 5000 });
    expect(r).toMatchObject({ ok: false, outcome: 'transport-error' });
    expect(r.error?.code).toBe('tls-unauthorized');
    expect(r.tls).toMatchObject({ authorized: false });
    expect(r.tls!.authorizationError).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY/);
  });

  it('connects with insecure and still reports the certificate as unverified', async () => {
    const r = await newClient({ tls: { insecure: true } }).options(target('tls'), { credentials: creds(), timeoutMs: 5000 });
    expect(r).toMatchObject({ ok: true, status: 200 });
    expect(r.tls).toMatchObject({ authorized: false });
  });

  it('negotiates TLS 1.3 when the minimum version is raised to TLS 1.3', async () => {
    const r = await newClient({ tls: { ca: serverCertPem, minVersion: 'TLSv1.3' } }).options(target('tls'), { credentials: creds(), timeoutMs: 5000 });
    expect(r.tls?.version).toBe('TLSv1.3');
  });
});
