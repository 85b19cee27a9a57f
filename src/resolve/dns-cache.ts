import type { DnsAnswer, QueryType } from './dns-records.js';

/**
 * A TTL-respecting DNS answer cache (RFC 1035 3.2.1: a record may be cached for at most its
 * TTL; RFC 2308 5: a negative answer for at most the SOA's minimum). An answer lives as long as
 * its smallest record TTL; a cached answer is handed out with the TTLs that remain, so a caller
 * never sees a record older than its TTL allowed. Answers with TTL 0 are not cached.
 *
 * The clock is injectable so tests move time instead of sleeping.
 */
export class DnsCache {
  readonly #entries = new Map<string, { expiresAt: number; storedAt: number; answer: DnsAnswer }>();
  readonly #now: () => number;
  readonly #maxEntries: number;
  readonly #maxTtl: number;
  hits = 0;
  misses = 0;

  constructor(options: { now?: () => number; maxEntries?: number; maxTtlSeconds?: number } = {}) {
    this.#now = options.now ?? Date.now;
    this.#maxEntries = options.maxEntries ?? 10_000;
    // RFC 2181 8: TTLs above 2^31-1 are treated as 0; we also cap at one day, as resolvers do.
    this.#maxTtl = options.maxTtlSeconds ?? 86_400;
  }

  static key(name: string, type: QueryType): string {
    return `${type} ${name.toLowerCase().replace(/\.$/, '')}`;
  }

  get size(): number {
    return this.#entries.size;
  }

  get<T extends QueryType>(name: string, type: T): DnsAnswer<T> | undefined {
    const key = DnsCache.key(name, type);
    const e = this.#entries.get(key);
    const now = this.#now();
    if (!e || e.expiresAt <= now) {
      if (e) this.#entries.delete(key);
      this.misses++;
      return undefined;
    }
    this.hits++;
    // Refresh the LRU position.
    this.#entries.delete(key);
    this.#entries.set(key, e);
    const elapsed = Math.floor((now - e.storedAt) / 1000);
    const a = e.answer as DnsAnswer<T>;
    return {
      ...a,
      cached: true,
      records: a.records.map((r) => ({ ...r, ttl: Math.max(0, r.ttl - elapsed) })) as DnsAnswer<T>['records'],
      negativeTtl: a.negativeTtl === undefined ? undefined : Math.max(0, a.negativeTtl - elapsed),
    };
  }

  put(answer: DnsAnswer): void {
    const ttl = cacheTtl(answer, this.#maxTtl);
    if (ttl <= 0) return;
    const key = DnsCache.key(answer.name, answer.type);
    const now = this.#now();
    this.#entries.delete(key);
    this.#entries.set(key, { expiresAt: now + ttl * 1000, storedAt: now, answer });
    while (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
  }

  clear(): void {
    this.#entries.clear();
  }
}

/** Seconds an answer may be cached: its smallest TTL, or the negative TTL when it has no records. */
export function cacheTtl(answer: DnsAnswer, maxTtl = 86_400): number {
  if (answer.records.length === 0) return Math.min(answer.negativeTtl ?? 0, maxTtl);
  let min = Infinity;
  for (const r of answer.records) min = Math.min(min, r.ttl > 0x7fffffff ? 0 : r.ttl);
  return Math.min(min, maxTtl);
}
