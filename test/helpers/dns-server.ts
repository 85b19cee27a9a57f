/**
 * A real DNS server for tests: dns-packet over dgram (UDP) and net (TCP, RFC 7766 framing),
 * authoritative for the names of a zone object. It serves NAPTR, SRV, A, AAAA and CNAME, answers
 * NXDOMAIN with an SOA for names it does not hold (so negative caching can be tested), and can
 * be told to truncate UDP answers, to drop queries or to answer SERVFAIL.
 *
 * Usage: const dns = await startDnsServer({ host: '127.0.20.1', zone }); ... dns.address ('127.0.20.1:PORT'); await dns.close().
 */
import dgram from 'node:dgram';
import net from 'node:net';
import * as packet from 'dns-packet';

export interface ZoneNode {
  NAPTR?: packet.NaptrData[];
  SRV?: packet.SrvData[];
  A?: string[];
  AAAA?: string[];
  CNAME?: string;
  /** TTL of this node's records; default the server's ttl. */
  ttl?: number;
}

/** Names (lower case, no trailing dot) to their records. */
export type Zone = Record<string, ZoneNode>;

export interface DnsServerOptions {
  host?: string;
  port?: number;
  zone: Zone;
  ttl?: number;
  /** SOA minimum for negative answers (RFC 2308); default 30. */
  negativeTtl?: number;
  /** Answer every UDP query with TC set and no records, so the client must use TCP. */
  truncateUdp?: boolean;
  /** Drop this many UDP queries before answering (to test client retries). */
  dropFirst?: number;
  /** Answer SERVFAIL to everything. */
  servfail?: boolean;
}

export interface QueryLogEntry {
  name: string;
  type: string;
  transport: 'udp' | 'tcp';
}

export interface TestDnsServer {
  host: string;
  port: number;
  /** host:port, as --dns-server takes it. */
  address: string;
  queries: QueryLogEntry[];
  options: DnsServerOptions;
  close(): Promise<void>;
}

const norm = (n: string): string => n.toLowerCase().replace(/\.$/, '');

export function answerFor(query: packet.DecodedPacket, opts: DnsServerOptions, transport: 'udp' | 'tcp'): Buffer {
  const q = query.questions?.[0];
  const base = { type: 'response' as const, id: query.id ?? 0, questions: query.questions ?? [] };
  const AA = packet.AUTHORITATIVE_ANSWER;
  if (!q) return packet.encode({ ...base, flags: AA | 1 });
  if (opts.servfail) return packet.encode({ ...base, flags: AA | 2 });
  if (transport === 'udp' && opts.truncateUdp) return packet.encode({ ...base, flags: AA | packet.TRUNCATED_RESPONSE });
  const ttl = opts.ttl ?? 60;
  const answers: packet.Answer[] = [];
  let name = norm(q.name);
  let node = opts.zone[name];
  // Follow CNAMEs inside the zone, as a recursive server would give the whole chain.
  for (let hops = 0; node?.CNAME && q.type !== 'CNAME' && hops < 8; hops++) {
    answers.push({ type: 'CNAME', name, ttl: node.ttl ?? ttl, class: 'IN', data: node.CNAME });
    name = norm(node.CNAME);
    node = opts.zone[name];
  }
  if (!node) {
    const soa: packet.Answer = {
      type: 'SOA', name: 'test', ttl: opts.negativeTtl ?? 30, class: 'IN',
      data: { mname: 'ns.test', rname: 'hostmaster.test', serial: 1, refresh: 3600, retry: 600, expire: 86400, minimum: opts.negativeTtl ?? 30 },
    };
    return packet.encode({ ...base, flags: AA | (answers.length ? 0 : 3), answers, authorities: answers.length ? [] : [soa] });
  }
  const t = node.ttl ?? ttl;
  if (q.type === 'NAPTR') for (const d of node.NAPTR ?? []) answers.push({ type: 'NAPTR', name, ttl: t, class: 'IN', data: d });
  if (q.type === 'SRV') for (const d of node.SRV ?? []) answers.push({ type: 'SRV', name, ttl: t, class: 'IN', data: d });
  if (q.type === 'A') for (const d of node.A ?? []) answers.push({ type: 'A', name, ttl: t, class: 'IN', data: d });
  if (q.type === 'AAAA') for (const d of node.AAAA ?? []) answers.push({ type: 'AAAA', name, ttl: t, class: 'IN', data: d });
  return packet.encode({ ...base, flags: AA, answers });
}

export async function startDnsServer(opts: DnsServerOptions): Promise<TestDnsServer> {
  const host = opts.host ?? '127.0.20.1';
  const queries: QueryLogEntry[] = [];
  let dropped = 0;
  for (let tries = 0; ; tries++) {
    const udp = dgram.createSocket(net.isIP(host) === 6 ? 'udp6' : 'udp4');
    const tcp = net.createServer();
    try {
      await new Promise<void>((resolve, reject) => {
        udp.once('error', reject);
        udp.bind(opts.port ?? 0, host, () => resolve());
      });
      const port = udp.address().port;
      // TCP on the same port, for truncated answers (RFC 7766).
      await new Promise<void>((resolve, reject) => {
        tcp.once('error', reject);
        tcp.listen(port, host, () => resolve());
      });
      udp.on('message', (msg, rinfo) => {
        let q: packet.DecodedPacket;
        try {
          q = packet.decode(msg);
        } catch {
          return;
        }
        const qq = q.questions?.[0];
        queries.push({ name: norm(qq?.name ?? ''), type: qq?.type ?? '', transport: 'udp' });
        if (dropped < (opts.dropFirst ?? 0)) {
          dropped++;
          return;
        }
        udp.send(answerFor(q, opts, 'udp'), rinfo.port, rinfo.address);
      });
      tcp.on('connection', (sock) => {
        let acc = Buffer.alloc(0);
        sock.on('error', () => sock.destroy());
        sock.on('data', (chunk: Buffer) => {
          acc = Buffer.concat([acc, chunk]);
          while (acc.length >= 2 && acc.length >= acc.readUInt16BE(0) + 2) {
            const len = acc.readUInt16BE(0);
            const msg = acc.subarray(2, 2 + len);
            acc = acc.subarray(2 + len);
            let q: packet.DecodedPacket;
            try {
              q = packet.decode(msg);
            } catch {
              sock.destroy();
              return;
            }
            const qq = q.questions?.[0];
            queries.push({ name: norm(qq?.name ?? ''), type: qq?.type ?? '', transport: 'tcp' });
            const out = answerFor(q, opts, 'tcp');
            const framed = Buffer.alloc(out.length + 2);
            framed.writeUInt16BE(out.length, 0);
            out.copy(framed, 2);
            sock.write(framed);
          }
        });
      });
      const close = async (): Promise<void> => {
        await new Promise<void>((r) => udp.close(() => r()));
        await new Promise<void>((r) => tcp.close(() => r()));
      };
      const address = net.isIP(host) === 6 ? `[${host}]:${port}` : `${host}:${port}`;
      return { host, port, address, queries, options: opts, close };
    } catch (err) {
      try { udp.close(); } catch { /* already closed */ }
      tcp.close();
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || tries >= 10 || opts.port) throw err;
    }
  }
}
