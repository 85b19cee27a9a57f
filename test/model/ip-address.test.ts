import net from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inPrefix, ipFamily, isIPv4, isIPv6, parseIPv6 } from '../../src/model/rules/ip-address.js';

describe('ip-address agrees with node:net', () => {
  it('on generated addresses and arbitrary strings (zone ids aside)', () => {
    const candidates = fc.oneof(
      fc.ipV4(), fc.ipV6(), fc.ipV4Extended(),
      fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF:.'.split('')), maxLength: 45 }),
      fc.string(),
    );
    fc.assert(
      fc.property(candidates, (s) => {
        expect(isIPv4(s)).toBe(net.isIPv4(s));
        expect(isIPv6(s)).toBe(net.isIPv6(s) && !s.includes('%'));
        expect(ipFamily(s)).toBe(s.includes('%') ? 0 : net.isIP(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('prefix matching agrees with net.BlockList', () => {
    fc.assert(
      fc.property(fc.ipV4(), fc.ipV4(), fc.integer({ min: 0, max: 32 }), (a, n, p) => {
        const list = new net.BlockList();
        list.addSubnet(n, p, 'ipv4');
        expect(inPrefix(a, n, p)).toBe(list.check(a, 'ipv4'));
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.ipV6(), fc.ipV6(), fc.integer({ min: 0, max: 128 }), (a, n, p) => {
        const list = new net.BlockList();
        list.addSubnet(n, p, 'ipv6');
        expect(inPrefix(a, n, p)).toBe(list.check(a, 'ipv6'));
      }),
      { numRuns: 1000 },
    );
  });

  it('expands :: and IPv4 tails', () => {
    expect(parseIPv6('::1')).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(parseIPv6('2001:db8::192.0.2.1')).toEqual([0x2001, 0xdb8, 0, 0, 0, 0, 0xc000, 0x0201]);
    expect(parseIPv6('1:2:3:4:5:6:7::')).toEqual([1, 2, 3, 4, 5, 6, 7, 0]);
    expect(parseIPv6('1:2:3:4:5:6:7:8::')).toBeUndefined();
  });
});
