/**
 * RFC 3261 17.1.2 non-INVITE client transaction, run for real on loopback sockets with shrunk
 * timers (T1 = 10 ms). The far end is a scripted peer (test/helpers/scripted-peer.ts) so that
 * exact timings and duplicate responses can be produced. Loopback 127.0.10.10.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { TransactionLayer } from '../../../src/sip/transaction/transaction-layer.js';
import { Timers } from '../../../src/sip/transaction/timers.js';
import { SipMessage } from '../../../src/sip/message.js';
import { startUdpPeer, startTcpPeer, responseTo, type ScriptedPeer } from '../../helpers/scripted-peer.js';
import { serialize } from '../../../src/sip/serializer.js';
import { formatVia } from '../../../src/sip/headers/via.js';

const HOST = '127.0.10.10';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function layer(T1 = 10, T2 = 40, T4 = 50) {
  const l = new TransactionLayer({ localAddress: HOST, timers: new Timers({ T1, T2, T4 }) });
  cleanups.push(() => l.close());
  return l;
}

async function udpPeer(): Promise<ScriptedPeer> {
  const p = await startUdpPeer(HOST);
  cleanups.push(() => p.close());
  return p;
}

function options(n = 1): SipMessage {
  return SipMessage.request('OPTIONS', `sip:${HOST}`, [
    ['Max-Forwards', '70'],
    ['From', `<sip:test@${HOST}>;tag=t${n}`],
    ['To', `<sip:${HOST}>`],
    ['Call-ID', `call-${n}-${Math.random()}`],
    ['CSeq', `${n} OPTIONS`],
  ]);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('non-INVITE client transaction over UDP', () => {
  it('retransmits on Timer E doubling from T1 up to T2, then times out on Timer F = 64*T1', async () => {
    const peer = await udpPeer();
    const l = layer();
    const tx = await l.send(options(), { transport: 'udp', address: HOST, port: peer.port });
    const out = await tx.outcome;
    expect(out.kind).toBe('timeout');
    if (out.kind === 'timeout') expect(out.timer).toBe('F');
    const at = peer.received.map((r) => r.at);
    // 10, 20, 40, 40, ... ms apart: about 64*T1/T2 + 3 sends, all the same branch.
    expect(at.length).toBeGreaterThanOrEqual(10);
    expect(at.length).toBeLessThanOrEqual(19);
    // Without the cap at T2 there would be only 7 sends (0, 10, 30, 70, 150, 310, 630 ms).
    expect(at[at.length - 1]! - at[0]!).toBeGreaterThan(400);
    expect(new Set(peer.received.map((r) => r.message.topVia().branch)).size).toBe(1);
    expect(l.stats.retransmissions).toBe(tx.sends - 1);
    expect(at.length).toBeGreaterThanOrEqual(tx.sends - 1); // the last one may still be in flight
    expect(tx.activeTimers).toEqual([]);
    expect(l.activeTransactions).toBe(0);
  });

  it('retransmits every T2 in Proceeding, passes each provisional once, and completes on the final response', async () => {
    const peer = await udpPeer();
    peer.onMessage = (r) => {
      if (peer.received.length === 1) {
        r.reply(100, 'Trying');
        r.reply(100, 'Trying');
      }
      if (peer.received.length === 4) r.reply(200, 'OK');
    };
    const l = layer(10, 150);
    const provisional: number[] = [];
    const tx = await l.send(options(), { transport: 'udp', address: HOST, port: peer.port }, { user: { onProvisional: (r) => provisional.push(r.status) } });
    const out = await tx.outcome;
    expect(out.kind === 'response' && out.response.status).toBe(200);
    expect(provisional).toEqual([100]);
    // 17.1.2.2: in Proceeding, Timer E is reset to T2 (150 ms) each time, not doubled from T1.
    const at = peer.received.map((r) => r.at);
    expect(at[2]! - at[1]!).toBeGreaterThanOrEqual(120);
    expect(at[3]! - at[2]!).toBeGreaterThanOrEqual(120);
  });

  it('absorbs a retransmitted final response in Completed, and counts one after Timer K as unmatched', async () => {
    const peer = await udpPeer();
    peer.onMessage = (r) => {
      r.reply(200, 'OK');
      r.reply(200, 'OK');
    };
    const l = layer(10, 40, 60);
    const tx = await l.send(options(), { transport: 'udp', address: HOST, port: peer.port });
    const out = await tx.outcome;
    expect(out.kind).toBe('response');
    await sleep(20);
    expect(tx.state).toBe('completed');
    expect(l.stats.unmatchedResponses).toBe(0);
    expect(l.stats.absorbedRetransmissions).toBe(1);
    expect(l.activeTransactions).toBe(1);
    await sleep(80); // Timer K = T4 = 60 ms
    expect(tx.state).toBe('terminated');
    peer.received[0]!.reply(200, 'OK');
    await sleep(30);
    expect(l.stats.unmatchedResponses).toBe(1);
  });

  it('drops and counts a response whose branch matches nothing, and a datagram that is not SIP', async () => {
    const peer = await udpPeer();
    peer.onMessage = (r) => {
      const stray = responseTo(r.message, 200, 'OK');
      stray.remove('Via');
      stray.prepend('Via', `SIP/2.0/UDP ${HOST}:1;branch=z9hG4bKnotours`);
      r.raw(serialize(stray));
      r.raw('this is not SIP\r\n\r\n');
      r.reply(200, 'OK');
    };
    const l = layer();
    const tx = await l.send(options(), { transport: 'udp', address: HOST, port: peer.port });
    expect((await tx.outcome).kind).toBe('response');
    await sleep(20);
    expect(l.stats.unmatchedResponses).toBe(1);
    expect(l.stats.malformed).toBe(1);
  });

  it('matches a response whose Via the peer rewrote or extended, by its branch (17.1.3)', async () => {
    const peer = await udpPeer();
    const rewritten: string[] = [];
    peer.onMessage = (r) => {
      const via = r.message.getAll('Via')[0]!;
      const branch = r.message.topVia().branch!;
      const n = r.message.cseq().seq;
      // 1: rport and received values added (what proxies do); 2: the sent-by re-spelled, params
      // reordered; 3: our Via with a second Via in the same row.
      const variants = [
        `${via}=${r.message.topVia().port};received=${HOST}`,
        `sip/2.0/udp ${HOST.toUpperCase()} : ${r.message.topVia().port} ; rport ; branch = ${branch}`,
        `${via}, SIP/2.0/UDP 10.9.9.9;branch=z9hG4bKother`,
      ];
      const res = responseTo(r.message, 200, 'OK');
      res.remove('Via');
      res.prepend('Via', variants[n - 1]!);
      rewritten.push(variants[n - 1]!);
      r.raw(serialize(res));
    };
    const l = layer();
    const dest = { transport: 'udp' as const, address: HOST, port: peer.port };
    for (let n = 1; n <= 3; n++) {
      const tx = await l.send(options(n), dest);
      const out = await tx.outcome;
      expect(out.kind === 'response' && out.response.status, rewritten[n - 1]).toBe(200);
    }
    expect(l.stats.unmatchedResponses).toBe(0);
  });

  it('matches by branch and CSeq method (RFC 3261 17.1.3): same branch, other method is unmatched', async () => {
    const peer = await udpPeer();
    peer.onMessage = (r) => {
      const wrong = responseTo(r.message, 200, 'OK');
      wrong.set('CSeq', '1 REGISTER');
      r.raw(serialize(wrong));
      r.reply(404, 'Not Found');
    };
    const l = layer();
    const tx = await l.send(options(), { transport: 'udp', address: HOST, port: peer.port });
    const out = await tx.outcome;
    expect(out.kind === 'response' && out.response.status).toBe(404);
    expect(l.stats.unmatchedResponses).toBe(1);
  });

  it('stamps the top Via with UDP, the local address and port, a z9hG4bK branch of at least 64 random bits and rport', async () => {
    const peer = await udpPeer();
    peer.onMessage = (r) => r.reply(200, 'OK');
    const l = layer();
    const tx = await l.send(options(), { transport: 'udp', address: HOST, port: peer.port });
    await tx.outcome;
    const via = peer.received[0]!.message.topVia();
    expect(via.transport).toBe('UDP');
    expect(via.host).toBe(HOST);
    expect(via.port).toBeGreaterThan(0);
    expect(via.branch).toMatch(/^z9hG4bK[A-Za-z0-9_-]{16,}$/);
    expect(via.rport).toBe(true);
    // The same text formatVia() writes for those fields (the layer writes it without building params).
    expect(peer.received[0]!.message.getAll('Via')[0]).toBe(formatVia({ transport: 'udp', host: HOST, port: via.port, branch: via.branch, rport: true }));
  });

  it('sends at once on a bound UDP socket (sendNow), and leaves a request too large for UDP to send()', async () => {
    const peer = await udpPeer();
    peer.onMessage = (r) => r.reply(200, 'OK');
    const l = layer();
    const dest = { transport: 'udp' as const, address: HOST, port: peer.port };
    expect(l.sendNow(options(), dest)).toBeUndefined(); // socket not bound yet
    await (await l.send(options(2), dest)).outcome;
    const tx = l.sendNow(options(3), dest);
    expect(tx).toBeDefined();
    expect((await tx!.outcome).kind).toBe('response');
    const big = options(4);
    big.set('Subject', 'x'.repeat(1400));
    expect(l.sendNow(big, dest)).toBeUndefined();
    expect(big.has('Via')).toBe(false); // left as it was, for send()
  });
});

describe('non-INVITE client transaction over TCP', () => {
  it('never retransmits on a reliable transport and times out on Timer F', async () => {
    const peer = await startTcpPeer(HOST);
    cleanups.push(() => peer.close());
    const l = layer(5);
    const tx = await l.send(options(), { transport: 'tcp', address: HOST, port: peer.port });
    const out = await tx.outcome;
    expect(out.kind).toBe('timeout');
    await sleep(20);
    expect(peer.received.length).toBe(1);
    expect(peer.received[0]!.message.topVia().transport).toBe('TCP');
    expect(l.stats.retransmissions).toBe(0);
  });

  it('reuses one connection for requests to the same destination and terminates at once (Timer K = 0)', async () => {
    const peer = await startTcpPeer(HOST);
    cleanups.push(() => peer.close());
    peer.onMessage = (r) => r.reply(200, 'OK');
    const l = layer();
    for (let i = 1; i <= 3; i++) {
      const tx = await l.send(options(i), { transport: 'tcp', address: HOST, port: peer.port });
      expect((await tx.outcome).kind).toBe('response');
      expect(tx.state).toBe('terminated');
    }
    expect(peer.connections).toBe(1);
  });

  it('reports a transport error when the connection drops mid-transaction', async () => {
    const peer = await startTcpPeer(HOST);
    cleanups.push(() => peer.close());
    peer.onMessage = () => peer.dropConnections();
    const l = layer(50, 200);
    const tx = await l.send(options(), { transport: 'tcp', address: HOST, port: peer.port });
    const out = await tx.outcome;
    expect(out.kind).toBe('transport-error');
  });

  it('rejects with connect-refused when nothing listens', async () => {
    const peer = await startTcpPeer(HOST);
    const port = peer.port;
    await peer.close();
    const l = layer();
    await expect(l.send(options(), { transport: 'tcp', address: HOST, port })).rejects.toMatchObject({ failure: 'connect-refused' });
  });
});
