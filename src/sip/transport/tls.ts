/**
 * TLS transport (RFC 3261 26.2.1, node:tls): TLS 1.2+ by default, SNI, server certificate
 * verified after the handshake (see tls/tls-options.ts). An unverified server is disconnected
 * before any SIP byte is sent, with a `tls-unauthorized` TransportError that still carries the
 * negotiated version, cipher and certificate expiry.
 */
import net from 'node:net';
import tls from 'node:tls';
import { StreamTransport, awaitConnected, type StreamTransportOptions } from './stream-transport.js';
import type { Destination, TransportSink } from './transport.js';
import { TransportError } from './transport-error.js';
import { describeTls } from '../tls/tls-info.js';
import { tlsConnectOptions, type TlsClientOptions } from '../tls/tls-options.js';

export class TlsTransport extends StreamTransport {
  readonly name = 'tls' as const;

  constructor(
    sink: TransportSink,
    opts: StreamTransportOptions = {},
    private readonly tlsOpts: TlsClientOptions = {},
  ) {
    super(sink, opts);
  }

  protected async open(dest: Destination, timeoutMs: number, signal?: AbortSignal) {
    const local = this.opts.localAddress && net.isIP(this.opts.localAddress) === net.isIP(dest.address) ? this.opts.localAddress : undefined;
    const socket = tls.connect(tlsConnectOptions(this.tlsOpts, dest, local));
    await awaitConnected(socket, 'secureConnect', timeoutMs, signal, `TLS connect to ${dest.host ?? dest.address}:${dest.port}`);
    const info = describeTls(socket);
    if (!info.authorized && !this.tlsOpts.insecure) {
      socket.destroy();
      throw new TransportError(
        'tls-unauthorized',
        `TLS server certificate of ${dest.host ?? dest.address}:${dest.port} not trusted (${info.authorizationError ?? 'unknown reason'}); give --ca FILE or --insecure`,
        { code: info.authorizationError ?? undefined, tls: info },
      );
    }
    return { socket, tls: info };
  }
}
