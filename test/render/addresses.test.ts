import { describe, expect, it } from 'vitest';
import { parseSignallingAddress } from '../../src/render/addresses.js';

describe('signalling addresses', () => {
  it('parses IPv4/IPv6 addresses and CIDRs', () => {
    expect(parseSignallingAddress('173.193.199.24')).toMatchObject({ family: 4, prefix: 32, isNetwork: false, cidr: '173.193.199.24/32' });
    expect(parseSignallingAddress('5.10.112.0/24')).toMatchObject({ family: 4, prefix: 24, isNetwork: true, cidr: '5.10.112.0/24' });
    expect(parseSignallingAddress('2001:db8::1')).toMatchObject({ family: 6, prefix: 128, isNetwork: false });
    expect(parseSignallingAddress('2001:db8::/32')).toMatchObject({ family: 6, prefix: 32, isNetwork: true });
    expect(parseSignallingAddress('1.2.3.4/32')).toMatchObject({ isNetwork: false });
  });
  it.each(['sip.nexmo.com', '1.2.3.4/33', '1.2.3.4/', '1.2.3.4/08', '::1/129', 'fe80::1%eth0', '1.2.3.4 ', ' 1.2.3.4', '1.2.3.4,5.6.7.8', '1.2.3.4;', '', '256.1.1.1', '1.2.3.4/-1'])('refuses %j', (v) => {
    expect(parseSignallingAddress(v)).toBeUndefined();
  });
});
