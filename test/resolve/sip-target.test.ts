import { describe, expect, it } from 'vitest';
import { parseSipTarget } from '../../src/resolve/sip-target.js';

describe('parseSipTarget', () => {
  it.each([
    ['sip.nexmo.com', { scheme: 'sip', host: 'sip.nexmo.com', hostKind: 'domain', port: undefined, transport: undefined }],
    ['SIP.Nexmo.com.', { host: 'sip.nexmo.com' }],
    ['sip.nexmo.com:5080', { host: 'sip.nexmo.com', port: 5080 }],
    ['127.0.20.2', { hostKind: 'ipv4', port: undefined }],
    ['[::1]:5062', { host: '::1', hostKind: 'ipv6', port: 5062 }],
    ['::1', { host: '::1', hostKind: 'ipv6' }],
    ['sip:1234@pbx.example.com;transport=TCP', { user: '1234', host: 'pbx.example.com', transport: 'tcp' }],
    ['sips:pbx.example.com:5062', { scheme: 'sips', port: 5062, transport: undefined }],
    ['sips:pbx.example.com;transport=tcp', { scheme: 'sips', transport: 'tls' }],
    ['sip:1234@pbx.example.com;timeout=3000?X-Foo=1', { params: { timeout: '3000' } }],
  ])('parses %s', (input, expected) => {
    expect(parseSipTarget(input)).toMatchObject(expected);
  });

  it.each([
    ['', 'RESOLVE_TARGET_INVALID'],
    ['tel:+14155550100', 'RESOLVE_TARGET_INVALID'],
    ['sip:pbx..example.com', 'RESOLVE_TARGET_INVALID'],
    ['pbx.example.com:70000', 'RESOLVE_TARGET_INVALID'],
    ['[::1', 'RESOLVE_TARGET_INVALID'],
    ['sip:pbx.example.com;transport=sctp', 'RESOLVE_TRANSPORT_UNSUPPORTED'],
    ['sips:pbx.example.com;transport=udp', 'RESOLVE_TRANSPORT_UNSUPPORTED'],
  ])('rejects "%s" with %s', (input, code) => {
    expect(() => parseSipTarget(input)).toThrow(expect.objectContaining({ code }));
  });
});
