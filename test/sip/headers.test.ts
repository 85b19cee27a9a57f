import { describe, expect, it } from 'vitest';
import { canonicalHeaderName, headerKey, isListHeader, splitHeaderList, COMPACT_FORMS } from '../../src/sip/headers/header-names.js';
import { parseVia, formatVia } from '../../src/sip/headers/via.js';
import { parseCSeq } from '../../src/sip/headers/cseq.js';
import { parseNameAddr, formatNameAddr, type NameAddrDefect } from '../../src/sip/headers/name-addr.js';
import { parseAuthHeader, quote } from '../../src/sip/headers/auth.js';

describe('header names', () => {
  it('maps every compact form of the brief to its canonical name', () => {
    const expected: Record<string, string> = {
      v: 'Via', f: 'From', t: 'To', i: 'Call-ID', m: 'Contact', l: 'Content-Length', c: 'Content-Type', k: 'Supported', s: 'Subject',
      e: 'Content-Encoding', o: 'Event', r: 'Refer-To', b: 'Referred-By', x: 'Session-Expires', u: 'Allow-Events', a: 'Accept-Contact',
      j: 'Reject-Contact', d: 'Request-Disposition', y: 'Identity', n: 'Identity-Info',
    };
    expect(COMPACT_FORMS).toEqual(expected);
    for (const [short, long] of Object.entries(expected)) {
      expect(canonicalHeaderName(short)).toBe(long);
      expect(canonicalHeaderName(short.toUpperCase())).toBe(long);
      expect(headerKey(short)).toBe(long.toLowerCase());
    }
    expect(canonicalHeaderName('www-authenticate')).toBe('WWW-Authenticate');
    expect(canonicalHeaderName('X-Custom')).toBe('X-Custom');
  });

  it('knows which headers are lists', () => {
    expect(isListHeader('via')).toBe(true);
    expect(isListHeader('www-authenticate')).toBe(false);
    expect(isListHeader('x-unknown')).toBe(false);
  });

  it('splits lists outside quotes and angle brackets and reports empty elements', () => {
    let empties = 0;
    expect(splitHeaderList('"a,b" <sip:x;p=1,2>, c ,, d', () => empties++)).toEqual(['"a,b" <sip:x;p=1,2>', 'c', 'd']);
    expect(empties).toBe(1);
    expect(splitHeaderList('"a\\",b", c')).toEqual(['"a\\",b"', 'c']);
  });
});

describe('Via', () => {
  it('parses whitespace around the slashes and parameters (RFC 4475 wsinv)', () => {
    const v = parseVia('SIP  /   2.0\r\n /UDP\r\n    192.0.2.2 : 5060 ;  branch = z9hG4bK1 ; received=10.0.0.1;rport=5061;ttl=1');
    expect(v).toMatchObject({ protocol: 'SIP/2.0', transport: 'UDP', host: '192.0.2.2', port: 5060, branch: 'z9hG4bK1', received: '10.0.0.1', rport: 5061 });
    expect(v.params.ttl).toBe('1');
  });

  it('rejects a Via without sent-by or with a bad port', () => {
    for (const bad of ['SIP/2.0/UDP', 'garbage', 'SIP/2.0/UDP host:abc', 'SIP/2.0/UDP host:70000', 'SIP/2.0/UDP [::1', 'SIP/2.0/UDP host;rport=x']) {
      expect(() => parseVia(bad)).toThrowError(expect.objectContaining({ code: 'SIP_PARSE_HEADER_VALUE' }));
    }
  });

  it('formats Via values, with brackets for IPv6, and parses them back', () => {
    const text = formatVia({ transport: 'tcp', host: '::1', port: 5060, branch: 'z9hG4bKabc', rport: true });
    expect(text).toBe('SIP/2.0/TCP [::1]:5060;branch=z9hG4bKabc;rport');
    expect(parseVia(text)).toMatchObject({ transport: 'TCP', host: '::1', hostKind: 'ipv6', port: 5060, rport: true });
  });
});

describe('CSeq', () => {
  it('parses number and method and rejects overlarge or malformed values', () => {
    expect(parseCSeq(' 0009\r\n  INVITE ')).toEqual({ seq: 9, method: 'INVITE' });
    expect(parseCSeq('2147483647 BYE')).toEqual({ seq: 2147483647, method: 'BYE' });
    expect(() => parseCSeq('2147483648 BYE')).toThrowError(expect.objectContaining({ code: 'SIP_DEFECT_SCALAR_RANGE' }));
    expect(() => parseCSeq('INVITE 1')).toThrowError(expect.objectContaining({ code: 'SIP_PARSE_HEADER_VALUE' }));
    expect(() => parseCSeq('1')).toThrowError(expect.objectContaining({ code: 'SIP_PARSE_HEADER_VALUE' }));
  });
});

describe('name-addr', () => {
  it('parses quoted, token and absent display names, addr-spec params and Contact *', () => {
    expect(parseNameAddr('"A \\"B\\"" <sip:a@b>;tag=1;x')).toMatchObject({ displayName: 'A "B"', uri: 'sip:a@b', tag: '1', params: { tag: '1', x: null } });
    expect(parseNameAddr('Alice Smith <sip:a@b>')).toMatchObject({ displayName: 'Alice Smith', uri: 'sip:a@b' });
    expect(parseNameAddr('sip:a@b;tag=9')).toMatchObject({ displayName: undefined, uri: 'sip:a@b', tag: '9' });
    expect(parseNameAddr('<sip:a@b;lr>')).toMatchObject({ uri: 'sip:a@b;lr', tag: undefined });
    expect(parseNameAddr(' * ').uri).toBe('*');
  });

  it('reports lenient-parse defects', () => {
    const seen: NameAddrDefect[] = [];
    parseNameAddr('Bell, Alexander <sip:a@b>', (d) => seen.push(d));
    parseNameAddr('< sip:a@b >', (d) => seen.push(d));
    parseNameAddr('sip:a@b?Route=x', (d) => seen.push(d));
    parseNameAddr('<sip:a@b>;;;', (d) => seen.push(d));
    expect(seen.map((d) => d.code)).toEqual(['SIP_DEFECT_DISPLAY_NAME', 'SIP_DEFECT_ADDR_SPEC_SPACE', 'SIP_DEFECT_URI_HEADERS', 'SIP_DEFECT_EMPTY_LIST_ELEMENT']);
  });

  it('rejects broken values with SIP_NAME_ADDR_INVALID', () => {
    for (const bad of ['', '"unterminated <sip:a@b>', '<sip:a@b', 'no-uri-here', '"a" junk <sip:a@b>', '<sip:a@b> trailing']) {
      expect(() => parseNameAddr(bad)).toThrowError(expect.objectContaining({ code: 'SIP_NAME_ADDR_INVALID' }));
    }
  });

  it('stores a __proto__ parameter as a plain own property', () => {
    const a = parseNameAddr('<sip:a@b>;__proto__=x;tag=1');
    expect(Object.getPrototypeOf(a.params)).toBe(Object.prototype);
    expect(Object.hasOwn(a.params, '__proto__')).toBe(true);
    expect(a.tag).toBe('1');
  });

  it('formats name-addrs', () => {
    expect(formatNameAddr({ displayName: 'A "B"', uri: 'sip:a@b', tag: 't' })).toBe('"A \\"B\\"" <sip:a@b>;tag=t');
    expect(formatNameAddr({ uri: 'sip:a@b' })).toBe('<sip:a@b>');
  });
});

describe('auth headers', () => {
  it('parses Authorization credentials with quoted and token values', () => {
    const [a] = parseAuthHeader('Digest username="bob", realm="biloxi.com", nonce="dcd9", uri="sip:bob@biloxi.com", qop=auth, nc=00000001, cnonce="0a4f113b", response="6629"', 'Authorization');
    expect(a!.scheme).toBe('Digest');
    expect(a!.params).toMatchObject({ username: 'bob', qop: 'auth', nc: '00000001', uri: 'sip:bob@biloxi.com' });
    expect(a!.quoted).toContain('username');
    expect(a!.quoted).not.toContain('nc');
  });

  it('unescapes quoted-pairs in quoted values, and quote() escapes them back (RFC 3261 25.1)', () => {
    const [a] = parseAuthHeader('Digest realm="a\\"b", nonce="x\\\\y", opaque="plain", domain="q\\z"');
    expect(a!.params).toMatchObject({ realm: 'a"b', nonce: 'x\\y', opaque: 'plain', domain: 'qz' });
    expect(quote('a"b')).toBe('"a\\"b"');
    expect(quote('x\\y')).toBe('"x\\\\y"');
    expect(quote('plain')).toBe('"plain"');
    expect(parseAuthHeader(`Digest realm=${quote('a"b\\c')}, nonce="n"`)[0]!.params.realm).toBe('a"b\\c');
  });

  it('rejects malformed values with SIP_AUTH_CHALLENGE_INVALID', () => {
    for (const bad of ['', 'Digest realm="x" nonce="y"', '=x', 'Digest realm=']) {
      expect(() => parseAuthHeader(bad)).toThrowError(expect.objectContaining({ code: 'SIP_AUTH_CHALLENGE_INVALID' }));
    }
  });
});
