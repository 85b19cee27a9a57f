import dgram from 'node:dgram';
import net from 'node:net';
import dns from 'node:dns';
import { randomInt } from 'node:crypto';
import * as packet from 'dns-packet';
import { SiptrunkError } from '../util/siptrunk-error.js';
import { DnsCache } from './dns-cache.js';
import { formatDnsServer, parseDnsServer, type DnsServerAddress } from './dns-server-address.js';
import type { AddressRecord, DnsAnswer, NaptrRecord, QueryType, RecordTypes, SrvRecord } from './dns-records.js';

export interface DnsClientOptions {
  /** Servers to ask, in order. Absent: the system's servers (node:dns getServers(), i.e. /etc/resolv.conf). */
  servers?: DnsServerAddress[] | undefined;
  /** Time to wait for one answer from one server. Default 2000 ms. */
  timeoutMs?: number;
  /** Rounds over the server list before giving up (RFC 1035 4.2.1 retransmission). Default 2. */
  attempts?: number;
  /** A cache shared between queries; `false` disables caching. Default: a new DnsCache. */
  cache?: DnsCache | false;
  /**
   * For A/AAAA, when DNS gives nothing, ask getaddrinfo (the hosts file, nsswitch). Default: on
   * with the system resolver, off with an explicit server (tests and air-gapped users then see
   * exactly what their server says).
   */
  hostsFallback?: boolean;
  /**
   * After a server let a whole query time out, later queries skip it for this long (ms), so that
   * an unreachable resolver costs one timeout per command, not one per query. Default 30000; 0 off.
   */
  deadServerMs?: number;
}

type AnyRecord = RecordTypes[QueryType];

/**
 * A stub resolver speaking DNS itself (RFC 1035) with dns-packet, so that every record comes
 * with its TTL, which node:dns does not give for NAPTR and SRV. Queries go over UDP; a
 * truncated answer (TC bit) is asked again over TCP (RFC 7766 5). Answers are matched on id and
 * question (RFC 5452 9.1); others are ignored. NXDOMAIN and NODATA are answers, not errors.
 *
 * Falls short: no EDNS0 (answers larger than 512 bytes go to TCP), no DNSSEC validation, and
 * CNAME chains are followed only within one answer (a recursive server gives the whole chain).
 */
export class DnsClient {
  readonly cache: DnsCache | undefined;
  readonly #servers: DnsServerAddress[] | undefined;
  readonly #timeoutMs: number;
  readonly #attempts: number;
  readonly #hostsFallback: boolean;
  readonly #deadServerMs: number;
  /** Servers that let a whole query time out, with when they did. */
  readonly #deadSince = new Map<string, number>();

  constructor(options: DnsClientOptions = {}) {
    this.#servers = options.servers;
    this.#timeoutMs = options.timeoutMs ?? 2000;
    this.#attempts = options.attempts ?? 2;
    this.cache = options.cache === false ? undefined : (options.cache ?? new DnsCache());
    this.#hostsFallback = options.hostsFallback ?? options.servers === undefined;
    this.#deadServerMs = options.deadServerMs ?? 30_000;
  }

  /** The servers queries go to: the configured ones or the system's. */
  get servers(): DnsServerAddress[] {
    if (this.#servers) return this.#servers;
    const out: DnsServerAddress[] = [];
    for (const s of dns.getServers()) {
      try {
        out.push(parseDnsServer(s, 'system resolver'));
      } catch {
        // A server the system lists in a form we cannot use (scoped IPv6 address): skip it.
      }
    }
    return out;
  }

  get system(): boolean {
    return this.#servers === undefined;
  }

  async query<T extends QueryType>(name: string, type: T): Promise<DnsAnswer<T>> {
    const qname = normaliseName(name);
    const hit = this.cache?.get(qname, type);
    if (hit) return hit;
    let answer: DnsAnswer<T>;
    try {
      answer = await this.#ask(qname, type);
    } catch (err) {
      if (this.#hostsFallback && (type === 'A' || type === 'AAAA')) {
        const viaHosts = await lookupHosts(qname, type);
        if (viaHosts.records.length > 0) return viaHosts as DnsAnswer<T>;
      }
      throw err;
    }
    if (answer.records.length === 0 && this.#hostsFallback && (type === 'A' || type === 'AAAA')) {
      const viaHosts = await lookupHosts(qname, type);
      if (viaHosts.records.length > 0) return viaHosts as DnsAnswer<T>;
    }
    this.cache?.put(answer);
    return answer;
  }

  async #ask<T extends QueryType>(qname: string, type: T): Promise<DnsAnswer<T>> {
    const servers = this.servers;
    if (servers.length === 0) {
      throw new SiptrunkError('RESOLVE_DNS_NO_SERVER', `no DNS server to ask for ${type} ${qname}: none configured and the system lists none`, {
        expected: '--dns-server ADDR, dnsServer in the model, or a nameserver line in /etc/resolv.conf',
      });
    }
    const failures: string[] = [];
    let lastRcode: string | undefined;
    const now = Date.now();
    const live = servers.filter((sv) => {
      const since = this.#deadSince.get(formatDnsServer(sv));
      return since === undefined || now - since >= this.#deadServerMs;
    });
    if (live.length === 0) {
      throw new SiptrunkError('RESOLVE_DNS_TIMEOUT', `${type} query for ${qname} not sent: ${servers.map(formatDnsServer).join(', ')} did not answer an earlier query`, {
        expected: 'a DNS server that answers (check --dns-server, dns.server in the model, or /etc/resolv.conf)',
      });
    }
    const timedOut = new Set<string>();
    for (let round = 0; round < this.#attempts; round++) {
      for (const server of live) {
        const where = formatDnsServer(server);
        try {
          let res = await udpQuery(server, qname, type, this.#timeoutMs);
          let tcp = false;
          if (res.flag_tc) {
            res = await tcpQuery(server, qname, type, this.#timeoutMs);
            tcp = true;
          }
          this.#deadSince.delete(where);
          const rcode = (res as { rcode?: string }).rcode ?? 'NOERROR';
          if (rcode !== 'NOERROR' && rcode !== 'NXDOMAIN') {
            lastRcode = rcode;
            failures.push(`${where} answered ${rcode}`);
            continue;
          }
          return {
            name: qname,
            type,
            rcode,
            records: extractRecords(res, qname, type) as RecordTypes[T][],
            server: where,
            tcp,
            cached: false,
            negativeTtl: negativeTtl(res),
          };
        } catch (err) {
          const msg = (err as Error).message;
          if (msg === 'timed out') timedOut.add(where);
          failures.push(`${where}: ${msg}`);
        }
      }
    }
    // A server that timed out on every round of this query is taken as dead for a while.
    for (const where of timedOut) {
      if (failures.filter((f) => f.startsWith(`${where}:`)).every((f) => f.endsWith('timed out'))) this.#deadSince.set(where, Date.now());
    }
    const timeoutsOnly = failures.every((f) => f.endsWith('timed out'));
    const code = lastRcode ? 'RESOLVE_DNS_SERVER_FAILURE' : timeoutsOnly ? 'RESOLVE_DNS_TIMEOUT' : 'RESOLVE_DNS_TRANSPORT';
    throw new SiptrunkError(code, `${type} query for ${qname} failed: ${summarise(failures)}`, {
      expected: 'a DNS server that answers NOERROR or NXDOMAIN',
    });
  }
}

/** `a; a; b` -> `a (2 times); b`. */
function summarise(failures: string[]): string {
  const counts = new Map<string, number>();
  for (const f of failures) counts.set(f, (counts.get(f) ?? 0) + 1);
  return [...counts].map(([f, n]) => (n > 1 ? `${f} (${n} times)` : f)).join('; ');
}

export function normaliseName(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '');
}

function buildQuery(qname: string, type: QueryType): { id: number; buf: Buffer } {
  const id = randomInt(0, 0x10000);
  const p: packet.Packet = {
    type: 'query',
    id,
    flags: packet.RECURSION_DESIRED,
    questions: [{ type, name: qname, class: 'IN' }],
  };
  return { id, buf: packet.encode(p) };
}

/** RFC 5452 9.1: accept an answer only if id, QR and the question match what was asked. */
function matches(res: packet.DecodedPacket, id: number, qname: string, type: QueryType): boolean {
  if (res.id !== id || !res.flag_qr) return false;
  const q = res.questions?.[0];
  return q !== undefined && normaliseName(q.name) === qname && q.type === type;
}

function badResponse(server: DnsServerAddress, why: string): SiptrunkError {
  return new SiptrunkError('RESOLVE_DNS_BAD_RESPONSE', `answer from ${formatDnsServer(server)} ${why}`, {
    expected: 'a well-formed DNS message answering the question asked',
  });
}

function udpQuery(server: DnsServerAddress, qname: string, type: QueryType, timeoutMs: number): Promise<packet.DecodedPacket> {
  return new Promise((resolve, reject) => {
    const sock = dgram.createSocket(net.isIP(server.host) === 6 ? 'udp6' : 'udp4');
    const { id, buf } = buildQuery(qname, type);
    let done = false;
    const finish = (err: Error | undefined, res?: packet.DecodedPacket): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      sock.close();
      if (err) reject(err);
      else resolve(res as packet.DecodedPacket);
    };
    const timer = setTimeout(() => finish(new Error('timed out')), timeoutMs);
    sock.on('error', (err: NodeJS.ErrnoException) => finish(new Error(err.code === 'ECONNREFUSED' ? 'port unreachable (ECONNREFUSED)' : err.message)));
    sock.on('message', (msg) => {
      let res: packet.DecodedPacket;
      try {
        res = packet.decode(msg);
      } catch {
        // A datagram that is not DNS: keep waiting for the real answer.
        return;
      }
      if (matches(res, id, qname, type)) finish(undefined, res);
    });
    // A connected socket receives ICMP port unreachable as ECONNREFUSED, so a server that is
    // not listening fails at once instead of after the timeout.
    sock.connect(server.port, server.host, () => {
      sock.send(buf, (err) => {
        if (err) finish(err);
      });
    });
  });
}

function tcpQuery(server: DnsServerAddress, qname: string, type: QueryType, timeoutMs: number): Promise<packet.DecodedPacket> {
  return new Promise((resolve, reject) => {
    const { id, buf } = buildQuery(qname, type);
    const framed = Buffer.alloc(buf.length + 2);
    framed.writeUInt16BE(buf.length, 0);
    buf.copy(framed, 2);
    const sock = net.connect({ host: server.host, port: server.port });
    let acc = Buffer.alloc(0);
    let done = false;
    const finish = (err: Error | undefined, res?: packet.DecodedPacket): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      sock.destroy();
      if (err) reject(err);
      else resolve(res as packet.DecodedPacket);
    };
    const timer = setTimeout(() => finish(new Error('timed out')), timeoutMs);
    sock.on('connect', () => sock.write(framed));
    sock.on('error', (err: NodeJS.ErrnoException) => finish(new Error(`TCP ${err.code ?? err.message}`)));
    sock.on('end', () => finish(badResponse(server, 'closed the TCP connection before a whole answer')));
    sock.on('data', (chunk: Buffer) => {
      acc = Buffer.concat([acc, chunk]);
      if (acc.length < 2) return;
      const len = acc.readUInt16BE(0);
      if (acc.length < len + 2) return;
      let res: packet.DecodedPacket;
      try {
        res = packet.decode(acc.subarray(2, 2 + len));
      } catch (e) {
        finish(badResponse(server, `over TCP is not a DNS message (${(e as Error).message})`));
        return;
      }
      if (!matches(res, id, qname, type)) finish(badResponse(server, 'over TCP answers another question'));
      else finish(undefined, res);
    });
  });
}

/** The records of the asked type owned by the name or by the CNAME chain from it. */
function extractRecords(res: packet.DecodedPacket, qname: string, type: QueryType): AnyRecord[] {
  const answers = (res.answers ?? []) as packet.Answer[];
  const owners = new Set([qname]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const a of answers) {
      if (a.type === 'CNAME' && owners.has(normaliseName(a.name))) {
        const to = normaliseName(String(a.data));
        if (!owners.has(to)) {
          owners.add(to);
          grew = true;
        }
      }
    }
  }
  const out: AnyRecord[] = [];
  for (const a of answers) {
    if (a.type !== type || !owners.has(normaliseName(a.name))) continue;
    const ttl = (a as { ttl?: number }).ttl ?? 0;
    const name = normaliseName(a.name);
    if (a.type === 'NAPTR') {
      const d = a.data;
      out.push({ name, ttl, order: d.order, preference: d.preference, flags: d.flags, services: d.services, regexp: d.regexp, replacement: normaliseName(d.replacement) } satisfies NaptrRecord);
    } else if (a.type === 'SRV') {
      const d = a.data;
      out.push({ name, ttl, priority: d.priority ?? 0, weight: d.weight ?? 0, port: d.port, target: normaliseName(d.target) } satisfies SrvRecord);
    } else if (a.type === 'A' || a.type === 'AAAA') {
      out.push({ name, ttl, family: a.type === 'A' ? 4 : 6, address: String(a.data) } satisfies AddressRecord);
    }
  }
  return out;
}

/** RFC 2308 5: a negative answer is cached for min(SOA TTL, SOA MINIMUM). */
function negativeTtl(res: packet.DecodedPacket): number | undefined {
  for (const a of (res.authorities ?? []) as packet.Answer[]) {
    if (a.type === 'SOA') return Math.min(a.ttl ?? 0, a.data.minimum ?? 0);
  }
  return undefined;
}

/** getaddrinfo (the hosts file, then whatever nsswitch says): addresses without a TTL. */
async function lookupHosts(qname: string, type: 'A' | 'AAAA'): Promise<DnsAnswer<'A' | 'AAAA'>> {
  const family = type === 'A' ? 4 : 6;
  let records: AddressRecord[] = [];
  try {
    const found = await dns.promises.lookup(qname, { family, all: true });
    records = found.map((f) => ({ name: qname, ttl: 0, family, address: f.address }));
  } catch {
    records = [];
  }
  return { name: qname, type, rcode: 'NOERROR', records, server: 'system', tcp: false, cached: false, negativeTtl: undefined };
}
