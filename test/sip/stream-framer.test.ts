import { describe, expect, it } from 'vitest';
import { StreamFramer } from '../../src/sip/stream-framer.js';
import { SipParseError } from '../../src/sip/parse-error.js';

const msg = (cseq: number, body = ''): string =>
  `OPTIONS sip:a@b SIP/2.0\r\nCall-ID: s\r\nCSeq: ${cseq} OPTIONS\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

describe('StreamFramer', () => {
  it('cuts messages at Content-Length whatever the chunking, down to one byte at a time', () => {
    const stream = Buffer.from(msg(1, 'hello') + msg(2) + msg(3, 'wörld\r\n\r\n'));
    for (const size of [1, 2, 7, 64, stream.length]) {
      const f = new StreamFramer();
      const got: string[] = [];
      for (let i = 0; i < stream.length; i += size) {
        for (const m of f.push(stream.subarray(i, i + size))) got.push(`${m.cseq().seq}:${m.body.toString()}`);
      }
      expect(got).toEqual(['1:hello', '2:', '3:wörld\r\n\r\n']);
      expect(f.buffered).toBe(0);
    }
  });

  it('skips CRLF keep-alives and counts double-CRLF pings (RFC 5626 4.4.1)', () => {
    let pings = 0;
    const f = new StreamFramer({ onPing: () => pings++ });
    expect(f.push(Buffer.from('\r\n\r\n'))).toEqual([]);
    expect(f.push(Buffer.from('\r\n\r\n' + msg(1)))).toHaveLength(1);
    expect(f.push(Buffer.from('\r\n'))).toEqual([]);
    expect(f.push(Buffer.from(msg(2)))).toHaveLength(1);
    expect(pings).toBe(2);
    expect(f.pings).toBe(2);
  });

  it('fails with a typed error on a message without Content-Length, and stays failed', () => {
    const f = new StreamFramer();
    expect(() => f.push(Buffer.from('OPTIONS sip:a@b SIP/2.0\r\nCSeq: 1 OPTIONS\r\n\r\n'))).toThrowError(
      expect.objectContaining({ code: 'SIP_PARSE_CONTENT_LENGTH_REQUIRED' }),
    );
    expect(() => f.push(Buffer.from(msg(1)))).toThrow(SipParseError);
  });

  it('guards the maximum message size, for endless headers and for a huge Content-Length', () => {
    const a = new StreamFramer({ maxMessageSize: 1000 });
    a.push(Buffer.from('OPTIONS sip:a@b SIP/2.0\r\n'));
    expect(() => a.push(Buffer.from(`X-Pad: ${'x'.repeat(2000)}`))).toThrowError(expect.objectContaining({ code: 'SIP_STREAM_TOO_LARGE' }));
    const b = new StreamFramer({ maxMessageSize: 1000 });
    expect(() => b.push(Buffer.from('OPTIONS sip:a@b SIP/2.0\r\nContent-Length: 5000\r\n\r\n'))).toThrowError(expect.objectContaining({ code: 'SIP_STREAM_TOO_LARGE' }));
  });

  it('reports a malformed message with the parser error', () => {
    const f = new StreamFramer();
    expect(() => f.push(Buffer.from('garbage line\r\nContent-Length: 0\r\n\r\n'))).toThrow(SipParseError);
  });
});
