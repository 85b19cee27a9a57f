import { describe, expect, it } from 'vitest';
import type { SrvRecord } from '../../src/resolve/dns-records.js';
import { seededRandom } from '../../src/resolve/seeded-random.js';
import { firstPickProbabilities, orderSrv } from '../../src/resolve/srv-select.js';

const srv = (target: string, priority: number, weight: number): SrvRecord => ({ name: '_sip._udp.example.test', ttl: 60, priority, weight, port: 5060, target });

/** Pearson's chi-square statistic of observed counts against expected probabilities. */
function chiSquare(observed: number[], probs: number[], n: number): number {
  return observed.reduce((s, o, i) => {
    const e = (probs[i] ?? 0) * n;
    return s + (o - e) ** 2 / e;
  }, 0);
}

describe('RFC 2782 SRV ordering', () => {
  it('puts every lower priority before any higher one, and keeps every record exactly once', () => {
    const records = [srv('c', 20, 5), srv('a', 10, 1), srv('d', 30, 0), srv('b', 10, 100)];
    const rnd = seededRandom(7);
    for (let i = 0; i < 200; i++) {
      const out = orderSrv(records, rnd);
      expect(out.map((r) => r.priority)).toEqual([10, 10, 20, 30]);
      expect(new Set(out.map((r) => r.target))).toEqual(new Set(['a', 'b', 'c', 'd']));
    }
  });

  it('picks each target first in proportion to its weight (chi-square, fixed seed)', () => {
    const group = [srv('a', 10, 60), srv('b', 10, 30), srv('c', 10, 10)];
    const records = [...group, srv('backup', 20, 100)];
    const probs = firstPickProbabilities(group);
    // The RFC's arithmetic: a gets 0..60 (61 values), b 30, c 10, of 101.
    expect(probs.map((p) => p * 101)).toEqual([61, 30, 10].map((x) => expect.closeTo(x, 9)));
    const n = 20_000;
    const counts = [0, 0, 0];
    const rnd = seededRandom(20260101);
    for (let i = 0; i < n; i++) {
      const first = orderSrv(records, rnd)[0];
      counts[group.findIndex((g) => g.target === first?.target)]!++;
    }
    // df = 2; 13.82 is the 0.1% critical value, so a correct selector fails with p < 0.001 (and,
    // the seed being fixed, never flakes). A selector ignoring weights gives chi-square in the thousands.
    expect(chiSquare(counts, probs, n)).toBeLessThan(13.82);
    // And the shares are close to the weights themselves.
    expect(counts[0]! / n).toBeCloseTo(0.6, 1);
    expect(counts[1]! / n).toBeCloseTo(0.3, 1);
    expect(counts[2]! / n).toBeCloseTo(0.1, 1);
  });

  it('rejects a selector that ignores weights: uniform counts fail the same bound', () => {
    const group = [srv('a', 10, 60), srv('b', 10, 30), srv('c', 10, 10)];
    const n = 20_000;
    expect(chiSquare([n / 3, n / 3, n / 3], firstPickProbabilities(group), n)).toBeGreaterThan(13.82);
  });

  it('gives a weight-0 record a small chance only (the random value 0), and orders zero-only groups as given', () => {
    const rnd = seededRandom(3);
    let zeroFirst = 0;
    const n = 11_000;
    for (let i = 0; i < n; i++) if (orderSrv([srv('heavy', 1, 10), srv('zero', 1, 0)], rnd)[0]?.target === 'zero') zeroFirst++;
    // Expected 1/11 = 1000 of 11000; binomial sd about 30, so 5 sd is 150.
    expect(Math.abs(zeroFirst - 1000)).toBeLessThan(150);
    expect(orderSrv([srv('x', 1, 0), srv('y', 1, 0)], rnd).map((r) => r.target)).toEqual(['x', 'y']);
  });

  it('spreads the second position by weight as well once the first is taken', () => {
    const rnd = seededRandom(99);
    const group = [srv('a', 10, 50), srv('b', 10, 50), srv('c', 10, 0)];
    let cLast = 0;
    const n = 5000;
    for (let i = 0; i < n; i++) if (orderSrv(group, rnd)[2]?.target === 'c') cLast++;
    // c (weight 0) is last unless it takes the value 0 in one of two rounds: P(last) is about 0.97.
    expect(cLast / n).toBeGreaterThan(0.93);
  });
});
