import { describe, expect, it } from 'vitest';
import { DnsCache, cacheTtl } from '../../src/resolve/dns-cache.js';
import type { DnsAnswer } from '../../src/resolve/dns-records.js';

function answer(name: string, ttls: number[], negativeTtl?: number): DnsAnswer<'A'> {
  return {
    name, type: 'A', rcode: ttls.length ? 'NOERROR' : 'NXDOMAIN', server: '127.0.20.1:53', tcp: false, cached: false, negativeTtl,
    records: ttls.map((ttl, i) => ({ name, ttl, family: 4 as const, address: `127.0.20.${i + 2}` })),
  };
}

describe('DnsCache', () => {
  it('keeps an answer for its smallest TTL and hands out the remaining TTLs', () => {
    let now = 0;
    const c = new DnsCache({ now: () => now });
    c.put(answer('a.test', [60, 30]));
    now = 10_000;
    const hit = c.get('A.TEST.', 'A');
    expect(hit?.cached).toBe(true);
    expect(hit?.records.map((r) => r.ttl)).toEqual([50, 20]);
    now = 30_000;
    expect(c.get('a.test', 'A')).toBeUndefined();
    expect(c.hits).toBe(1);
    expect(c.misses).toBe(1);
  });

  it('does not cache TTL 0, and caches a negative answer for its SOA minimum only', () => {
    let now = 0;
    const c = new DnsCache({ now: () => now });
    c.put(answer('zero.test', [0]));
    expect(c.get('zero.test', 'A')).toBeUndefined();
    c.put(answer('none.test', []));
    expect(c.get('none.test', 'A')).toBeUndefined();
    c.put(answer('neg.test', [], 5));
    expect(c.get('neg.test', 'A')?.records).toEqual([]);
    now = 5_000;
    expect(c.get('neg.test', 'A')).toBeUndefined();
  });

  it('keys on type as well as name', () => {
    const c = new DnsCache({ now: () => 0 });
    c.put(answer('a.test', [60]));
    expect(c.get('a.test', 'AAAA')).toBeUndefined();
  });

  it('evicts the least recently used entry beyond maxEntries', () => {
    const c = new DnsCache({ now: () => 0, maxEntries: 2 });
    c.put(answer('1.test', [60]));
    c.put(answer('2.test', [60]));
    c.get('1.test', 'A');
    c.put(answer('3.test', [60]));
    expect(c.get('2.test', 'A')).toBeUndefined();
    expect(c.get('1.test', 'A')).toBeDefined();
    expect(c.size).toBe(2);
  });

  it('caps TTLs at one day and treats TTLs above 2^31-1 as 0 (RFC 2181 8)', () => {
    expect(cacheTtl(answer('a.test', [10 ** 6]))).toBe(86_400);
    expect(cacheTtl(answer('a.test', [2 ** 31]))).toBe(0);
  });
});
