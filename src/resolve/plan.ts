import type { Transport } from '../model/types.js';
import type { AddressRecord, NaptrRecord, SrvRecord } from './dns-records.js';

/** How an entry of the plan was found. */
export type PlanSource =
  /** The host is a numeric IP address: no DNS (RFC 3263 4.2). */
  | 'numeric'
  /** An explicit port: A/AAAA only, no NAPTR/SRV (RFC 3263 4.2). */
  | 'explicit-port'
  /** NAPTR, then its SRV replacement, then A/AAAA (RFC 3263 4.1). */
  | 'naptr'
  /** SRV without NAPTR (RFC 3263 4.1 "If no NAPTR records are found"), then A/AAAA. */
  | 'srv'
  /** No SRV: A/AAAA of the host with the transport's default port (RFC 3263 4.2). */
  | 'address'
  /** The carrier's regional endpoints, because SRV was not available (carrier document). */
  | 'regional';

/** One address to try, in order. */
export interface PlanEntry {
  /** The name this address belongs to: the SRV target, the regional endpoint, or the URI host. */
  host: string;
  address: string;
  family: 4 | 6;
  port: number;
  transport: Transport;
  source: PlanSource;
  /** SRV priority and weight, when from SRV. */
  priority?: number;
  weight?: number;
  /** Regional plan tier (1 = the two nearest), when from the regional plan. */
  tier?: number;
  /** Seconds the address may still be used (smallest TTL along the chain); undefined for numeric or hosts-file addresses. */
  ttl?: number;
}

/** One DNS step of the resolution tree, for display. */
export interface DnsStep<R> {
  name: string;
  type: 'NAPTR' | 'SRV' | 'A' | 'AAAA';
  server: string | undefined;
  cached: boolean;
  records: R[];
  /** The DNS error, when the query failed (the resolution goes on without it). */
  error?: { code: string; message: string };
}

export interface ResolutionTree {
  naptr: DnsStep<NaptrRecord> | undefined;
  srv: Array<DnsStep<SrvRecord> & { transport: Transport }>;
  addresses: Array<DnsStep<AddressRecord>>;
}
