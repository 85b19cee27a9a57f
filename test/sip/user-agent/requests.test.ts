/**
 * The OPTIONS writer (optionsRequestWriter): the bytes it writes are the bytes of the same
 * request built as a SipMessage (buildRequest), given the Via, and serialised; a value that
 * would inject a line is refused with the same typed error, naming the header.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { buildRequest, optionsRequestWriter } from '../../../src/sip/user-agent/requests.js';
import { serialize } from '../../../src/sip/serializer.js';
import { SipParseError } from '../../../src/sip/parse-error.js';
import type { AuthHeader } from '../../../src/sip/user-agent/authenticated-request.js';

/** The same request through the SipMessage path: built, Via prepended, serialised. */
function viaMessage(uri: string, ids: { callId: string; fromHeader: string; toHeader: string }, ua: string, cseq: number, auth: AuthHeader[], via: string): Buffer {
  const m = buildRequest('OPTIONS', uri, ids, cseq, { userAgent: ua, auth, extra: [['Accept', 'application/sdp']] });
  m.prepend('Via', via);
  return serialize(m);
}

const token = fc.stringMatching(/^[A-Za-z0-9.!%*_+`'~-]{1,20}$/);
const host = fc.oneof(
  fc.ipV4(),
  fc.constantFrom('[::1]', '[2001:db8::7]', 'sip.nexmo.com', 'sip-ap.nexmo.com'),
);
const uri = fc.tuple(fc.option(token, { nil: undefined }), host, fc.integer({ min: 1, max: 65535 }), fc.constantFrom('', ';transport=tcp', ';transport=tls')).map(
  ([user, h, port, tp]) => `sip:${user ? `${user}@` : ''}${h}:${port}${tp}`,
);
/** A header value as code would set it: any characters but CR and LF, spaces at either end included (trimmed by both paths). */
const value = fc.string({ unit: fc.oneof(fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), fc.constantFrom('\t', 'é', 'ж', '中', '😀')), minLength: 1, maxLength: 60 });
const auth = fc.array(
  fc.record({ header: fc.constantFrom<AuthHeader['header']>('Authorization', 'Proxy-Authorization'), value }),
  { maxLength: 2 },
);

describe('optionsRequestWriter', () => {
  it('writes the bytes serialize() writes for the same request built as a SipMessage (property, 500 runs)', () => {
    fc.assert(
      fc.property(uri, value, value, token, value, fc.integer({ min: 1, max: 2 ** 31 - 1 }), auth, token, (u, from, to, callId, ua, cseq, creds, branch) => {
        const ids = { callId, fromHeader: from, toHeader: to };
        const via = `SIP/2.0/UDP 127.0.10.61:5060;branch=z9hG4bK${branch};rport`;
        const written = optionsRequestWriter(u, ids, ua)(cseq, creds).wire(via);
        expect(written.toString('utf8')).toBe(viaMessage(u, ids, ua, cseq, creds, via).toString('utf8'));
      }),
      { numRuns: 500 },
    );
  });

  it('writes the rows of a typical probe in order: Via, Max-Forwards, From, To, Call-ID, CSeq, credentials, User-Agent, Accept, Content-Length', () => {
    const w = optionsRequestWriter('sip:127.0.10.60:5060', { callId: 'c-1', fromHeader: '<sip:siptrunk@127.0.10.60>;tag=t', toHeader: '<sip:127.0.10.60:5060>' }, 'siptrunk/0.1');
    const req = w(2, [{ header: 'Authorization', value: 'Digest username="k", realm="r", nonce="n", uri="sip:127.0.10.60:5060", response="0123"' }]);
    expect(req.method).toBe('OPTIONS');
    expect(req.uri).toBe('sip:127.0.10.60:5060');
    expect(req.body.length).toBe(0);
    expect(req.wire('SIP/2.0/UDP 127.0.10.61:5062;branch=z9hG4bKb;rport').toString()).toBe(
      'OPTIONS sip:127.0.10.60:5060 SIP/2.0\r\n' +
        'Via: SIP/2.0/UDP 127.0.10.61:5062;branch=z9hG4bKb;rport\r\n' +
        'Max-Forwards: 70\r\nFrom: <sip:siptrunk@127.0.10.60>;tag=t\r\nTo: <sip:127.0.10.60:5060>\r\nCall-ID: c-1\r\nCSeq: 2 OPTIONS\r\n' +
        'Authorization: Digest username="k", realm="r", nonce="n", uri="sip:127.0.10.60:5060", response="0123"\r\n' +
        'User-Agent: siptrunk/0.1\r\nAccept: application/sdp\r\nContent-Length: 0\r\n\r\n',
    );
  });

  it('refuses a value holding CR or LF with the error SipMessage.request() gives, naming the header', () => {
    const ids = { callId: 'c', fromHeader: '<sip:a@h>;tag=t', toHeader: '<sip:h>' };
    const cases: [string, () => unknown][] = [
      ['From', () => optionsRequestWriter('sip:h', { ...ids, fromHeader: '<sip:a@h>\r\nX-Injected: 1' }, 'ua')],
      ['To', () => optionsRequestWriter('sip:h', { ...ids, toHeader: '<sip:h>\n' }, 'ua')],
      ['Call-ID', () => optionsRequestWriter('sip:h', { ...ids, callId: 'c\rd' }, 'ua')],
      ['User-Agent', () => optionsRequestWriter('sip:h', ids, 'ua\r\nVia: x')],
      ['Proxy-Authorization', () => optionsRequestWriter('sip:h', ids, 'ua')(2, [{ header: 'Proxy-Authorization', value: 'Digest a\r\nb' }])],
    ];
    for (const [header, run] of cases) {
      let err: unknown;
      try {
        run();
      } catch (e) {
        err = e;
      }
      expect(err, header).toBeInstanceOf(SipParseError);
      expect(err).toMatchObject({ code: 'SIP_PARSE_HEADER_VALUE', location: { header } });
    }
  });

  it('refuses a Request-URI that is not one word as buildRequest does (SIP_PARSE_REQUEST_URI)', () => {
    const ids = { callId: 'c', fromHeader: '<sip:a@h>;tag=t', toHeader: '<sip:h>' };
    for (const bad of ['sip:h x', 'sip:h\r\nVia: x', 'no-scheme', '']) {
      expect(() => optionsRequestWriter(bad, ids, 'ua'), bad).toThrow(expect.objectContaining({ code: 'SIP_PARSE_REQUEST_URI' }));
      expect(() => buildRequest('OPTIONS', bad, ids, 1, { userAgent: 'ua' }), bad).toThrow(expect.objectContaining({ code: 'SIP_PARSE_REQUEST_URI' }));
    }
  });
});
