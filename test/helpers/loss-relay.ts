/**
 * FAKE (named as such): a loss-injecting UDP relay. No real SIP peer drops packets on demand, so
 * the retransmission tests put this relay between the client and a real peer (sipp or
 * Kamailio). It forwards datagrams from the client to the target and the target's answers back,
 * dropping the first `dropFirst` datagrams that come from the client side.
 */
import dgram from 'node:dgram';
import type { AddressInfo } from 'node:net';

export interface LossRelayOptions {
  /** Address the relay listens on (the client sends here). */
  host: string;
  /** The real peer. */
  target: { host: string; port: number };
  /** How many client datagrams to drop before forwarding. */
  dropFirst: number;
}

export interface LossRelay {
  readonly host: string;
  readonly port: number;
  /** Client datagrams dropped and forwarded so far. */
  readonly stats: { dropped: number; forwarded: number; answered: number };
  close(): Promise<void>;
}

export async function startLossRelay(opts: LossRelayOptions): Promise<LossRelay> {
  const family = opts.host.includes(':') ? 'udp6' : 'udp4';
  const front = dgram.createSocket(family);
  const back = dgram.createSocket(family);
  const stats = { dropped: 0, forwarded: 0, answered: 0 };
  let client: { address: string; port: number } | undefined;
  front.on('message', (msg, rinfo) => {
    client = { address: rinfo.address, port: rinfo.port };
    if (stats.dropped < opts.dropFirst) {
      stats.dropped++;
      return;
    }
    stats.forwarded++;
    back.send(msg, opts.target.port, opts.target.host);
  });
  back.on('message', (msg) => {
    if (!client) return;
    stats.answered++;
    front.send(msg, client.port, client.address);
  });
  await new Promise<void>((r) => front.bind(0, opts.host, () => r()));
  await new Promise<void>((r) => back.bind(0, opts.host, () => r()));
  const port = (front.address() as AddressInfo).port;
  let closed: Promise<void> | undefined;
  return {
    host: opts.host,
    port,
    stats,
    close() {
      closed ??= Promise.all([
        new Promise<void>((r) => front.close(() => r())),
        new Promise<void>((r) => back.close(() => r())),
      ]).then(() => undefined);
      return closed;
    },
  };
}
