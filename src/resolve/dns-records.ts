/** The DNS records RFC 3263 resolution reads, with their TTLs in seconds. */

/** RFC 3403 NAPTR. */
export interface NaptrRecord {
  name: string;
  ttl: number;
  order: number;
  preference: number;
  flags: string;
  services: string;
  regexp: string;
  replacement: string;
}

/** RFC 2782 SRV. */
export interface SrvRecord {
  name: string;
  ttl: number;
  priority: number;
  weight: number;
  port: number;
  target: string;
}

/** A or AAAA. */
export interface AddressRecord {
  name: string;
  ttl: number;
  family: 4 | 6;
  address: string;
}

export interface RecordTypes {
  NAPTR: NaptrRecord;
  SRV: SrvRecord;
  A: AddressRecord;
  AAAA: AddressRecord;
}

export type QueryType = keyof RecordTypes;

/** One answered query: NXDOMAIN and NODATA are answers with no records, not errors. */
export interface DnsAnswer<T extends QueryType = QueryType> {
  name: string;
  type: T;
  rcode: 'NOERROR' | 'NXDOMAIN';
  records: RecordTypes[T][];
  /** The server that answered (`127.0.0.1:53`), or `system` for the hosts file / getaddrinfo. */
  server: string;
  /** Whether the answer came over TCP after a truncated UDP answer (RFC 1035 4.2.1, RFC 7766). */
  tcp: boolean;
  /** Whether the answer came from the cache (TTLs are then what remains). */
  cached: boolean;
  /** Seconds a negative answer may be cached (RFC 2308: the SOA's minimum), when known. */
  negativeTtl: number | undefined;
}
