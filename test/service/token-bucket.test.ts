import { describe, expect, it } from 'vitest';
import { TokenBuckets } from '../../src/service/token-bucket.js';

describe('failed-authentication token buckets', () => {
  it('allows a burst of failures, then refuses until tokens refill', () => {
    const b = new TokenBuckets({ burst: 3, refillPerSecond: 0.5 });
    const t0 = 1_000_000;
    for (let i = 0; i < 3; i++) {
      expect(b.allowed('a', t0)).toBe(true);
      b.take('a', t0);
    }
    expect(b.allowed('a', t0)).toBe(false);
    expect(b.retryAfterSeconds('a', t0)).toBe(2);
    expect(b.allowed('b', t0)).toBe(true);
    expect(b.allowed('a', t0 + 2000)).toBe(true);
  });
  it('drops buckets that refilled, and caps how many clients it tracks', () => {
    const b = new TokenBuckets({ burst: 2, refillPerSecond: 1, maxClients: 100 });
    for (let i = 0; i < 500; i++) b.take(`10.0.${i >> 8}.${i & 255}`, 0);
    expect(b.size).toBe(100);
    b.prune(10_000);
    expect(b.size).toBe(0);
  });
});
