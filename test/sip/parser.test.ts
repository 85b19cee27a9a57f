import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../src/sip/parser.js';
import { SipParseError } from '../../src/sip/parse-error.js';

const crlf = (lines: string[]): Buffer => Buffer.from(lines.join('\r\n'));

function parseError(buf: Buffer, opts?: { datagram?: boolean }): SipParseError {
  try {
    parseMessage(buf, opts);
  } catch (e) {
    if (e instanceof SipParseError) return e;
    throw e;
  }
  throw new Error('expected a SipParseError');
}

const HEAD = ['INVITE sip:bob@example.com SIP/2.0', 'Via: SIP/2.0/UDP 10.0.0.1;branch=z9hG4bK1', 'Call-ID: x', 'CSeq: 1 INVITE'];

describe('parseMessage start line', () => {
  it('reads a request line and a status line', () => {
    const r = parseMessage(crlf([...HEAD, 'Content-Length: 0', '', '']));
    expect([r.isRequest, r.method, r.uri, r.version]).toEqual([true, 'INVITE', 'sip:bob@example.com', 'SIP/2.0']);
    const s = parseMessage(crlf(['SIP/2.0 180 Ringing', 'Content-Length: 0', '', '']));
    expect([s.isRequest, s.status, s.reason]).toEqual([false, 180, 'Ringing']);
    const t = parseMessage(crlf(['SIP/2.0 503 Service Unavailable (overload)', '', '']));
    expect(t.reason).toBe('Service Unavailable (overload)');
  });

  it('ignores CRLFs before the start line and counts them in line numbers', () => {
    const ok = parseMessage(Buffer.from(`\r\n\r\n${HEAD.join('\r\n')}\r\nl: 0\r\n\r\n`));
    expect(ok.method).toBe('INVITE');
    const e = parseError(Buffer.from(`\r\n\r\n${HEAD.join('\r\n')}\r\nBad Header\r\n\r\n`));
    expect(e.location?.line).toBe(7);
  });

  it.each([
    ['', 'SIP_PARSE_EMPTY'],
    ['\r\n\r\n', 'SIP_PARSE_EMPTY'],
    ['INVITE sip:a@b SIP/2.0\r\nVia: x', 'SIP_PARSE_NO_HEADER_END'],
    ['INVITE sip:a@b\r\n\r\n', 'SIP_PARSE_START_LINE'],
    ['INVITE sip:a@b SIP/2.0 \r\n\r\n', 'SIP_PARSE_START_LINE'],
    ['INV(ITE sip:a@b SIP/2.0\r\n\r\n', 'SIP_PARSE_METHOD'],
    ['INVITE <sip:a@b> SIP/2.0\r\n\r\n', 'SIP_PARSE_REQUEST_URI'],
    ['INVITE a@b SIP/2.0\r\n\r\n', 'SIP_PARSE_REQUEST_URI'],
    ['INVITE sip:a@b SIP/3.0\r\n\r\n', 'SIP_PARSE_VERSION'],
    ['SIP/2.0 99 Low\r\n\r\n', 'SIP_PARSE_STATUS_CODE'],
    ['SIP/2.0 700 High\r\n\r\n', 'SIP_PARSE_STATUS_CODE'],
    ['SIP/2.0 20x OK\r\n\r\n', 'SIP_PARSE_STATUS_CODE'],
    ['HTTP/1.1 200 OK\r\n\r\n', 'SIP_PARSE_METHOD'],
  ])('rejects %j with %s', (text, code) => {
    expect(parseError(Buffer.from(text)).code).toBe(code);
  });
});

describe('parseMessage headers', () => {
  it('unfolds continuation lines (RFC 3261 7.3.1) and accepts whitespace before the colon', () => {
    const m = parseMessage(crlf([...HEAD, 'Subject : I know you\'re there,', '  pick up the phone', '\tand talk to me!', 'l: 0', '', '']));
    expect(m.get('Subject')).toBe("I know you're there, pick up the phone and talk to me!");
  });

  it('names the line and header of a header without colon', () => {
    const e = parseError(crlf([...HEAD, 'NoColonHere', 'l: 0', '', '']));
    expect(e.code).toBe('SIP_PARSE_HEADER_LINE');
    expect(e.location?.line).toBe(5);
    expect(e.message).toContain('line 5');
  });

  it('rejects a header name that is not a token, and a continuation before any header', () => {
    const e = parseError(crlf([...HEAD, 'Bad Name: x', '', '']));
    expect([e.code, e.location?.line, e.location?.header]).toEqual(['SIP_PARSE_HEADER_NAME', 5, 'Bad Name']);
    expect(parseError(crlf(['OPTIONS sip:a@b SIP/2.0', ' folded: x', '', ''])).code).toBe('SIP_PARSE_HEADER_LINE');
  });

  it('accepts bare LF line ends and flags them', () => {
    const m = parseMessage(Buffer.from('OPTIONS sip:a@b SIP/2.0\nCall-ID: x\nCSeq: 1 OPTIONS\n\n'));
    expect(m.callId()).toBe('x');
    expect(m.defects.map((d) => d.code)).toContain('SIP_DEFECT_BARE_LF');
  });

  it('decodes UTF-8 header values', () => {
    const m = parseMessage(crlf(['OPTIONS sip:a@b SIP/2.0', 'From: "Zoë Ñandú" <sip:z@b>;tag=1', 'l: 0', '', '']));
    expect(m.from().displayName).toBe('Zoë Ñandú');
  });

  it('decodes the header section as UTF-8 only when it holds non-ASCII octets, whatever the body holds', () => {
    const body = Buffer.from('v=0\r\ns=Ñandú\r\n');
    const asciiHead = crlf(['OPTIONS sip:a@b SIP/2.0', 'From: "Zoe" <sip:z@b>;tag=1', `l: ${body.length}`, '', '']);
    const a = parseMessage(Buffer.concat([asciiHead, body]));
    expect(a.from().displayName).toBe('Zoe');
    expect(a.body.equals(body)).toBe(true);
    const utf8Head = crlf(['OPTIONS sip:a@b SIP/2.0', 'From: "Zoë" <sip:z@b>;tag=1', `l: ${body.length}`, '', '']);
    const b = parseMessage(Buffer.concat([utf8Head, body]));
    expect(b.from().displayName).toBe('Zoë');
    expect(b.body.equals(body)).toBe(true);
  });

  it('gives an empty body and no defects for Content-Length: 0', () => {
    const m = parseMessage(crlf(['SIP/2.0 200 OK', 'Call-ID: x', 'CSeq: 1 OPTIONS', 'Content-Length: 0', '', '']));
    expect(m.body.length).toBe(0);
    expect(m.defects).toEqual([]);
  });
});

describe('parseMessage body framing (RFC 3261 18.3)', () => {
  const body = 'v=0\r\nbody é\r\n';
  const bytes = Buffer.byteLength(body);

  it('takes Content-Length bytes, counting octets not characters', () => {
    const m = parseMessage(Buffer.concat([crlf([...HEAD, `Content-Length: ${bytes}`, '', '']), Buffer.from(body)]));
    expect(m.body.toString()).toBe(body);
    expect(m.contentLength()).toBe(bytes);
    expect(m.trailingOctets).toBe(0);
    expect(m.defects).toEqual([]);
  });

  it('ignores and flags octets after the body in a datagram', () => {
    const m = parseMessage(Buffer.concat([crlf([...HEAD, 'Content-Length: 3', '', '']), Buffer.from('abcdef')]));
    expect(m.body.toString()).toBe('abc');
    expect(m.trailingOctets).toBe(3);
    expect(m.defects.map((d) => d.code)).toEqual(['SIP_DEFECT_TRAILING_OCTETS']);
  });

  it('takes the rest of a datagram as body when Content-Length is missing, and requires it on a stream', () => {
    const buf = Buffer.concat([crlf([...HEAD, '', '']), Buffer.from(body)]);
    expect(parseMessage(buf).body.toString()).toBe(body);
    const e = parseError(buf, { datagram: false });
    expect(e.code).toBe('SIP_PARSE_CONTENT_LENGTH_REQUIRED');
  });

  it('rejects a Content-Length larger than the body, negative or not a number, naming its line', () => {
    const big = parseError(Buffer.concat([crlf([...HEAD, 'Content-Length: 99', '', '']), Buffer.from('abc')]));
    expect([big.code, big.location?.line, big.location?.header]).toEqual(['SIP_PARSE_CONTENT_LENGTH_EXCEEDS', 5, 'Content-Length']);
    expect(parseError(crlf([...HEAD, 'Content-Length: -1', '', ''])).code).toBe('SIP_PARSE_CONTENT_LENGTH');
    expect(parseError(crlf([...HEAD, 'l: 1e3', '', ''])).code).toBe('SIP_PARSE_CONTENT_LENGTH');
  });

  it('rejects conflicting Content-Length values on a stream and flags them in a datagram', () => {
    const buf = Buffer.concat([crlf([...HEAD, 'Content-Length: 1', 'l: 2', '', '']), Buffer.from('ab')]);
    expect(parseError(buf, { datagram: false }).code).toBe('SIP_PARSE_CONTENT_LENGTH_CONFLICT');
    const m = parseMessage(buf);
    expect(m.body.toString()).toBe('ab');
    expect(m.defects.map((d) => d.code)).toEqual(['SIP_PARSE_CONTENT_LENGTH_CONFLICT']);
  });

  it('finds the header end beyond the first 16 KiB and frames a large body', () => {
    const pad = 'x'.repeat(20000);
    const body = Buffer.alloc(70000, 0x61);
    const m = parseMessage(Buffer.concat([crlf([...HEAD, `X-Pad: ${pad}`, `l: ${body.length}`, '', '']), body]), { datagram: false });
    expect(m.get('X-Pad')).toBe(pad);
    expect(m.body.length).toBe(70000);
    expect(m.cseq().seq).toBe(1);
  });

  it('keeps binary bodies byte-exact', () => {
    const bin = Buffer.from([0, 255, 13, 10, 13, 10, 128]);
    const m = parseMessage(Buffer.concat([crlf([...HEAD, `l: ${bin.length}`, '', '']), bin]));
    expect(m.body.equals(bin)).toBe(true);
  });
});
