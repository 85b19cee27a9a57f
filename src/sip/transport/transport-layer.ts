/**
 * Chooses and owns the transports (RFC 3261 18.1.1): one UDP transport (one socket per address
 * family), one TCP and one TLS connection pool, created on first use. A request for UDP that is
 * larger than 1300 bytes goes over TCP instead: "If a request is within 200 bytes of the path
 * MTU, or if it is larger than 1300 bytes and the path MTU is unknown, the request MUST be sent
 * using an RFC 2914 congestion controlled transport protocol, such as TCP."
 */
import type { Destination, Flow, SipTransport, TransportName, TransportSink } from './transport.js';
import { UdpTransport, type UdpTransportOptions } from './udp.js';
import { TcpTransport } from './tcp.js';
import { TlsTransport } from './tls.js';
import type { StreamTransportOptions } from './stream-transport.js';
import type { TlsClientOptions } from '../tls/tls-options.js';

/** RFC 3261 18.1.1's size limit for UDP when the path MTU is unknown. */
export const UDP_SIZE_LIMIT = 1300;

export interface TransportLayerOptions {
  /** Local address for every transport (tests bind 127.0.10.x). */
  localAddress?: string;
  udp?: UdpTransportOptions;
  stream?: StreamTransportOptions;
  tls?: TlsClientOptions;
}

export class TransportLayer {
  readonly #transports = new Map<TransportName, SipTransport>();

  constructor(
    private readonly sink: TransportSink,
    private readonly opts: TransportLayerOptions = {},
  ) {}

  transport(name: TransportName): SipTransport {
    let t = this.#transports.get(name);
    if (t) return t;
    const local = this.opts.localAddress;
    const stream = { ...(local ? { localAddress: local } : {}), ...this.opts.stream };
    if (name === 'udp') t = new UdpTransport(this.sink, { ...(local ? { localAddress: local } : {}), ...this.opts.udp });
    else if (name === 'tcp') t = new TcpTransport(this.sink, stream);
    else t = new TlsTransport(this.sink, stream, this.opts.tls ?? {});
    this.#transports.set(name, t);
    return t;
  }

  /** A flow for `dest`; with UDP chosen and `size` over 1300 bytes, a TCP flow (18.1.1). */
  flow(dest: Destination, signal?: AbortSignal): Promise<Flow> {
    return this.transport(dest.transport).flow(dest, signal);
  }

  /** The flow for `dest` when it is ready without waiting (see SipTransport.flowNow), else undefined. */
  flowNow(dest: Destination): Flow | undefined {
    return this.transport(dest.transport).flowNow?.(dest);
  }

  /** True when a message of `size` bytes must not go over UDP (18.1.1). */
  static mustUseCongestionControlled(size: number): boolean {
    return size > UDP_SIZE_LIMIT;
  }

  async close(): Promise<void> {
    const all = [...this.#transports.values()];
    this.#transports.clear();
    await Promise.all(all.map((t) => t.close()));
  }
}
