import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalIPv6, parseSignallingAddress } from '../../src/render/addresses.js';

describe('signalling addresses', () => {
  it('parses IPv4/IPv6 addresses and CIDRs', () => {
    expect(parseSignallingAddress('173.193.199.24')).toMatchObject({ family: 4, prefix: 32, isNetwork: false, cidr: '173.193.199.24/32' });
    expect(parseSignallingAddress('5.10.112.0/24')).toMatchObject({ family: 4, prefix: 24, isNetwork: true, cidr: '5.10.112.0/24' });
    expect(parseSignallingAddress('2001:db8::1')).toMatchObject({ family: 6, prefix: 128, isNetwork: false });
    expect(parseSignallingAddress('2001:db8::/32')).toMatchObject({ family: 6, prefix: 32, isNetwork: true });
    expect(parseSignallingAddress('1.2.3.4/32')).toMatchObject({ isNetwork: false });
  });
  it('writes IPv6 addresses in RFC 5952 form', () => {
    const cases: [string, string][] = [
      ['::0:0.0.0.0', '::'],
      ['2001:DB8:0:0:0:0:0:1', '2001:db8::1'],
      ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
      ['2001:0db8::0001', '2001:db8::1'],
      ['::ffff:1.2.3.4', '::ffff:102:304'],
      ['1:0:0:2:0:0:0:3', '1:0:0:2::3'],
      ['1:2:3:4:5:6:7:0', '1:2:3:4:5:6:7:0'],
      ['0:0:1::', '0:0:1::'],
      ['::1', '::1'],
      ['fe80::', 'fe80::'],
    ];
    for (const [input, want] of cases) {
      expect(canonicalIPv6(input), input).toBe(want);
      expect(parseSignallingAddress(`${input}/64`)?.cidr).toBe(`${want}/64`);
    }
  });

  it('agrees with the WHATWG URL serializer on any IPv6 address (the same compression rules)', () => {
    fc.assert(
      fc.property(fc.ipV6(), (a) => {
        expect(canonicalIPv6(a)).toBe(new URL(`http://[${a}]/`).hostname.slice(1, -1));
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it.each(['sip.nexmo.com', '1.2.3.4/33', '1.2.3.4/', '1.2.3.4/08', '::1/129', 'fe80::1%eth0', '1.2.3.4 ', ' 1.2.3.4', '1.2.3.4,5.6.7.8', '1.2.3.4;', '', '256.1.1.1', '1.2.3.4/-1'])('refuses %j', (v) => {
    expect(parseSignallingAddress(v)).toBeUndefined();
  });
});
