import dgram from 'node:dgram';
import { isIP } from 'node:net';

/**
 * Watches for "nobody listens there" on UDP while an attempt runs. A SIP stack sending from one
 * shared, unconnected UDP socket never hears the ICMP port unreachable its request causes, so a
 * dead UDP server costs the whole timeout. This opens a connected UDP socket to the same address
 * and port and sends an RFC 5626 4.4.1 keep-alive (CRLF CRLF, which SIP servers ignore); on a
 * connected socket Linux reports the ICMP port unreachable as ECONNREFUSED. The promise resolves
 * with a description when that happens, and never otherwise; `stop()` closes the socket.
 *
 * Falls short: ICMP may be filtered or rate-limited on real networks, in which case the attempt
 * simply runs into its timeout, as it would without this watch.
 */
export function watchUdpUnreachable(address: string, port: number, options: { resendMs?: number } = {}): { unreachable: Promise<string>; stop(): void } {
  const sock = dgram.createSocket(isIP(address) === 6 ? 'udp6' : 'udp4');
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    clearTimeout(timer);
    try {
      sock.close();
    } catch {
      // already closed
    }
  };
  const ping = Buffer.from('\r\n\r\n');
  const unreachable = new Promise<string>((resolve) => {
    sock.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ECONNREFUSED') resolve(`ICMP port unreachable from ${address}:${port} (nothing listens on UDP there)`);
      stop();
    });
    // Answers to the keep-alive (a CRLF pong) mean someone listens: nothing to do.
    sock.on('message', () => undefined);
    sock.connect(port, address, () => {
      if (stopped) return;
      sock.send(ping, () => undefined);
      // Once more, in case the first datagram or its ICMP was lost.
      timer = setTimeout(() => {
        if (!stopped) sock.send(ping, () => undefined);
      }, options.resendMs ?? 500);
    });
  });
  return { unreachable, stop };
}
