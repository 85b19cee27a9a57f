import { describe, expect, it } from 'vitest';
import { SipMessage } from '../../src/sip/message.js';
import { parseMessage } from '../../src/sip/parser.js';
import { SipParseError } from '../../src/sip/parse-error.js';

const crlf = (lines: string[]): Buffer => Buffer.from(lines.join('\r\n'));

const OPTIONS_200 = crlf([
  'SIP/2.0 200 OK',
  'v: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bKa1;rport=5070;received=127.0.0.2',
  'Via: SIP/2.0/TCP [2001:db8::1]:5061;branch=z9hG4bKb2, SIP/2.0/TLS proxy.example.com;branch=z9hG4bKc3',
  'f: "Alice, A." <sip:alice@example.com>;tag=a1',
  't: <sip:bob@example.com>;tag=b2',
  'i: call-1@127.0.0.1',
  'CSeq: 7 OPTIONS',
  'Allow: INVITE, ACK, CANCEL,OPTIONS',
  'Allow: BYE',
  'k: replaces, timer',
  'WWW-Authenticate: Digest realm="a,b", nonce="x,y", qop="auth,auth-int"',
  'm: "Bob, the <second>" <sip:bob@10.0.0.1;transport=tcp>;expires=60, <sip:bob@10.0.0.2>',
  'Server: Kamailio (5.6.3 (x86_64/linux))',
  'l: 0',
  '',
  '',
]);

describe('SipMessage headers', () => {
  const m = parseMessage(OPTIONS_200);

  it('maps compact forms to canonical names and matches names case-insensitively', () => {
    expect(m.headerNames()).toEqual(['Via', 'From', 'To', 'Call-ID', 'CSeq', 'Allow', 'Supported', 'WWW-Authenticate', 'Contact', 'Server', 'Content-Length']);
    expect(m.get('call-id')).toBe('call-1@127.0.0.1');
    expect(m.get('I')).toBe('call-1@127.0.0.1');
    expect(m.get('CALL-ID')).toBe('call-1@127.0.0.1');
    expect(m.has('supported')).toBe(true);
    expect(m.has('Require')).toBe(false);
    expect(m.get('Require')).toBeUndefined();
  });

  it('splits list headers on commas outside quotes and <>, across rows', () => {
    expect(m.getAll('Allow')).toEqual(['INVITE', 'ACK', 'CANCEL', 'OPTIONS', 'BYE']);
    expect(m.getAll('Supported')).toEqual(['replaces', 'timer']);
    expect(m.getAll('Via')).toHaveLength(3);
    expect(m.getAll('Contact')).toEqual(['"Bob, the <second>" <sip:bob@10.0.0.1;transport=tcp>;expires=60', '<sip:bob@10.0.0.2>']);
    expect(m.get('Allow')).toBe('INVITE');
  });

  it('never splits WWW-Authenticate, From or unknown headers on commas', () => {
    expect(m.getAll('WWW-Authenticate')).toEqual(['Digest realm="a,b", nonce="x,y", qop="auth,auth-int"']);
    expect(m.from().displayName).toBe('Alice, A.');
    expect(m.get('Server')).toBe('Kamailio (5.6.3 (x86_64/linux))');
  });

  it('gives typed views of Via, From, To, CSeq, Call-ID, Contact and Content-Length', () => {
    expect(m.topVia()).toMatchObject({ protocol: 'SIP/2.0', transport: 'UDP', host: '127.0.0.1', hostKind: 'ipv4', port: 5070, branch: 'z9hG4bKa1', rport: 5070, received: '127.0.0.2' });
    expect(m.via()[1]).toMatchObject({ transport: 'TCP', host: '2001:db8::1', hostKind: 'ipv6', port: 5061 });
    expect(m.via()[2]).toMatchObject({ transport: 'TLS', host: 'proxy.example.com', hostKind: 'domain', port: undefined });
    expect(m.from()).toMatchObject({ displayName: 'Alice, A.', uri: 'sip:alice@example.com', tag: 'a1' });
    expect(m.to()).toMatchObject({ displayName: undefined, uri: 'sip:bob@example.com', tag: 'b2' });
    expect(m.cseq()).toEqual({ seq: 7, method: 'OPTIONS' });
    expect(m.callId()).toBe('call-1@127.0.0.1');
    expect(m.contacts().map((c) => [c.displayName, c.uri, c.params.expires])).toEqual([
      ['Bob, the <second>', 'sip:bob@10.0.0.1;transport=tcp', '60'],
      [undefined, 'sip:bob@10.0.0.2', undefined],
    ]);
    expect(m.contentLength()).toBe(0);
    expect(m.status).toBe(200);
    expect(m.reason).toBe('OK');
    expect(m.isRequest).toBe(false);
  });

  it('reports a bare rport as true', () => {
    const r = parseMessage(crlf(['OPTIONS sip:a@b SIP/2.0', 'Via: SIP/2.0/UDP 10.0.0.1:5060;rport;branch=z9hG4bKx', 'Content-Length: 0', '', '']));
    expect(r.topVia().rport).toBe(true);
  });

  it('throws SIP_PARSE_MISSING_HEADER naming the header when a typed view has nothing to read', () => {
    const r = SipMessage.request('OPTIONS', 'sip:a@b', []);
    for (const f of [() => r.topVia(), () => r.callId(), () => r.cseq(), () => r.from(), () => r.to()]) {
      expect(f).toThrowError(expect.objectContaining({ code: 'SIP_PARSE_MISSING_HEADER' }));
    }
  });

  it('keeps a malformed header unread until asked: parsing succeeds, the typed view throws with its line', () => {
    const r = parseMessage(crlf(['OPTIONS sip:a@b SIP/2.0', 'CSeq: 1 OPTIONS', 'Via: garbage', 'Content-Length: 0', '', '']));
    let caught: unknown;
    try {
      r.via();
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(SipParseError);
    expect((caught as SipParseError).location).toMatchObject({ header: 'Via', line: 3 });
    expect(r.defects.map((d) => [d.code, d.line])).toEqual([['SIP_PARSE_HEADER_VALUE', 3]]);
  });
});

describe('SipMessage construction and editing', () => {
  it('builds requests and responses and edits headers in order', () => {
    const r = SipMessage.request('INVITE', 'sip:+14155550100@sip.nexmo.com', [
      ['Via', 'SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK1'],
      ['From', '<sip:+442071234567@example.com>;tag=1'],
      ['To', '<sip:+14155550100@sip.nexmo.com>'],
      ['Call-ID', 'c1'],
      ['CSeq', '1 INVITE'],
    ], 'v=0\r\n');
    expect(r.isRequest).toBe(true);
    expect(r.body.toString()).toBe('v=0\r\n');
    r.append('Route', '<sip:p1;lr>');
    r.append('route', '<sip:p2;lr>');
    expect(r.getAll('Route')).toEqual(['<sip:p1;lr>', '<sip:p2;lr>']);
    r.set('Route', '<sip:p3;lr>');
    expect(r.getAll('Route')).toEqual(['<sip:p3;lr>']);
    r.prepend('Via', 'SIP/2.0/TCP proxy;branch=z9hG4bK0');
    expect(r.topVia().host).toBe('proxy');
    r.set('CSeq', '2 INVITE');
    expect(r.cseq().seq).toBe(2);
    expect(r.remove('route')).toBe(true);
    expect(r.remove('Route')).toBe(false);
    expect(r.headerNames()).toEqual(['Via', 'From', 'To', 'Call-ID', 'CSeq']);
    expect(r.rawHeaders()[0]).toEqual(['Via', 'SIP/2.0/TCP proxy;branch=z9hG4bK0']);
    const resp = SipMessage.response(486, 'Busy Here', [['t', '<sip:a@b>;tag=9']]);
    expect(resp.to().tag).toBe('9');
    expect(resp.headerNames()).toEqual(['To']);
  });

  it('gives the same rows by index as rawHeaders(): canonical names, unfolded values, in order', () => {
    const m = parseMessage(Buffer.from('SIP/2.0 200 OK\r\nv: SIP/2.0/UDP a;branch=z9hG4bK1\r\nSubject: one\r\n  two\r\nAllow: INVITE, ACK\r\nl: 0\r\n\r\n'));
    const rows = Array.from({ length: m.rowCount }, (_, i) => [m.rowName(i), m.rowValue(i)]);
    expect(rows).toEqual(m.rawHeaders());
    expect(rows).toEqual([
      ['Via', 'SIP/2.0/UDP a;branch=z9hG4bK1'],
      ['Subject', 'one two'],
      ['Allow', 'INVITE, ACK'],
      ['Content-Length', '0'],
    ]);
  });

  it('refuses values with CR or LF (header injection) with a typed error', () => {
    const r = SipMessage.request('OPTIONS', 'sip:a@b', []);
    expect(() => r.set('Subject', 'x\r\nVia: evil')).toThrowError(expect.objectContaining({ code: 'SIP_PARSE_HEADER_VALUE' }));
  });
});

describe('firstRow', () => {
  it('gives the first row as written, unsplit, or undefined', () => {
    const msg = parseMessage(Buffer.from('SIP/2.0 200 OK\r\nv: SIP/2.0/UDP a;branch=z9hG4bK1, SIP/2.0/UDP b;branch=z9hG4bK2\r\nVia:  SIP/2.0/UDP c;branch=z9hG4bK3 \r\nCall-ID: x\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n'));
    expect(msg.firstRow('Via')).toBe('SIP/2.0/UDP a;branch=z9hG4bK1, SIP/2.0/UDP b;branch=z9hG4bK2');
    expect(msg.get('Via')).toBe('SIP/2.0/UDP a;branch=z9hG4bK1');
    expect(msg.firstRow('Route')).toBeUndefined();
  });
});
