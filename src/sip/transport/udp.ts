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
import { localAddressFor } from './local-address.js';

export interface UdpTransportOptions {
  /** Local IPv4 or IPv6 address to bind; the wildcard of each family when omitted. */
  localAddress?: string;
  /** Local port; ephemeral when omitted. */
  port?: number;
  /** Socket receive/send buffer in bytes (large for probing many targets). */
  bufferSize?: number;
}

type Family = 'udp4' | 'udp6';

class UdpFlow implements Flow {
  readonly transport = 'udp' as const;
  readonly reliable = false;
  readonly closed = false;
  constructor(
    private readonly socket: dgram.Socket,
    readonly local: Endpoint,
    readonly remote: Endpoint,
  ) {}
  send(data: Buffer, onError?: (err: Error) => void): void {
    try {
      this.socket.send(data, this.remote.port, this.remote.address, (err) => {
        if (err && onError) onError(classifySocketError(err, false));
      });
    } catch (err) {
      // The socket was closed under us (client closed): report, never throw.
      onError?.(new TransportError('send-failed', `UDP send failed: ${(err as Error).message}`));
    }
  }
}

export class UdpTransport implements SipTransport {
  readonly name = 'udp' as const;
  readonly reliable = false;
  readonly #sockets = new Map<Family, Promise<{ socket: dgram.Socket; local: Endpoint }>>();
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

  #socket(family: Family): Promise<{ socket: dgram.Socket; local: Endpoint }> {
    let p = this.#sockets.get(family);
    if (p) return p;
    p = new Promise((resolve, reject) => {
      const socket = dgram.createSocket({ type: family, ipv6Only: family === 'udp6' });
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
        resolve({ socket, local });
      });
    });
    this.#sockets.set(family, p);
    p.catch(() => this.#sockets.delete(family));
    return p;
  }

  #receive(socket: dgram.Socket, local: Endpoint, buf: Buffer, rinfo: dgram.RemoteInfo): void {
    const flow = new UdpFlow(socket, local, { address: rinfo.address, port: rinfo.port });
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
    if (!isIPv4(dest.address) && !isIPv6(dest.address)) {
      throw new TransportError('unreachable', `UDP destination "${dest.address}" is not an IP address`);
    }
    const family: Family = isIPv6(dest.address) ? 'udp6' : 'udp4';
    const { socket, local } = await this.#socket(family);
    const wildcard = local.address === '0.0.0.0' || local.address === '::';
    const address = wildcard ? await localAddressFor(dest.address) : local.address;
    return new UdpFlow(socket, { address, port: local.port }, { address: dest.address, port: dest.port });
  }

  /** The bound local endpoint of a family's socket (binding it if needed). */
  async localEndpoint(family: Family = 'udp4'): Promise<Endpoint> {
    return (await this.#socket(family)).local;
  }

  async close(): Promise<void> {
    this.#closed = true;
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
