/**
 * UDP transport: one socket per address family shared by every destination, IPv4 and IPv6,
 * typed failures for unusable destinations. Loopback 127.0.10.12 and ::1.
 */
import { describe, it, expect, afterEach } from 'vitest';
import dgram from 'node:dgram';
import { SipClient } from '../../../src/sip/user-agent/sip-client.js';
import { startUdpPeer, type ScriptedPeer } from '../../helpers/scripted-peer.js';
import { TransportLayer } from '../../../src/sip/transport/transport-layer.js';
import type { TransportSink } from '../../../src/sip/transport/transport.js';

const HOST = '127.0.10.12';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
async function peer(host = HOST): Promise<ScriptedPeer> {
  const p = await startUdpPeer(host);
  cleanups.push(() => p.close());
  p.onMessage = (r) => r.reply(200, 'OK');
  return p;
}
const sink: TransportSink = { onMessage: () => undefined, onMalformed: () => undefined, onFlowClosed: () => undefined };

describe('UDP transport', () => {
  it('sends to many destinations from one socket (one local port for all)', async () => {
    const peers = await Promise.all([peer(), peer(), peer()]);
    const client = new SipClient({ localAddress: HOST });
    cleanups.push(() => client.close());
    const results = await Promise.all(peers.map((p) => client.options({ host: HOST, port: p.port, transport: 'udp' })));
    expect(results.every((r) => r.ok)).toBe(true);
    const sources = new Set(peers.map((p) => `${p.received[0]!.message.topVia().host}:${p.received[0]!.message.topVia().port}`));
    expect(sources.size).toBe(1);
    expect([...sources][0]).toBe(results[0]!.local);
  });

  it('hands each destination its own flow when requests alternate between them (last-flow memo)', async () => {
    const [a, b] = await Promise.all([peer(), peer()]);
    const client = new SipClient({ localAddress: HOST });
    cleanups.push(() => client.close());
    for (let i = 0; i < 3; i++) {
      for (const p of [a, b, b, a]) {
        const r = await client.options({ host: HOST, port: p.port, transport: 'udp' });
        expect(r).toMatchObject({ ok: true, remote: `${HOST}:${p.port}` });
      }
    }
    expect(a.received.length).toBe(6);
    expect(b.received.length).toBe(6);
    // The same address on another port is another destination.
    const udp = client.layer.transports.transport('udp');
    const fa = udp.flowNow!({ transport: 'udp', address: HOST, port: a.port })!;
    const fb = udp.flowNow!({ transport: 'udp', address: HOST, port: b.port })!;
    expect([fa.remote.port, fb.remote.port]).toEqual([a.port, b.port]);
    expect(udp.flowNow!({ transport: 'udp', address: HOST, port: a.port })).toBe(fa);
  });

  it('works over IPv6 (::1), with the Via host in brackets', async () => {
    const p = await peer('::1');
    const client = new SipClient();
    cleanups.push(() => client.close());
    const r = await client.options({ host: '::1', port: p.port, transport: 'udp' });
    expect(r).toMatchObject({ ok: true, status: 200, remote: `[::1]:${p.port}` });
    expect(p.received[0]!.message.getAll('Via')[0]).toMatch(/^SIP\/2\.0\/UDP \[::1\]:\d+;branch=z9hG4bK/);
    expect(p.received[0]!.message.uri).toBe(`sip:[::1]:${p.port}`);
  });

  it('refuses a destination that is not an IP address with a typed transport error', async () => {
    const layer = new TransportLayer(sink);
    cleanups.push(() => layer.close());
    await expect(layer.flow({ transport: 'udp', address: 'not-an-ip', port: 5060 })).rejects.toMatchObject({ name: 'TransportError', failure: 'unreachable' });
  });

  it('leaves no timer behind once transactions are over (Timer K passed)', async () => {
    const p = await peer();
    const client = new SipClient({ localAddress: HOST, timers: { T1: 10, T2: 40, T4: 30 } });
    cleanups.push(() => client.close());
    const timeouts = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const baseline = timeouts();
    const rs = await Promise.all(Array.from({ length: 50 }, () => client.options({ host: HOST, port: p.port, transport: 'udp' }, { timeoutMs: 5000 })));
    expect(rs.every((r) => r.ok)).toBe(true);
    await new Promise((r) => setTimeout(r, 120));
    expect(client.layer.activeTransactions).toBe(0);
    expect(timeouts()).toBeLessThanOrEqual(baseline);
  });

  it('reports send errors: on a fresh flow, for a datagram larger than any sent just before, and on retransmissions', async () => {
    const receiver = dgram.createSocket('udp4');
    await new Promise<void>((r) => receiver.bind(0, HOST, r));
    cleanups.push(() => new Promise<void>((r) => receiver.close(() => r())));
    const layer = new TransportLayer(sink, { localAddress: HOST });
    cleanups.push(() => layer.close());
    const flow = await layer.flow({ transport: 'udp', address: HOST, port: receiver.address().port });
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const tooBig = Buffer.alloc(70_000, 0x41); // over the 65,507 octets of a UDP datagram: EMSGSIZE
    const errors: Error[] = [];
    flow.send(tooBig, (e) => errors.push(e));
    await sleep(30);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ name: 'TransportError' });
    flow.send(Buffer.from('\r\n\r\n'), (e) => errors.push(e)); // a checked success of 4 octets
    await sleep(30);
    expect(errors).toHaveLength(1);
    flow.send(tooBig, (e) => errors.push(e)); // larger than anything seen to succeed: checked
    await sleep(30);
    expect(errors).toHaveLength(2);
    flow.send(Buffer.from('\r\n\r\n'), (e) => errors.push(e));
    await sleep(30);
    flow.send(tooBig, (e) => errors.push(e), true); // a retransmission: always checked
    await sleep(30);
    expect(errors).toHaveLength(3);
    flow.send(tooBig); // nobody listens: no callback, never throws
    await sleep(30);
    expect(errors).toHaveLength(3);
  });
});
