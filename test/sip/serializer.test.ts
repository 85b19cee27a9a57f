import { describe, expect, it } from 'vitest';
import { SipMessage } from '../../src/sip/message.js';
import { parseMessage } from '../../src/sip/parser.js';
import { serialize } from '../../src/sip/serializer.js';

describe('serialize', () => {
  it('writes CRLF wire format with the start line, headers in order and Content-Length from the body', () => {
    const m = SipMessage.request('OPTIONS', 'sip:127.0.0.1:5070', [
      ['v', 'SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK1;rport'],
      ['Max-Forwards', '70'],
      ['f', '<sip:a@127.0.0.1>;tag=1'],
      ['To', '<sip:127.0.0.1:5070>'],
      ['Call-ID', 'c'],
      ['CSeq', '1 OPTIONS'],
    ]);
    expect(serialize(m).toString()).toBe(
      'OPTIONS sip:127.0.0.1:5070 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK1;rport\r\nMax-Forwards: 70\r\n' +
        'From: <sip:a@127.0.0.1>;tag=1\r\nTo: <sip:127.0.0.1:5070>\r\nCall-ID: c\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n',
    );
  });

  it('replaces a wrong Content-Length in place with the body byte length, once', () => {
    const body = Buffer.from('héllo');
    const m = SipMessage.response(200, 'OK', [['Content-Length', '999'], ['Content-Type', 'text/plain'], ['l', '3']], body);
    const wire = serialize(m);
    expect(wire.toString()).toBe('SIP/2.0 200 OK\r\nContent-Length: 6\r\nContent-Type: text/plain\r\n\r\nhéllo');
    expect(parseMessage(wire, { datagram: false }).body.equals(body)).toBe(true);
  });

  it('writes folded headers unfolded, and round-trips a parsed message', () => {
    const src = Buffer.from('INVITE sip:b@c SIP/2.0\r\nSubject: a\r\n  b\r\nl: 2\r\n\r\nhi');
    const m = parseMessage(src);
    const wire = serialize(m).toString();
    expect(wire).toBe('INVITE sip:b@c SIP/2.0\r\nSubject: a b\r\nContent-Length: 2\r\n\r\nhi');
    expect(parseMessage(Buffer.from(wire)).rawHeaders()).toEqual(m.rawHeaders());
  });
});

describe('serialize start-line safety', () => {
  it('refuses start-line values that would break the line, from constructors and after mutation', () => {
    expect(() => SipMessage.request('INV ITE', 'sip:a@b', [])).toThrowError(expect.objectContaining({ code: 'SIP_PARSE_METHOD' }));
    expect(() => SipMessage.request('INVITE', 'sip:a@b SIP/2.0\r\nX: y', [])).toThrowError(expect.objectContaining({ code: 'SIP_PARSE_REQUEST_URI' }));
    expect(() => SipMessage.request('INVITE', 'sip:a@b', [['Bad Name', 'x']])).toThrowError(expect.objectContaining({ code: 'SIP_PARSE_HEADER_NAME' }));
    expect(() => SipMessage.response(99, 'Low', [])).toThrowError(expect.objectContaining({ code: 'SIP_PARSE_STATUS_CODE' }));
    expect(() => SipMessage.response(200, 'OK\r\nX: y', [])).toThrowError(expect.objectContaining({ code: 'SIP_PARSE_START_LINE' }));
    const m = SipMessage.request('OPTIONS', 'sip:a@b', []);
    m.uri = 'sip:a@b\r\nInjected: yes';
    expect(() => serialize(m)).toThrowError(expect.objectContaining({ code: 'SIP_PARSE_REQUEST_URI' }));
  });

  it('checks a start line changed after it was serialized once', () => {
    const q = SipMessage.request('OPTIONS', 'sip:a@b', []);
    serialize(q);
    q.method = 'BAD METHOD';
    expect(() => serialize(q)).toThrowError(expect.objectContaining({ code: 'SIP_PARSE_METHOD' }));
    q.method = 'OPTIONS';
    expect(serialize(q).toString()).toMatch(/^OPTIONS sip:a@b SIP\/2.0\r\n/);
    const r = SipMessage.response(200, 'OK', []);
    serialize(r);
    r.reason = 'OK\r\nX: y';
    expect(() => serialize(r)).toThrowError(expect.objectContaining({ code: 'SIP_PARSE_START_LINE' }));
    r.reason = 'OK';
    r.status = 700;
    expect(() => serialize(r)).toThrowError(expect.objectContaining({ code: 'SIP_PARSE_STATUS_CODE' }));
    r.status = 200;
    r.version = 'SIP/2.0\r\nX: y';
    expect(() => serialize(r)).toThrowError(expect.objectContaining({ code: 'SIP_PARSE_START_LINE' }));
  });

  it('serializes a parsed Request-URI with non-ASCII characters unchanged', () => {
    const m = parseMessage(Buffer.from('OPTIONS sip:zo\u00eb@b SIP/2.0\r\nl: 0\r\n\r\n'));
    expect(serialize(m).toString()).toBe('OPTIONS sip:zo\u00eb@b SIP/2.0\r\nContent-Length: 0\r\n\r\n');
  });
});
