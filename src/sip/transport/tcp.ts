/** TCP transport (RFC 3261 18, node:net): connections pooled and framed by StreamTransport. */
import net from 'node:net';
import { StreamTransport } from './stream-transport.js';
import { awaitConnected } from './stream-transport.js';
import type { Destination } from './transport.js';

export class TcpTransport extends StreamTransport {
  readonly name = 'tcp' as const;

  protected async open(dest: Destination, timeoutMs: number, signal?: AbortSignal) {
    const socket = net.connect({
      host: dest.address,
      port: dest.port,
      ...(this.opts.localAddress && net.isIP(this.opts.localAddress) === net.isIP(dest.address) ? { localAddress: this.opts.localAddress } : {}),
    });
    await awaitConnected(socket, 'connect', timeoutMs, signal, `TCP connect to ${dest.address}:${dest.port}`);
    return { socket };
  }
}
