/**
 * OPTIONS from our SipClient against a real sipp UAS over UDP and TCP: 401 challenge checked by
 * sipp's <verifyauth>, a wrong secret, a 503 peer and a peer that never answers; then the
 * packet-loss case through the loss-injecting relay (a fake: no real peer drops on demand).
 * Loopback 127.0.10.30 (sipp) and 127.0.10.31 (our client).
 */
import { describe, it, expect, afterEach } from 'vitest';
import { startSippUas, type SippProcess } from '../../helpers/sipp.js';
import { startLossRelay, type LossRelay } from '../../helpers/loss-relay.js';
import { SipClient } from '../../../src/sip/user-agent/sip-client.js';
import { Secret } from '../../../src/util/secret.js';

const PEER = '127.0.10.30';
const LOCAL = '127.0.10.31';
const USER = 'api-key-1';
const PASS = 'sipp-secret';

let uas: SippProcess | undefined;
let relay: LossRelay | undefined;
let client: SipClient | undefined;
afterEach(async () => {
  await client?.close();
  await relay?.close();
  await uas?.stop();
  uas = relay = client = undefined;
});

function newClient(T1 = 50): SipClient {
  client = new SipClient({ localAddress: LOCAL, timers: { T1, T2: 8 * T1, T4: 10 * T1 } });
  return client;
}
const creds = (password = PASS) => ({ username: USER, password: new Secret(password, 'test') });

for (const transport of ['udp', 'tcp'] as const) {
  describe(`OPTIONS against sipp over ${transport.toUpperCase()}`, () => {
    it('answers the 401 challenge; sipp verifies the digest and answers 200 with Server, Allow, Supported, Accept', async () => {
      uas = await startSippUas({ scenario: 'options-401.xml', host: PEER, transport, keys: { user: USER, pass: PASS } });
      const r = await newClient().options({ host: PEER, port: uas.port, transport }, { credentials: creds(), timeoutMs: 5000 });
      expect(r).toMatchObject({ ok: true, outcome: 'answered', status: 200, auth: 'ok', algorithm: 'MD5', transport, remote: `${PEER}:${uas.port}`, requests: 2 });
      expect(r.server).toBe('sipp-uas/3.6');
      expect(r.allow).toContain('INVITE');
      expect(r.supported).toEqual(['timer', 'replaces']);
      expect(r.accept).toEqual(['application/sdp']);
      expect(r.rttMs).toBeGreaterThan(0);
      expect(r.local).toMatch(/^127\.0\.10\.31:\d+$/);
    });

    it('reports a wrong secret as an authentication failure', async () => {
      uas = await startSippUas({ scenario: 'options-401.xml', host: PEER, transport, keys: { user: USER, pass: PASS } });
      const r = await newClient().options({ host: PEER, port: uas.port, transport }, { credentials: creds('Wr0ng-S3cret-x'), timeoutMs: 5000 });
      expect(r).toMatchObject({ ok: false, outcome: 'auth-failed', status: 403, auth: 'failed' });
      expect(JSON.stringify(r)).not.toContain('Wr0ng-S3cret-x');
    });

    it('reports a 401 without credentials as an authentication failure', async () => {
      uas = await startSippUas({ scenario: 'options-401.xml', host: PEER, transport, keys: { user: USER, pass: PASS } });
      const r = await newClient().options({ host: PEER, port: uas.port, transport }, { timeoutMs: 5000 });
      expect(r).toMatchObject({ ok: false, outcome: 'auth-failed', status: 401, auth: 'failed' });
      expect(r.error?.code).toBe('SIP_AUTH_NO_CREDENTIALS');
    });

    it('reports a 503 peer as answered, not ok', async () => {
      uas = await startSippUas({ scenario: 'options-503.xml', host: PEER, transport });
      const r = await newClient().options({ host: PEER, port: uas.port, transport }, { timeoutMs: 5000 });
      expect(r).toMatchObject({ ok: false, outcome: 'answered', status: 503, reason: 'Service Unavailable', auth: 'none', retryAfterSeconds: 30 });
    });

    it('reports a peer that never answers as a timeout (Timer F with T1 = 10 ms)', async () => {
      uas = await startSippUas({ scenario: 'silent.xml', host: PEER, transport });
      const c = newClient(10);
      const r = await c.options({ host: PEER, port: uas.port, transport }, {});
      expect(r).toMatchObject({ ok: false, outcome: 'timeout', status: null });
      expect(r.error?.code).toBe('timer-F');
      if (transport === 'udp') expect(r.retransmissions).toBeGreaterThan(5);
      else expect(r.retransmissions).toBe(0);
      expect(c.layer.activeTransactions).toBe(0);
    });

    it('stops at the caller timeout and reports it as a timeout', async () => {
      uas = await startSippUas({ scenario: 'silent.xml', host: PEER, transport });
      const r = await newClient().options({ host: PEER, port: uas.port, transport }, { timeoutMs: 200 });
      expect(r).toMatchObject({ ok: false, outcome: 'timeout' });
      expect(r.totalMs).toBeLessThan(2000);
    });
  });
}

describe('OPTIONS through packet loss (loss-injecting relay, a fake)', () => {
  it('succeeds through Timer E retransmissions when the first two requests are dropped', async () => {
    uas = await startSippUas({ scenario: 'options-401.xml', host: PEER, keys: { user: USER, pass: PASS } });
    relay = await startLossRelay({ host: PEER, target: { host: PEER, port: uas.port }, dropFirst: 2 });
    const r = await newClient(20).options({ host: PEER, port: relay.port, transport: 'udp' }, { credentials: creds(), timeoutMs: 5000 });
    expect(r).toMatchObject({ ok: true, status: 200, auth: 'ok' });
    expect(relay.stats.dropped).toBe(2);
    expect(r.retransmissions).toBeGreaterThanOrEqual(2);
  });
});
