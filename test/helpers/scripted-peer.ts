/**
 * A scripted SIP peer on a real loopback socket for the transaction state-machine unit tests:
 * it records every datagram or stream message it receives and answers as the test tells it.
 * It exists to drive exact timings and duplicates (a second 200, a late 486) that the state
 * machines must absorb; the interop tests use sipp and Kamailio instead.
 */
import dgram from 'node:dgram';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { parseMessage } from '../../src/sip/parser.js';
import { serialize } from '../../src/sip/serializer.js';
import { StreamFramer } from '../../src/sip/stream-framer.js';
import { SipMessage } from '../../src/sip/message.js';

export interface Received {
  message: SipMessage;
  at: number;
  reply: (status: number, reason: string, extra?: [string, string][], body?: string) => void;
  raw: (data: Buffer | string) => void;
}

/** A response to `req` copying Via, From, Call-ID and CSeq, with a To tag (RFC 3261 8.2.6.2). */
export function responseTo(req: SipMessage, status: number, reason: string, extra: [string, string][] = [], body?: string, toTag = 'peer-tag'): SipMessage {
  const headers: [string, string][] = [];
  for (const v of req.getAll('Via')) headers.push(['Via', v]);
  const to = req.get('To') ?? '';
  headers.push(['From', req.get('From') ?? ''], ['To', status > 100 && !/;\s*tag=/i.test(to) ? `${to};tag=${toTag}` : to], ['Call-ID', req.get('Call-ID') ?? ''], ['CSeq', req.get('CSeq') ?? '']);
  headers.push(...extra);
  return SipMessage.response(status, reason, headers, body);
}

export interface ScriptedPeer {
  readonly host: string;
  readonly port: number;
  readonly received: Received[];
  /** Called for each message as it arrives. */
  onMessage: ((r: Received) => void) | undefined;
  /** Resolves when `n` messages have been received. */
  waitFor(n: number, timeoutMs?: number): Promise<Received[]>;
  close(): Promise<void>;
}

function base(host: string) {
  const received: Received[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  const peer = {
    host,
    port: 0,
    received,
    onMessage: undefined as ((r: Received) => void) | undefined,
    waitFor(n: number, timeoutMs = 5000): Promise<Received[]> {
      if (received.length >= n) return Promise.resolve(received.slice());
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`scripted peer got ${received.length} of ${n} messages in ${timeoutMs} ms`)), timeoutMs);
        waiters.push({ n, resolve: () => (clearTimeout(t), resolve(received.slice())) });
      });
    },
    push(r: Received) {
      received.push(r);
      peer.onMessage?.(r);
      for (const w of [...waiters]) if (received.length >= w.n) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    },
  };
  return peer;
}

export async function startUdpPeer(host: string): Promise<ScriptedPeer> {
  const sock = dgram.createSocket(host.includes(':') ? 'udp6' : 'udp4');
  const peer = base(host);
  sock.on('message', (buf, rinfo) => {
    let message: SipMessage;
    try {
      message = parseMessage(buf, { datagram: true });
    } catch {
      return;
    }
    const raw = (data: Buffer | string) => sock.send(typeof data === 'string' ? Buffer.from(data) : data, rinfo.port, rinfo.address);
    peer.push({ message, at: Date.now(), raw, reply: (s, r, extra, body) => raw(serialize(responseTo(message, s, r, extra, body))) });
  });
  await new Promise<void>((r) => sock.bind(0, host, () => r()));
  peer.port = (sock.address() as AddressInfo).port;
  return Object.assign(peer, { close: () => new Promise<void>((r) => sock.close(() => r())) });
}

export async function startTcpPeer(host: string): Promise<ScriptedPeer & { connections: number; dropConnections(): void }> {
  const peer = base(host);
  const sockets = new Set<net.Socket>();
  let connections = 0;
  const srv = net.createServer((s) => {
    connections++;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => undefined);
    const framer = new StreamFramer();
    s.on('data', (chunk) => {
      let msgs: SipMessage[];
      try {
        msgs = framer.push(chunk);
      } catch {
        s.destroy();
        return;
      }
      for (const message of msgs) {
        const raw = (data: Buffer | string) => s.write(data);
        peer.push({ message, at: Date.now(), raw, reply: (st, r, extra, body) => raw(serialize(responseTo(message, st, r, extra, body))) });
      }
    });
  });
  await new Promise<void>((r) => srv.listen(0, host, () => r()));
  peer.port = (srv.address() as AddressInfo).port;
  const out = Object.assign(peer, {
    connections: 0,
    dropConnections() {
      for (const s of sockets) s.destroy();
    },
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        srv.close(() => r());
      }),
  });
  Object.defineProperty(out, 'connections', { get: () => connections });
  return out;
}
