/**
 * TCP transport: framing of responses split across segments, RFC 5626 CRLF keep-alives on an
 * open connection, closing idle connections, dropping a connection that sends non-SIP bytes,
 * IPv6. The far end is a raw net.Server so the bytes on the wire can be checked.
 * Loopback 127.0.10.13 and ::1.
 */
import { describe, it, expect, afterEach } from 'vitest';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { TransactionLayer } from '../../../src/sip/transaction/transaction-layer.js';
import { Timers } from '../../../src/sip/transaction/timers.js';
import { SipMessage } from '../../../src/sip/message.js';
import { StreamFramer } from '../../../src/sip/stream-framer.js';
import { serialize } from '../../../src/sip/serializer.js';
import { responseTo } from '../../helpers/scripted-peer.js';

const HOST = '127.0.10.13';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

interface RawServer {
  port: number;
  bytes: () => string;
  sockets: net.Socket[];
  onRequest: ((m: SipMessage, s: net.Socket) => void) | undefined;
  closedByPeer: number;
}
async function rawServer(host = HOST): Promise<RawServer> {
  const state: RawServer = { port: 0, bytes: () => '', sockets: [], onRequest: undefined, closedByPeer: 0 };
  let all = '';
  state.bytes = () => all;
  const srv = net.createServer((s) => {
    state.sockets.push(s);
    const framer = new StreamFramer();
    s.on('data', (d) => {
      all += d.toString('latin1');
      for (const m of framer.push(d)) state.onRequest?.(m, s);
    });
    s.on('end', () => state.closedByPeer++);
    s.on('error', () => undefined);
  });
  await new Promise<void>((r) => srv.listen(0, host, () => r()));
  state.port = (srv.address() as AddressInfo).port;
  cleanups.push(() => new Promise<void>((r) => {
    for (const s of state.sockets) s.destroy();
    srv.close(() => r());
  }));
  return state;
}
function layer(stream: { keepAliveMs?: number; idleTimeoutMs?: number } = {}, localAddress: string | undefined = HOST) {
  const l = new TransactionLayer({ ...(localAddress ? { localAddress } : {}), timers: new Timers({ T1: 20, T2: 80, T4: 100 }), stream });
  cleanups.push(() => l.close());
  return l;
}
function options(host = HOST): SipMessage {
  const h = host.includes(':') ? `[${host}]` : host;
  return SipMessage.request('OPTIONS', `sip:${h}`, [['From', `<sip:a@${h}>;tag=1`], ['To', `<sip:${h}>`], ['Call-ID', `c${Math.random()}`], ['CSeq', '1 OPTIONS'], ['Max-Forwards', '70']]);
}

describe('TCP transport', () => {
  it('frames a response split into several segments', async () => {
    const srv = await rawServer();
    srv.onRequest = (m, s) => {
      const wire = serialize(responseTo(m, 200, 'OK', [['Server', 'raw']], 'v=0\r\n'));
      s.write(wire.subarray(0, 10));
      setTimeout(() => s.write(wire.subarray(10, 60)), 10);
      setTimeout(() => s.write(wire.subarray(60)), 20);
    };
    const l = layer();
    const tx = await l.send(options(), { transport: 'tcp', address: HOST, port: srv.port });
    const out = await tx.outcome;
    expect(out.kind === 'response' && out.response.get('Server')).toBe('raw');
    expect(out.kind === 'response' && out.response.body.toString()).toBe('v=0\r\n');
  });

  it('sends RFC 5626 CRLF CRLF keep-alives on an open connection', async () => {
    const srv = await rawServer();
    srv.onRequest = (m, s) => {
      s.write(serialize(responseTo(m, 200, 'OK')));
      s.write('\r\n'); // a pong between messages must be skipped
    };
    const l = layer({ keepAliveMs: 40, idleTimeoutMs: 10_000 });
    const tx = await l.send(options(), { transport: 'tcp', address: HOST, port: srv.port });
    expect((await tx.outcome).kind).toBe('response');
    await new Promise((r) => setTimeout(r, 200));
    expect(srv.bytes()).toMatch(/\r\n\r\n\r\n\r\n/);
    expect(srv.bytes().endsWith('\r\n\r\n')).toBe(true);
    expect(l.stats.malformed).toBe(0);
  });

  it('answers a CRLF CRLF ping from the server with a CRLF pong (RFC 5626 4.4.1)', async () => {
    const srv = await rawServer();
    let pong = '';
    srv.onRequest = (m, s) => {
      s.write(serialize(responseTo(m, 200, 'OK')));
      s.on('data', (d) => (pong += d.toString('latin1')));
      s.write('\r\n\r\n');
    };
    const l = layer({ keepAliveMs: 0, idleTimeoutMs: 10_000 });
    const tx = await l.send(options(), { transport: 'tcp', address: HOST, port: srv.port });
    expect((await tx.outcome).kind).toBe('response');
    await new Promise((r) => setTimeout(r, 100));
    expect(pong).toBe('\r\n');
  });

  it('closes a connection nothing used for the idle timeout, and opens a new one when needed', async () => {
    const srv = await rawServer();
    srv.onRequest = (m, s) => s.write(serialize(responseTo(m, 200, 'OK')));
    const l = layer({ keepAliveMs: 0, idleTimeoutMs: 60 });
    const tcp = l.transports.transport('tcp') as unknown as { openConnections: number };
    expect((await (await l.send(options(), { transport: 'tcp', address: HOST, port: srv.port })).outcome).kind).toBe('response');
    expect(tcp.openConnections).toBe(1);
    await new Promise((r) => setTimeout(r, 250));
    expect(tcp.openConnections).toBe(0);
    expect(srv.closedByPeer).toBe(1);
    expect((await (await l.send(options(), { transport: 'tcp', address: HOST, port: srv.port })).outcome).kind).toBe('response');
    expect(srv.sockets.length).toBe(2);
  });

  it('drops a connection on which the peer sends bytes that are not SIP, failing its transactions', async () => {
    const srv = await rawServer();
    srv.onRequest = (_m, s) => s.write('HTTP/1.1 400 Bad Request\r\n\r\n');
    const l = layer();
    const tx = await l.send(options(), { transport: 'tcp', address: HOST, port: srv.port });
    const out = await tx.outcome;
    expect(out.kind).toBe('transport-error');
    expect(l.stats.malformed).toBe(1);
  });

  it('works over IPv6 (::1)', async () => {
    const srv = await rawServer('::1');
    srv.onRequest = (m, s) => s.write(serialize(responseTo(m, 200, 'OK')));
    const l = layer({}, undefined);
    const tx = await l.send(options('::1'), { transport: 'tcp', address: '::1', port: srv.port });
    expect((await tx.outcome).kind).toBe('response');
    expect(srv.bytes()).toMatch(/Via: SIP\/2\.0\/TCP \[::1\]:\d+;branch=z9hG4bK/);
  });
});
