/**
 * The transport interface of the SIP layer (RFC 3261 18). The transaction layer above sees only
 * `SipTransport` and `Flow`: it asks for a flow to a destination, sends bytes on it, and gets the
 * messages that arrive through a `TransportSink`. Implementations: udp.ts (dgram), tcp.ts (net),
 * tls.ts (tls); transport-layer.ts chooses among them.
 */
import type { SipMessage } from '../message.js';
import type { TlsInfo } from '../tls/tls-info.js';

export type TransportName = 'udp' | 'tcp' | 'tls';

export const TRANSPORT_NAMES: readonly TransportName[] = ['udp', 'tcp', 'tls'];

export interface Endpoint {
  address: string;
  port: number;
}

/** Where to send: an explicit IP address, port and transport (resolution happens above). */
export interface Destination extends Endpoint {
  transport: TransportName;
  /** Host name the address was resolved from: TLS SNI and certificate name check. */
  host?: string;
}

/**
 * A path to one peer: the shared UDP socket with a remote address, or one TCP/TLS connection.
 * Retransmissions and ACKs go on the flow their transaction used.
 */
export interface Flow {
  readonly transport: TransportName;
  /** TCP and TLS are reliable: no retransmissions, Timers D and K are zero (RFC 3261 17.1). */
  readonly reliable: boolean;
  readonly local: Endpoint;
  readonly remote: Endpoint;
  /** TLS session facts, for TLS flows. */
  readonly tls?: TlsInfo;
  /** True once the connection is gone (never for UDP). */
  readonly closed: boolean;
  /**
   * Sends bytes; an error (socket closed, unreachable) goes to `onError`, never throws. A UDP
   * flow may skip the check of a send like ones that just succeeded (see udp.ts); `check`
   * asks for this one's result in any case (retransmissions).
   */
  send(data: Buffer, onError?: (err: Error) => void, check?: boolean): void;
}

/** What a transport reports upward. */
export interface TransportSink {
  /** A message parsed from a datagram or framed from a stream. */
  onMessage(message: SipMessage, flow: Flow): void;
  /** Bytes that are not a SIP message (counted and dropped; a stream is closed). */
  onMalformed(error: unknown, flow: Flow): void;
  /** A TCP/TLS connection closed or failed; transactions on it fail with a transport error. */
  onFlowClosed(flow: Flow, error: Error | undefined): void;
}

export interface SipTransport {
  readonly name: TransportName;
  readonly reliable: boolean;
  /** A flow to `dest`: the shared socket for UDP, an open or new connection for TCP/TLS. */
  flow(dest: Destination, signal?: AbortSignal): Promise<Flow>;
  /**
   * The flow to `dest` when it is ready at once (UDP: socket bound and local address known),
   * else undefined: the caller then waits on flow(). The send path of a busy client takes no
   * promise this way.
   */
  flowNow?(dest: Destination): Flow | undefined;
  /** Closes every socket and connection. */
  close(): Promise<void>;
}

/** `address:port`, with IPv6 in brackets (RFC 3261 19.1.1 hostport). */
export function formatHostPort(e: Endpoint): string {
  return e.address.includes(':') ? `[${e.address}]:${e.port}` : `${e.address}:${e.port}`;
}
