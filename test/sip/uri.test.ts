import { describe, expect, it } from 'vitest';
import { formatUri, parseUri, escapeUser, hostKindOf } from '../../src/sip/uri.js';
import { SipParseError } from '../../src/sip/parse-error.js';

describe('parseUri', () => {
  it('reads every part of a sip URI, lower-casing parameter names', () => {
    const u = parseUri('sip:alice:secret@Example.COM:5070;Transport=TCP;lr;maddr=10.0.0.1?Subject=hi%20there&Priority=urgent');
    expect(u).toMatchObject({ scheme: 'sip', user: 'alice', password: 'secret', host: 'Example.COM', hostKind: 'domain', port: 5070 });
    expect({ ...u.params }).toEqual({ transport: 'TCP', lr: null, maddr: '10.0.0.1' });
    expect({ ...u.headers }).toEqual({ Subject: 'hi there', Priority: 'urgent' });
  });

  it('reads IPv4, IPv6 references and sips', () => {
    expect(parseUri('sip:127.0.0.1')).toMatchObject({ host: '127.0.0.1', hostKind: 'ipv4', user: undefined, port: undefined });
    expect(parseUri('SIPS:bob@[2001:db8::10]:5061')).toMatchObject({ scheme: 'sips', host: '2001:db8::10', hostKind: 'ipv6', port: 5061 });
  });

  it('keeps escapes in the user part unless decodeUser is set', () => {
    expect(parseUri('sip:%61lice%40x@h').user).toBe('%61lice%40x');
    expect(parseUri('sip:%61lice%40x@h', { decodeUser: true }).user).toBe('alice@x');
  });

  it('reads tel URIs and keeps other schemes opaque', () => {
    const t = parseUri('tel:+1-201-555-0123;phone-context=example.com');
    expect(t).toMatchObject({ scheme: 'tel', user: '+1-201-555-0123', host: '', hostKind: undefined });
    expect(t.params['phone-context']).toBe('example.com');
    expect(parseUri('urn:service:sos')).toMatchObject({ scheme: 'urn', opaque: 'service:sos' });
  });

  it.each([
    'sip:', 'nocolon', 'sip:@host', 'sip:a b@host', 'sip:host:99999', 'sip:host:', 'sip:[::1', 'sip:[zz::1]', 'sip:user@',
    'sip:999.1.1.1', 'sip:a@host;=x', 'sip:a@host;;lr', 'sip:a@host?noequals', 'sip:a%zz@host', 'sip:<a@b>', 'tel:xyz', 'sip:a@ho!st',
  ])('rejects %j with SIP_URI_INVALID', (text) => {
    let caught: unknown;
    try {
      parseUri(text);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(SipParseError);
    expect((caught as SipParseError).code).toBe('SIP_URI_INVALID');
  });
});

describe('formatUri', () => {
  it.each([
    'sip:alice@example.com',
    'sips:bob:pw@[2001:db8::1]:5061;transport=tls',
    'sip:+14155550100@sip.nexmo.com;user=phone',
    'sip:127.0.0.1:5070;lr?subject=x',
    'tel:+14155550100;ext=12',
    'urn:service:sos',
  ])('round-trips %s', (text) => {
    expect(formatUri(parseUri(text))).toBe(text);
  });

  it('escapes parameter values that need it and escapeUser escapes user parts', () => {
    const u = parseUri('sip:a@b;x=1');
    u.params.x = 'a b';
    expect(formatUri(u)).toBe('sip:a@b;x=a%20b');
    expect(escapeUser('a b@c')).toBe('a%20b%40c');
  });
});

describe('hostKindOf', () => {
  it('classifies hosts', () => {
    expect(hostKindOf('sip.nexmo.com')).toBe('domain');
    expect(hostKindOf('10.1.2.3')).toBe('ipv4');
    expect(hostKindOf('::1', true)).toBe('ipv6');
    expect(hostKindOf('::1')).toBeUndefined();
    expect(hostKindOf('')).toBeUndefined();
  });
});
