/**
 * INVITE test calls from our SipClient against a real sipp UAS over UDP and TCP: challenged
 * with 401 (password checked by <verifyauth>), 100/180/200 with an SDP answer, ACK, BYE; a
 * wrong secret; a 503; a peer that rings and never answers (CANCEL, 487); a silent peer.
 * Loopback 127.0.10.32 (sipp) and 127.0.10.33 (our client).
 */
import { describe, it, expect, afterEach } from 'vitest';
import { startSippUas, type SippProcess } from '../../helpers/sipp.js';
import { startLossRelay } from '../../helpers/loss-relay.js';
import { SipClient } from '../../../src/sip/user-agent/sip-client.js';
import { Secret } from '../../../src/util/secret.js';

const PEER = '127.0.10.32';
const LOCAL = '127.0.10.33';
const USER = 'api-key-2';
const PASS = 'invite-secret';

let uas: SippProcess | undefined;
let client: SipClient | undefined;
afterEach(async () => {
  await client?.close();
  await uas?.stop();
  uas = client = undefined;
});

function newClient(T1 = 50): SipClient {
  client = new SipClient({ localAddress: LOCAL, timers: { T1, T2: 8 * T1, T4: 10 * T1 } });
  return client;
}
const creds = (password = PASS) => ({ username: USER, password: new Secret(password, 'test') });
const call = { to: '+14155550100', from: '+442071838750', holdMs: 100, ringTimeoutMs: 5000 };

for (const transport of ['udp', 'tcp'] as const) {
  describe(`INVITE against sipp over ${transport.toUpperCase()}`, () => {
    it('authenticates, rings, is answered with SDP, ACKs, holds and hangs up; sipp sees the whole scenario', async () => {
      uas = await startSippUas({ scenario: 'invite-401.xml', host: PEER, transport, keys: { user: USER, pass: PASS }, maxCalls: 1 });
      const r = await newClient().invite({ host: PEER, port: uas.port, transport }, { ...call, credentials: creds(), codecs: ['PCMU', 'PCMA', 'G729'] });
      expect(r).toMatchObject({ ok: true, outcome: 'answered', status: 200, auth: 'ok', algorithm: 'MD5', byeStatus: 200, transport });
      expect(r.codec).toMatchObject({ name: 'PCMA', payloadType: 8, clockRate: 8000 });
      expect(r.pddMs).not.toBeNull();
      expect(r.answerMs!).toBeGreaterThanOrEqual(r.pddMs!);
      expect(r.answerMs! - r.pddMs!).toBeGreaterThanOrEqual(90); // sipp pauses 100 ms between 180 and 200
      expect(r.heldMs).toBeGreaterThanOrEqual(95);
      const seq = r.timeline.map((e) => `${e.direction} ${e.method}${e.status ? ` ${e.status}` : ''}`);
      expect(seq).toEqual([
        'send INVITE', 'recv INVITE 401', 'send INVITE', 'recv INVITE 100', 'recv INVITE 180', 'recv INVITE 200', 'send ACK', 'send BYE', 'recv BYE 200',
      ]);
      // sipp exits 0 only when every message of the scenario came as expected (ACK for the 401, ACK for the 200, BYE).
      const exit = await uas.waitExit(5000);
      expect(exit.code, exit.log).toBe(0);
    });

    it('reports a wrong secret as an authentication failure, and ACKs the 403', async () => {
      uas = await startSippUas({ scenario: 'invite-401.xml', host: PEER, transport, keys: { user: USER, pass: PASS }, maxCalls: 1 });
      const r = await newClient().invite({ host: PEER, port: uas.port, transport }, { ...call, credentials: creds('Not-The-Secret') });
      expect(r).toMatchObject({ ok: false, outcome: 'auth-failed', status: 403, auth: 'failed' });
      const exit = await uas.waitExit(5000);
      expect(exit.code, exit.log).toBe(0);
    });

    it('reports a 503 and ACKs it inside the transaction', async () => {
      uas = await startSippUas({ scenario: 'invite-503.xml', host: PEER, transport, maxCalls: 1 });
      const r = await newClient().invite({ host: PEER, port: uas.port, transport }, call);
      expect(r).toMatchObject({ ok: false, outcome: 'answered', status: 503, auth: 'none', answerMs: null });
      const exit = await uas.waitExit(5000);
      expect(exit.code, exit.log).toBe(0);
    });

    it('sends CANCEL when the ring timeout passes, and reports the 487 as no answer', async () => {
      uas = await startSippUas({ scenario: 'invite-no-answer.xml', host: PEER, transport, maxCalls: 1 });
      const r = await newClient().invite({ host: PEER, port: uas.port, transport }, { ...call, ringTimeoutMs: 300 });
      expect(r).toMatchObject({ ok: false, outcome: 'no-answer', status: 487, cancelled: true });
      expect(r.pddMs).not.toBeNull();
      const seq = r.timeline.map((e) => `${e.direction} ${e.method}${e.status ? ` ${e.status}` : ''}`);
      expect(seq).toContain('send CANCEL');
      expect(seq).toContain('recv CANCEL 200');
      const exit = await uas.waitExit(5000);
      expect(exit.code, exit.log).toBe(0);
    });

    it('reports a peer that never answers as a timeout (Timer B with T1 = 10 ms)', async () => {
      uas = await startSippUas({ scenario: 'silent.xml', host: PEER, transport });
      const r = await newClient(10).invite({ host: PEER, port: uas.port, transport }, call);
      expect(r).toMatchObject({ ok: false, outcome: 'timeout', status: null, cancelled: false });
      expect(r.error?.code).toBe('timer-B');
    });
  });
}

describe('INVITE aborted by the caller', () => {
  it('CANCELs a ringing call when the AbortSignal fires (a failover engine giving up), and reports aborted', async () => {
    uas = await startSippUas({ scenario: 'invite-no-answer.xml', host: PEER, maxCalls: 1 });
    const ctl = new AbortController();
    const pending = newClient().invite({ host: PEER, port: uas.port, transport: 'udp' }, { ...call, ringTimeoutMs: 30_000, signal: ctl.signal });
    setTimeout(() => ctl.abort(), 300);
    const r = await pending;
    expect(r).toMatchObject({ ok: false, outcome: 'aborted', status: 487, cancelled: true });
    const exit = await uas.waitExit(5000);
    expect(exit.code, exit.log).toBe(0);
  });
});

describe('INVITE through packet loss (loss-injecting relay, a fake)', () => {
  it('completes the call through Timer A retransmissions when the first two INVITEs are dropped', async () => {
    uas = await startSippUas({ scenario: 'invite-401.xml', host: PEER, keys: { user: USER, pass: PASS }, maxCalls: 1 });
    const relay = await startLossRelay({ host: PEER, target: { host: PEER, port: uas.port }, dropFirst: 2 });
    try {
      const r = await newClient(20).invite({ host: PEER, port: relay.port, transport: 'udp' }, { ...call, credentials: creds() });
      expect(r).toMatchObject({ ok: true, status: 200, auth: 'ok', byeStatus: 200 });
      expect(relay.stats.dropped).toBe(2);
      // The first INVITE was sent three times (T1 = 20 ms, then 40 ms) before sipp saw it.
      expect(r.firstResponseMs).toBeGreaterThanOrEqual(55);
      const exit = await uas.waitExit(5000);
      expect(exit.code, exit.log).toBe(0);
    } finally {
      await relay.close();
    }
  });
});
