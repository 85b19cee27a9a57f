/**
 * UDP transport (RFC 3261 18, node:dgram). One socket per address family, shared by every
 * transaction and every destination: a probe of 1,000 trunks opens two sockets, not 1,000.
 * The socket is bound lazily, to `localAddress` when given (else the wildcard), on `port`
 * (else an ephemeral port).
 */
import dgram from 'node:dgram';
import { isIPv6, isIPv4, type AddressInfo } from 'node:net';
import { parseMessage } from '../parser.js';
import type { Destination, Endpoint, Flow, SipTransport, TransportSink } from './transport.js';
import { TransportError, classifySocketError } from './transport-error.js';
import { knownLocalAddressFor, localAddressFor } from './local-address.js';
import { DatagramBatch } from './datagram-batch.js';

export interface UdpTransportOptions {
  /** Local IPv4 or IPv6 address to bind; the wildcard of each family when omitted. */
  localAddress?: string;
  /** Local port; ephemeral when omitted. */
  port?: number;
  /** Socket receive/send buffer in bytes (large for probing many targets). */
  bufferSize?: number;
}

type Family = 'udp4' | 'udp6';

/** How long a flow sends without a result callback after a send that was seen to succeed. */
const UNCHECKED_MS = 1000;

/**
 * A destination on the shared socket. Node's dgram schedules a process.nextTick for every
 * send that has a callback, even when the kernel took the datagram at once; at tens of
 * thousands of datagrams a second that tick is a cost of its own. Without a callback, though,
 * a send error (no route to the host, message too long) is lost. So:
 * - a send nobody listens to (ACKs, responses: no `onError`) has no callback;
 * - a send with `onError` is checked unless, within the last second, a send on this flow of at
 *   least its size was seen to succeed; a failed check makes every send checked again;
 * - a retransmission (`check`) is always checked.
 * Errors that hold for a route therefore reach the transaction at once, or with its first
 * retransmission (Timer A or E, 500 ms) when the route broke in the second after a success.
 * Every datagram leaves through the transport's DatagramBatch, at the end of the loop turn.
 */
class UdpFlow implements Flow {
  readonly transport = 'udp' as const;
  readonly reliable = false;
  readonly closed = false;
  /** performance.now() of the last send seen to succeed, and the largest size seen to succeed since the window opened. */
  #okAt = -Infinity;
  #okSize = 0;
  constructor(
    private readonly socket: dgram.Socket,
    readonly local: Endpoint,
    readonly remote: Endpoint,
    private readonly batch: DatagramBatch,
  ) {}
  send(data: Buffer, onError?: (err: Error) => void, check = false): void {
    if (onError === undefined || (!check && data.length <= this.#okSize && performance.now() - this.#okAt < UNCHECKED_MS)) {
      this.batch.push(this.socket, data, this.remote.port, this.remote.address, undefined, onError);
      return;
    }
    const size = data.length;
    const checked = (err: Error | null): void => {
      if (!err) {
        const now = performance.now();
        if (now - this.#okAt >= UNCHECKED_MS) this.#okSize = 0;
        if (size > this.#okSize) this.#okSize = size;
        this.#okAt = now;
        return;
      }
      this.#okAt = -Infinity;
      this.#okSize = 0;
      onError(classifySocketError(err, false));
    };
    this.batch.push(this.socket, data, this.remote.port, this.remote.address, checked, onError);
  }
}

interface BoundSocket {
  socket: dgram.Socket;
  local: Endpoint;
}

/** Flows kept per destination (they are immutable): at most this many, then the cache starts again. */
const MAX_CACHED_FLOWS = 4096;

export class UdpTransport implements SipTransport {
  readonly name = 'udp' as const;
  readonly reliable = false;
  readonly #sockets = new Map<Family, Promise<BoundSocket>>();
  /** Sockets once bound, for flowNow(). */
  readonly #bound = new Map<Family, BoundSocket>();
  /** "address port" -> the flow to it (sending side). */
  readonly #flows = new Map<string, UdpFlow>();
  /** The flow flowNow() returned last: a probe asks for the same destination again and again. */
  #lastOutbound: UdpFlow | undefined;
  /** The flow of the last datagram received, reused while datagrams come from the same peer. */
  #lastInbound: UdpFlow | undefined;
  /** Every datagram of a loop turn, sent together at its end (see datagram-batch.ts). */
  readonly #batch = new DatagramBatch();
  #closed = false;

  constructor(
    private readonly sink: TransportSink,
    private readonly opts: UdpTransportOptions = {},
  ) {}

  #bindAddress(family: Family): string {
    const a = this.opts.localAddress;
    if (family === 'udp4') return a && isIPv4(a) ? a : '0.0.0.0';
    return a && isIPv6(a) ? a : '::';
  }

  #socket(family: Family): Promise<BoundSocket> {
    let p = this.#sockets.get(family);
    if (p) return p;
    p = new Promise((resolve, reject) => {
      const socket = dgram.createSocket({ type: family, ipv6Only: family === 'udp6', lookup: literalLookup });
      const onBindError = (err: Error) => reject(classifySocketError(err, true));
      socket.once('error', onBindError);
      socket.bind({ address: this.#bindAddress(family), port: this.opts.port ?? 0 }, () => {
        socket.off('error', onBindError);
        socket.on('error', () => {
          /* send errors come through send callbacks; nothing else to do */
        });
        if (this.opts.bufferSize) {
          try {
            socket.setRecvBufferSize(this.opts.bufferSize);
            socket.setSendBufferSize(this.opts.bufferSize);
          } catch {
            /* kernel limits: keep the default */
          }
        }
        const a = socket.address() as AddressInfo;
        const local = { address: a.address, port: a.port };
        socket.on('message', (buf, rinfo) => this.#receive(socket, local, buf, rinfo));
        const bound = { socket, local };
        if (!this.#closed) this.#bound.set(family, bound);
        resolve(bound);
      });
    });
    this.#sockets.set(family, p);
    p.catch(() => this.#sockets.delete(family));
    return p;
  }

  #receive(socket: dgram.Socket, local: Endpoint, buf: Buffer, rinfo: dgram.RemoteInfo): void {
    let flow = this.#lastInbound;
    if (flow === undefined || flow.remote.port !== rinfo.port || flow.remote.address !== rinfo.address || flow.local !== local) {
      flow = this.#lastInbound = new UdpFlow(socket, local, { address: rinfo.address, port: rinfo.port }, this.#batch);
    }
    // RFC 5626 4.4.1 keep-alive pongs and stray CRLFs are not messages.
    if (buf.length <= 4 && buf.every((b) => b === 13 || b === 10)) return;
    let message;
    try {
      message = parseMessage(buf, { datagram: true });
    } catch (err) {
      this.sink.onMalformed(err, flow);
      return;
    }
    this.sink.onMessage(message, flow);
  }

  async flow(dest: Destination): Promise<Flow> {
    if (this.#closed) throw new TransportError('send-failed', 'UDP transport is closed');
    const family = familyOf(dest.address);
    const { socket, local } = await this.#socket(family);
    const wildcard = local.address === '0.0.0.0' || local.address === '::';
    const address = wildcard ? await localAddressFor(dest.address) : local.address;
    return this.#cachedFlow(socket, address, local.port, dest);
  }

  flowNow(dest: Destination): Flow | undefined {
    if (this.#closed) return undefined;
    const last = this.#lastOutbound;
    if (last !== undefined && last.remote.port === dest.port && last.remote.address === dest.address) return last;
    const cached = this.#flows.get(flowKey(dest));
    if (cached !== undefined) return (this.#lastOutbound = cached);
    if (!isIPv4(dest.address) && !isIPv6(dest.address)) return undefined;
    const bound = this.#bound.get(familyOf(dest.address));
    if (bound === undefined) return undefined;
    const wildcard = bound.local.address === '0.0.0.0' || bound.local.address === '::';
    const address = wildcard ? knownLocalAddressFor(dest.address) : bound.local.address;
    if (address === undefined) return undefined;
    return (this.#lastOutbound = this.#cachedFlow(bound.socket, address, bound.local.port, dest));
  }

  #cachedFlow(socket: dgram.Socket, localAddress: string, localPort: number, dest: Destination): UdpFlow {
    const key = flowKey(dest);
    let flow = this.#flows.get(key);
    if (flow === undefined) {
      flow = new UdpFlow(socket, { address: localAddress, port: localPort }, { address: dest.address, port: dest.port }, this.#batch);
      if (this.#closed) return flow; // closing: nothing more is cached
      if (this.#flows.size >= MAX_CACHED_FLOWS) this.#flows.clear();
      this.#flows.set(key, flow);
    }
    return flow;
  }

  /** The bound local endpoint of a family's socket (binding it if needed). */
  async localEndpoint(family: Family = 'udp4'): Promise<Endpoint> {
    return (await this.#socket(family)).local;
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#batch.flush(); // what was sent before close() still leaves
    this.#bound.clear();
    this.#flows.clear();
    this.#lastOutbound = undefined;
    this.#lastInbound = undefined;
    const all = [...this.#sockets.values()];
    this.#sockets.clear();
    await Promise.all(
      all.map((p) =>
        p.then(
          ({ socket }) => new Promise<void>((r) => socket.close(() => r())),
          () => undefined,
        ),
      ),
    );
  }
}

/**
 * The socket's address lookup. Every UDP flow is made for an IP literal (flow() refuses names),
 * so the address is handed back at once: dgram's default, dns.lookup, defers each send to the
 * next tick even for a literal, which at tens of thousands of datagrams a second is a cost of
 * its own.
 */
function literalLookup(address: string, _options: unknown, callback: (err: NodeJS.ErrnoException | null, address: string, family: number) => void): void {
  callback(null, address, address.includes(':') ? 6 : 4);
}

function flowKey(dest: Destination): string {
  return `${dest.address} ${dest.port}`;
}

/** The socket family for a destination address; TransportError when it is not an IP address. */
function familyOf(address: string): Family {
  if (isIPv4(address)) return 'udp4';
  if (isIPv6(address)) return 'udp6';
  throw new TransportError('unreachable', `UDP destination "${address}" is not an IP address`);
}
