/**
 * DatagramBatch: the datagrams of one loop turn leave together at its end, in the order they
 * were queued; a closed socket is reported to onError, never thrown; flush() sends at once.
 * Real sockets on loopback 127.0.10.13.
 */
import { describe, it, expect, afterEach } from 'vitest';
import dgram from 'node:dgram';
import { DatagramBatch } from '../../../src/sip/transport/datagram-batch.js';
import { TransportLayer } from '../../../src/sip/transport/transport-layer.js';
import type { TransportSink } from '../../../src/sip/transport/transport.js';

const HOST = '127.0.10.13';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function socket(): Promise<dgram.Socket> {
  const s = dgram.createSocket('udp4');
  await new Promise<void>((r) => s.bind(0, HOST, r));
  cleanups.push(() => new Promise<void>((r) => s.close(() => r())));
  return s;
}

/** Resolves with the first `n` datagrams the socket receives, as text. */
function receive(s: dgram.Socket, n: number): Promise<string[]> {
  const got: string[] = [];
  return new Promise((resolve) =>
    s.on('message', (m) => {
      got.push(m.toString());
      if (got.length === n) resolve(got);
    }),
  );
}

describe('DatagramBatch', () => {
  it('holds the datagrams of a turn until its end, then sends them in order to every destination', async () => {
    const [from, a, b] = await Promise.all([socket(), socket(), socket()]);
    const batch = new DatagramBatch();
    const gotA = receive(a, 3);
    const gotB = receive(b, 2);
    const sent: string[] = [];
    const spy = from.send.bind(from);
    from.send = ((...args: Parameters<typeof from.send>) => {
      sent.push(String(args[0]));
      return spy(...args);
    }) as typeof from.send;
    const order = ['a1', 'b1', 'a2', 'a3', 'b2'];
    for (const m of order) {
      const to = m.startsWith('a') ? a : b;
      batch.push(from, Buffer.from(m), to.address().port, HOST, undefined, undefined);
    }
    // Nothing has left yet: the turn is not over.
    expect(sent).toEqual([]);
    expect(batch.pending).toBe(5);
    await new Promise((r) => setImmediate(r));
    expect(sent).toEqual(order);
    expect(batch.pending).toBe(0);
    expect(await gotA).toEqual(['a1', 'a2', 'a3']);
    expect(await gotB).toEqual(['b1', 'b2']);
  });

  it('hands the send result to the callback, and reports a socket closed under it to onError without throwing', async () => {
    const [from, to, to2] = await Promise.all([socket(), socket(), socket()]);
    const batch = new DatagramBatch();
    const results: (Error | null)[] = [];
    const done = new Promise<void>((r) =>
      batch.push(from, Buffer.from('x'), to.address().port, HOST, (err) => {
        results.push(err);
        r();
      }, () => results.push(new Error('onError must not be called'))),
    );
    await done;
    expect(results).toEqual([null]);

    const closed = dgram.createSocket('udp4');
    await new Promise<void>((r) => closed.bind(0, HOST, r));
    await new Promise<void>((r) => closed.close(() => r()));
    const errors: Error[] = [];
    batch.push(closed, Buffer.from('y'), to2.address().port, HOST, undefined, (e) => errors.push(e));
    batch.push(from, Buffer.from('after'), to2.address().port, HOST, undefined, undefined);
    const after = receive(to2, 1);
    expect(() => batch.flush()).not.toThrow();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ name: 'TransportError', failure: 'send-failed' });
    expect(await after).toEqual(['after']); // the datagrams behind the failed one still leave
  });

  it('sends what is queued when the UDP transport closes right after a send', async () => {
    const to = await socket();
    const sink: TransportSink = { onMessage: () => undefined, onMalformed: () => undefined, onFlowClosed: () => undefined };
    const layer = new TransportLayer(sink, { localAddress: HOST });
    const flow = await layer.flow({ transport: 'udp', address: HOST, port: to.address().port });
    const got = receive(to, 2);
    flow.send(Buffer.from('last-1'));
    flow.send(Buffer.from('last-2'));
    await layer.close();
    expect(await got).toEqual(['last-1', 'last-2']);
  });
});
