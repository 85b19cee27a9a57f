import { describe, it, expect } from 'vitest';
import { parseRequestTarget, requestUri } from '../../../src/sip/user-agent/target.js';

describe('SIP request targets as typed by users', () => {
  it.each([
    ['sip:127.0.0.1:5070;transport=tcp', undefined, { host: '127.0.0.1', port: 5070, transport: 'tcp', address: '127.0.0.1' }],
    ['sips:sip.example.com', undefined, { host: 'sip.example.com', port: 5061, transport: 'tls' }],
    ['sip:sip.nexmo.com', 'tls', { host: 'sip.nexmo.com', port: 5061, transport: 'tls' }],
    ['sip.nexmo.com', undefined, { host: 'sip.nexmo.com', port: 5060, transport: 'udp' }],
    ['192.0.2.7:5080', 'tcp', { host: '192.0.2.7', port: 5080, transport: 'tcp', address: '192.0.2.7' }],
    ['[2001:db8::1]:5061', 'tls', { host: '2001:db8::1', port: 5061, transport: 'tls', address: '2001:db8::1' }],
    ['2001:db8::1', undefined, { host: '2001:db8::1', port: 5060, transport: 'udp' }],
  ] as const)('%s (--transport %s)', (text, transport, expected) => {
    expect(parseRequestTarget(text, transport)).toMatchObject(expected);
  });

  it.each([
    ['', 'empty'],
    ['sip:', 'SIPUA_BAD_TARGET'],
    ['host:0', 'outside 1-65535'],
    ['host:70000', 'outside 1-65535'],
    ['bad host!', 'not a host name'],
    ['[zz::1]:5060', 'not an IPv6 address'],
  ])('refuses %j with SIPUA_BAD_TARGET', (text, why) => {
    expect(() => parseRequestTarget(text)).toThrow(expect.objectContaining({ code: 'SIPUA_BAD_TARGET' }));
    try {
      parseRequestTarget(text);
    } catch (e) {
      expect(`${(e as Error).message} ${(e as { code: string }).code}`).toContain(why);
    }
  });

  it('refuses a --transport that contradicts the URI', () => {
    expect(() => parseRequestTarget('sip:a.example.com;transport=tcp', 'udp')).toThrow(/contradicts/);
    expect(() => parseRequestTarget('sips:a.example.com', 'udp')).toThrow(/contradicts the URI's tls/);
  });

  it('builds Request-URIs with the user and the transport parameter', () => {
    expect(requestUri({ host: 'sip.nexmo.com', port: 5060, transport: 'udp' }, '+14155550100')).toBe('sip:+14155550100@sip.nexmo.com:5060');
    expect(requestUri({ host: '::1', port: 5061, transport: 'tls' })).toBe('sip:[::1]:5061;transport=tls');
  });
});
