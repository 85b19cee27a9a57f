import { describe, expect, it } from 'vitest';
import { parseProbeTarget } from '../../src/probe/parse-target.js';
import { SiptrunkError } from '../../src/util/siptrunk-error.js';

describe('probe target parsing', () => {
  it.each([
    ['sip:sip.nexmo.com', { host: 'sip.nexmo.com', port: 5060, transport: 'udp' }],
    ['sip:1234@sip.nexmo.com:5080;transport=tcp', { host: 'sip.nexmo.com', port: 5080, transport: 'tcp' }],
    ['sips:sip-eu1.nexmo.com', { host: 'sip-eu1.nexmo.com', port: 5061, transport: 'tls' }],
    ['127.0.0.1:5070', { host: '127.0.0.1', port: 5070, transport: 'udp' }],
    ['[2001:db8::1]:5061', { host: '2001:db8::1', port: 5061, transport: 'udp' }],
    ['sip:[::1];transport=TLS', { host: '::1', port: 5061, transport: 'tls' }],
  ])('reads %s', (text, expected) => {
    expect(parseProbeTarget(text)).toMatchObject(expected);
  });

  it('lets --transport override the default, and refuses TLS-less sips', () => {
    expect(parseProbeTarget('sip:h', 'tcp')).toMatchObject({ port: 5060, transport: 'tcp' });
    expect(() => parseProbeTarget('sips:h', 'udp')).toThrow(SiptrunkError);
  });

  it.each(['http://x', 'sip:', 'sip:h:0', 'sip:h:70000', 'sip:h;transport=sctp', '2001:db8::1', 'sip:[::1', 'a b'])('refuses %s with PROBE_TARGET_INVALID', (text) => {
    try {
      parseProbeTarget(text);
      expect.unreachable();
    } catch (e) {
      expect((e as SiptrunkError).code).toBe('PROBE_TARGET_INVALID');
      expect((e as SiptrunkError).expected).toContain('SIP URI');
    }
  });
});
