import type { Transport } from '../model/types.js';
import { isSiptrunkError } from '../util/siptrunk-error.js';
import type { DnsClient } from './dns-client.js';
import type { AddressRecord, NaptrRecord, QueryType, RecordTypes, SrvRecord } from './dns-records.js';
import type { DnsStep, PlanEntry, PlanSource, ResolutionTree } from './plan.js';
import type { RandomSource } from './seeded-random.js';
import { defaultPort, type SipTarget } from './sip-target.js';
import { orderSrv } from './srv-select.js';

export interface Rfc3263Options {
  dns: DnsClient;
  /** Transports this client supports, in preference order. Default udp, tcp, tls. */
  transports?: readonly Transport[];
  /** Random source for SRV weights (RFC 2782). */
  random?: RandomSource;
  /** Address families to look up, in order. Default IPv4 then IPv6. */
  families?: ReadonlyArray<4 | 6>;
}

export interface Rfc3263Result {
  target: SipTarget;
  /** How the first plan entry was found (numeric, explicit-port, naptr, srv, address). */
  source: PlanSource;
  tree: ResolutionTree;
  plan: PlanEntry[];
  /** Whether SRV records were found at all (through NAPTR or directly). */
  srvFound: boolean;
  /** Plain-language remarks on the choices made. */
  notes: string[];
}

/** RFC 3263 4.1 NAPTR services and the SRV prefixes for each transport. */
const NAPTR_SERVICE: Record<string, Transport> = { 'SIP+D2U': 'udp', 'SIP+D2T': 'tcp', 'SIPS+D2T': 'tls' };
const SRV_PREFIX: Record<Transport, string> = { udp: '_sip._udp', tcp: '_sip._tcp', tls: '_sips._tcp' };

/**
 * Locates SIP servers for a target as RFC 3263 section 4 says.
 *
 * 4.1 (transport): a transport= parameter is used as is; a numeric IP or an explicit port gives
 * UDP for sip and TLS for sips without DNS; otherwise NAPTR records of the host whose service
 * is SIP+D2U, SIP+D2T or SIPS+D2T (only SIPS+D2T for a sips URI) and whose flag is "s" are
 * taken in order/preference order, and their replacement is looked up as SRV. "If no NAPTR
 * records are found, the client constructs SRV queries for those transport protocols it
 * supports" (_sip._udp, _sip._tcp, _sips._tcp). Without SRV either, UDP for sip, TLS for sips.
 *
 * 4.2 (address and port): a numeric IP is used as is; an explicit port skips SRV ("If the TARGET
 * was not a numeric IP address, but a port is present in the URI, the client performs an A or
 * AAAA record lookup"); with a transport known and no port, SRV for that transport, ordered by
 * RFC 2782, then A/AAAA of each SRV target; without SRV records, A/AAAA of the host with the
 * transport's default port.
 *
 * Beyond the letter of 4.1: after the SRV targets of the first usable NAPTR (or transport), the
 * plan keeps the targets of the other NAPTR records / transports as later backups, so the
 * failover engine can move to another transport when a whole set of servers is down.
 * Falls short: a DNS error on one query is recorded in the tree and resolution goes on with
 * what else it can find, rather than stopping.
 */
export async function resolveRfc3263(target: SipTarget, opts: Rfc3263Options): Promise<Rfc3263Result> {
  const supported = (opts.transports ?? ['udp', 'tcp', 'tls']).filter((t) => target.scheme === 'sip' || t === 'tls');
  const families = opts.families ?? [4, 6];
  const tree: ResolutionTree = { naptr: undefined, srv: [], addresses: [] };
  const notes: string[] = [];
  const plan: PlanEntry[] = [];
  const fallbackTransport: Transport = target.scheme === 'sips' ? 'tls' : 'udp';

  // 4.2: a numeric IP address needs no DNS at all.
  if (target.hostKind !== 'domain') {
    const transport = target.transport ?? fallbackTransport;
    const port = target.port ?? defaultPort(transport);
    plan.push({ host: target.host, address: target.host, family: target.hostKind === 'ipv6' ? 6 : 4, port, transport, source: 'numeric' });
    notes.push(`${target.host} is a numeric address: no DNS lookup (RFC 3263 4.2), ${transport.toUpperCase()} port ${port}`);
    return { target, source: 'numeric', tree, plan, srvFound: false, notes };
  }

  // 4.2: an explicit port means A/AAAA only.
  if (target.port !== undefined) {
    const transport = target.transport ?? fallbackTransport;
    notes.push(`port ${target.port} is explicit: no NAPTR or SRV lookup (RFC 3263 4.2), ${transport.toUpperCase()}`);
    plan.push(...(await addressEntries(opts.dns, tree, families, target.host, target.port, transport, 'explicit-port', undefined)));
    return { target, source: 'explicit-port', tree, plan, srvFound: false, notes };
  }

  let srvFound = false;
  const srvTransports: Transport[] = [];
  let source: PlanSource = 'srv';

  if (target.transport !== undefined) {
    // 4.1: "If the URI specifies a transport protocol in the transport parameter, that transport
    // protocol SHOULD be used"; 4.2: SRV for that transport.
    notes.push(`transport=${target.transport} is explicit: no NAPTR lookup (RFC 3263 4.1)`);
    srvTransports.push(target.transport);
  } else {
    const naptr = await step(opts.dns, target.host, 'NAPTR');
    tree.naptr = naptr;
    const usable = usableNaptr(naptr.records, target.scheme, supported);
    if (naptr.records.length > 0 && usable.length === 0) {
      notes.push(`NAPTR records of ${target.host} offer no supported SIP service (${supported.map((t) => NAPTR_NAME[t]).join(', ')}): SRV lookups instead`);
    }
    for (const { record, transport } of usable) {
      const srv = await step(opts.dns, record.replacement, 'SRV');
      tree.srv.push({ ...srv, transport });
      const live = liveSrv(srv.records, notes);
      if (srv.records.length > 0) srvFound = true;
      const entries = await srvEntries(opts, tree, families, live, transport, 'naptr');
      plan.push(...entries);
    }
    if (usable.length > 0 && plan.length > 0) {
      source = 'naptr';
      notes.push(`NAPTR gave ${usable.map((u) => `${u.transport.toUpperCase()} (order ${u.record.order}, preference ${u.record.preference})`).join(', ')}`);
    } else {
      if (usable.length === 0 && naptr.records.length === 0) {
        notes.push(`no NAPTR records for ${target.host}: SRV lookups for ${supported.join(', ')} (RFC 3263 4.1)`);
      }
      srvTransports.push(...supported);
    }
  }

  if (plan.length === 0) {
    for (const transport of srvTransports) {
      const name = `${SRV_PREFIX[transport]}.${target.host}`;
      const srv = await step(opts.dns, name, 'SRV');
      tree.srv.push({ ...srv, transport });
      if (srv.records.length > 0) srvFound = true;
      plan.push(...(await srvEntries(opts, tree, families, liveSrv(srv.records, notes), transport, 'srv')));
    }
    source = 'srv';
  }

  if (plan.length === 0) {
    // 4.2: "If no SRV records were found, the client performs an A or AAAA record lookup of the
    // domain name", with the default port of the transport (4.1: UDP for sip, TLS for sips).
    const transport = target.transport ?? fallbackTransport;
    const port = defaultPort(transport);
    if (!srvFound) notes.push(`no SRV records: A/AAAA of ${target.host}, ${transport.toUpperCase()} port ${port} (RFC 3263 4.2)`);
    plan.push(...(await addressEntries(opts.dns, tree, families, target.host, port, transport, 'address', undefined)));
    source = 'address';
  }
  return { target, source, tree, plan, srvFound, notes };
}

const NAPTR_NAME: Record<Transport, string> = { udp: 'SIP+D2U', tcp: 'SIP+D2T', tls: 'SIPS+D2T' };

/** NAPTR records we can use, best first: flag "s", a supported service, lowest order then preference. */
export function usableNaptr(
  records: readonly NaptrRecord[],
  scheme: 'sip' | 'sips',
  supported: readonly Transport[],
): Array<{ record: NaptrRecord; transport: Transport }> {
  const out: Array<{ record: NaptrRecord; transport: Transport }> = [];
  for (const record of records) {
    const transport = NAPTR_SERVICE[record.services.toUpperCase()];
    if (!transport || !supported.includes(transport)) continue;
    // RFC 3263 4.1: for a SIPS URI only SIPS+D2T may be used.
    if (scheme === 'sips' && transport !== 'tls') continue;
    // RFC 3263 4.1: the "s" flag means the replacement is an SRV name; other flags are not SIP's.
    if (record.flags.toLowerCase() !== 's' || record.replacement === '' || record.replacement === '.') continue;
    out.push({ record, transport });
  }
  out.sort((a, b) => a.record.order - b.record.order || a.record.preference - b.record.preference);
  // One entry per transport: a second record for the same transport adds nothing but duplicates.
  const seen = new Set<string>();
  return out.filter((u) => {
    const k = `${u.transport} ${u.record.replacement}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** RFC 2782: a target of "." means "decidedly not available at this domain". */
function liveSrv(records: SrvRecord[], notes: string[]): SrvRecord[] {
  const live = records.filter((r) => r.target !== '' && r.target !== '.');
  if (live.length < records.length) notes.push(`SRV target "." for ${records[0]?.name ?? ''}: service decidedly not available there (RFC 2782)`);
  return live;
}

async function srvEntries(
  opts: Rfc3263Options,
  tree: ResolutionTree,
  families: ReadonlyArray<4 | 6>,
  records: SrvRecord[],
  transport: Transport,
  source: PlanSource,
): Promise<PlanEntry[]> {
  const out: PlanEntry[] = [];
  for (const srv of orderSrv(records, opts.random)) {
    const entries = await addressEntries(opts.dns, tree, families, srv.target, srv.port, transport, source, srv.ttl);
    for (const e of entries) out.push({ ...e, priority: srv.priority, weight: srv.weight });
  }
  return out;
}

/** A/AAAA of one name, as plan entries; each name is looked up once per resolution. */
export async function addressEntries(
  dns: DnsClient,
  tree: ResolutionTree,
  families: ReadonlyArray<4 | 6>,
  host: string,
  port: number,
  transport: Transport,
  source: PlanSource,
  parentTtl: number | undefined,
): Promise<PlanEntry[]> {
  const out: PlanEntry[] = [];
  for (const family of families) {
    const type = family === 4 ? 'A' : 'AAAA';
    let s = tree.addresses.find((a) => a.name === host && a.type === type);
    if (!s) {
      s = await step(dns, host, type);
      tree.addresses.push(s);
    }
    for (const r of s.records as AddressRecord[]) {
      const known = s.server !== 'system' || r.ttl > 0;
      const ttl = known ? Math.min(r.ttl, parentTtl ?? Infinity) : parentTtl;
      out.push({ host, address: r.address, family: r.family, port, transport, source, ...(ttl === undefined ? {} : { ttl }) });
    }
  }
  return out;
}

/** One query, with a DNS failure recorded instead of thrown. */
async function step<T extends QueryType>(dns: DnsClient, name: string, type: T): Promise<DnsStep<RecordTypes[T]>> {
  try {
    const a = await dns.query(name, type);
    return { name, type, server: a.server, cached: a.cached, records: a.records };
  } catch (err) {
    if (!isSiptrunkError(err)) throw err;
    return { name, type, server: undefined, cached: false, records: [], error: { code: err.code, message: err.message } };
  }
}
