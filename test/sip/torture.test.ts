/**
 * All 49 RFC 4475 torture messages (fixtures/torture/rfc4475, byte-exact, MANIFEST.tsv gives the
 * class). The table below states, per file, what our parser does with it; none is skipped.
 * - valid: parses, no defect (dblreq: the trailing octets are the one defect), tricky fields checked.
 * - invalid: rejected with the typed error given, or parsed with the given defects flagged.
 * - transaction / application / compat: parse (what a UA then does is not the parser's job).
 * Valid messages also survive parse(serialize(parse(x))) unchanged.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMessage } from '../../src/sip/parser.js';
import { serialize } from '../../src/sip/serializer.js';
import { parseUri } from '../../src/sip/uri.js';
import { SipParseError } from '../../src/sip/parse-error.js';
import type { SipMessage } from '../../src/sip/message.js';

const DIR = 'fixtures/torture/rfc4475';
const read = (f: string): Buffer => readFileSync(join(DIR, f));

type Expectation =
  | { parses: true; defects?: string[]; check?: (m: SipMessage) => void }
  | { error: string };

const EXPECT: Record<string, Expectation> = {
  // ---- valid (3.1.1) ----
  'wsinv.dat': {
    parses: true,
    check: (m) => {
      expect(m.method).toBe('INVITE');
      expect(m.uri).toBe('sip:vivekg@chair-dnrc.example.com;unknownparam');
      expect(m.to()).toMatchObject({ uri: 'sip:vivekg@chair-dnrc.example.com', tag: '1918181833n', displayName: undefined });
      expect(m.from()).toMatchObject({ displayName: 'J Rosenberg \\"', uri: 'sip:jdrosen@example.com', tag: '98asjd8' });
      expect(m.get('max-forwards')).toBe('0068');
      expect(m.callId()).toBe('wsinv.ndaksdj@192.0.2.1');
      expect(m.cseq()).toEqual({ seq: 9, method: 'INVITE' });
      expect(m.via().map((v) => [v.transport, v.host, v.port, v.branch])).toEqual([
        ['UDP', '192.0.2.2', undefined, '390skdjuw'],
        ['TCP', 'spindle.example.com', undefined, 'z9hG4bK9ikj8'],
        ['UDP', '192.168.255.111', undefined, 'z9hG4bK30239'],
      ]);
      expect(m.get('Subject')).toBe('');
      expect(m.get('NewFangledHeader')).toBe('newfangled value continued newfangled value');
      expect(m.get('UnknownHeaderWithUnusualValue')).toBe(';;,,;;,;');
      expect(m.getAll('Route')).toEqual(['<sip:services.example.com;lr;unknownwith=value;unknown-no-value>']);
      const [c] = m.contacts();
      expect(c).toMatchObject({ displayName: 'Quoted string ""', uri: 'sip:jdrosen@example.com' });
      expect({ ...c!.params }).toEqual({ newparam: 'newvalue', secondparam: null, q: '0.33' });
      expect(m.body.length).toBe(150);
    },
  },
  'intmeth.dat': {
    parses: true,
    check: (m) => {
      expect(m.method).toBe("!interesting-Method0123456789_*+`.%indeed'~");
      const u = parseUri(m.uri);
      expect(u.user).toBe("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*");
      expect(u.password).toBe("&it+has=1,weird!*pas$wo~d_too.(doesn't-it)");
      expect(u.host).toBe('example.com');
      expect(m.from()).toMatchObject({ displayName: "token1~` token2'+_ token3*%!.-", tag: "_token~1'+`*%!-." });
      expect(m.from().params["fromparam''~+*_!.-%"]).toBe('"работающий"');
      expect(m.topVia().branch).toBe("z9hG4bK-.!%66*_+`'~");
      expect(m.cseq().method).toBe(m.method);
    },
  },
  'esc01.dat': {
    parses: true,
    check: (m) => {
      const ruri = parseUri(m.uri, { decodeUser: true });
      expect(ruri.user).toBe('sips:user@example.com');
      expect(ruri.host).toBe('example.net');
      expect(parseUri(m.uri).user).toBe('sips%3Auser%40example.com');
      expect(parseUri(m.to().uri, { decodeUser: true }).user).toBe('user');
      expect(parseUri(m.from().uri, { decodeUser: true }).user).toBe('I have spaces');
      const contact = parseUri(m.contacts()[0]!.uri, { decodeUser: true });
      expect(contact.user).toBe('caller');
      expect({ ...contact.params }).toEqual({ lr: null, name: 'value%41' });
      expect(m.get('Content-Type')).toBe('application/sdp');
    },
  },
  'escnull.dat': {
    parses: true,
    check: (m) => {
      expect(parseUri(m.to().uri, { decodeUser: true }).user).toBe('null-\u0000-null');
      expect(parseUri(m.from().uri).user).toBe('null-%00-null');
      expect(m.contacts().map((c) => parseUri(c.uri, { decodeUser: true }).user)).toEqual(['\u0000', '\u0000\u0000']);
    },
  },
  'esc02.dat': {
    parses: true,
    check: (m) => {
      expect(m.method).toBe('RE%47IST%45R');
      expect(m.cseq()).toEqual({ seq: 29344, method: 'RE%47IST%45R' });
      expect(m.to().displayName).toBe('%Z%45');
      expect(m.topVia().branch).toBe('z9hG4bK209%fzsnel234');
      // C%6Fntact is a different (unknown) header: escapes are not decoded in header names.
      expect(m.getAll('Contact')).toEqual(['<sip:alias1@host1.example.com>', '<sip:alias3@host3.example.com>']);
      expect(m.get('C%6Fntact')).toBe('<sip:alias2@host2.example.com>');
    },
  },
  'lwsdisp.dat': { parses: true, check: (m) => expect(m.from()).toMatchObject({ displayName: 'caller', uri: 'sip:caller@example.com', tag: '323' }) },
  'longreq.dat': {
    parses: true,
    check: (m) => {
      expect(m.to().displayName).toBe('I have a user name of ' + 'extreme'.repeat(10) + ' proportion');
      const to = parseUri(m.to().uri);
      expect(to.port).toBe(6000);
      expect(to.params.longparamnamenamenamenamenamenamenamenamenamenamenamenamenamenamenamenamenamenamenamenamenamenamenamenamename).toBe('shortvalue');
      expect(m.from().tag).toBe('1' + '298'.repeat(50) + '2424');
      expect(m.via()).toHaveLength(34);
      expect(m.via()[33]).toMatchObject({ host: 'host.example.com', received: '192.0.2.5', branch: 'very' + 'long'.repeat(50) + 'branchvalue' });
      expect(m.headerNames().find((n) => n.startsWith('Unknown-LongLong'))).toBeDefined();
      expect(m.body.length).toBe(150);
    },
  },
  'dblreq.dat': {
    parses: true,
    defects: ['SIP_DEFECT_TRAILING_OCTETS'],
    check: (m) => {
      expect(m.method).toBe('REGISTER');
      expect(m.body.length).toBe(0);
      const raw = read('dblreq.dat');
      expect(m.trailingOctets).toBe(raw.length - raw.indexOf('\r\n\r\n') - 4);
      expect(m.trailingOctets).toBeGreaterThan(0);
    },
  },
  'semiuri.dat': {
    parses: true,
    check: (m) => {
      const u = parseUri(m.uri);
      expect(u).toMatchObject({ user: 'user;par=u%40example.net', host: 'example.com', port: undefined });
      expect(Object.keys(u.params)).toEqual([]);
      expect(parseUri(m.uri, { decodeUser: true }).user).toBe('user;par=u@example.net');
      expect(m.getAll('Accept')).toEqual(['application/sdp', 'application/pkcs7-mime', 'multipart/mixed', 'multipart/signed', 'message/sip', 'message/sipfrag']);
    },
  },
  'transports.dat': {
    parses: true,
    check: (m) => expect(m.via().map((v) => v.transport)).toEqual(['UDP', 'SCTP', 'TLS', 'UNKNOWN', 'TCP']),
  },
  'mpart01.dat': {
    parses: true,
    check: (m) => {
      expect(m.contentType()).toBe('multipart/mixed');
      expect(m.get('Content-Type')).toBe('multipart/mixed;boundary=7a9cbec02ceef655');
      expect(m.body.length).toBe(m.contentLength());
      const text = m.body.toString('latin1');
      expect(text.startsWith('--7a9cbec02ceef655\r\n')).toBe(true);
      expect(text.trimEnd().endsWith('--7a9cbec02ceef655--')).toBe(true);
      expect(m.topVia()).toMatchObject({ host: '127.0.0.1', port: 5070, rport: true });
    },
  },
  'unreason.dat': {
    parses: true,
    check: (m) => {
      expect(m.status).toBe(200);
      expect(m.reason).toBe('= 2**3 * 5**2 но сто девяносто девять - простое');
    },
  },
  'noreason.dat': { parses: true, check: (m) => expect([m.status, m.reason]).toEqual([100, '']) },

  // ---- invalid (3.1.2) ----
  'badinv01.dat': { parses: true, defects: ['SIP_DEFECT_EMPTY_LIST_ELEMENT', 'SIP_PARSE_HEADER_VALUE'] },
  'clerr.dat': { error: 'SIP_PARSE_CONTENT_LENGTH_EXCEEDS' },
  'ncl.dat': { error: 'SIP_PARSE_CONTENT_LENGTH' },
  'scalar02.dat': { parses: true, defects: ['SIP_DEFECT_SCALAR_RANGE'] },
  'scalarlg.dat': { parses: true, defects: ['SIP_DEFECT_SCALAR_RANGE'] },
  'quotbal.dat': { parses: true, defects: ['SIP_NAME_ADDR_INVALID'] },
  'ltgtruri.dat': { error: 'SIP_PARSE_REQUEST_URI' },
  'lwsruri.dat': { error: 'SIP_PARSE_START_LINE' },
  'lwsstart.dat': { error: 'SIP_PARSE_START_LINE' },
  'trws.dat': { error: 'SIP_PARSE_START_LINE' },
  'escruri.dat': { error: 'SIP_PARSE_REQUEST_URI' },
  'baddate.dat': { parses: true, defects: ['SIP_DEFECT_DATE'] },
  'regbadct.dat': { parses: true, defects: ['SIP_DEFECT_URI_HEADERS'] },
  'badaspec.dat': { parses: true, defects: ['SIP_DEFECT_ADDR_SPEC_SPACE'] },
  // Stored without the final empty line: accepted as a datagram with that defect too.
  'baddn.dat': { parses: true, defects: ['SIP_PARSE_NO_HEADER_END', 'SIP_DEFECT_DISPLAY_NAME'] },
  'badvers.dat': { error: 'SIP_PARSE_VERSION' },
  'mismatch01.dat': { parses: true, defects: ['SIP_DEFECT_CSEQ_METHOD'] },
  'mismatch02.dat': { parses: true, defects: ['SIP_DEFECT_CSEQ_METHOD'] },
  'bigcode.dat': { error: 'SIP_PARSE_STATUS_CODE' },

  // ---- transaction, application, compat: parse ----
  'badbranch.dat': { parses: true, check: (m) => expect(m.topVia().branch).toBe('z9hG4bK') },
  'insuf.dat': { parses: true, check: (m) => expect(() => m.from()).toThrowError(expect.objectContaining({ code: 'SIP_PARSE_MISSING_HEADER' })) },
  'unkscm.dat': { parses: true, check: (m) => expect(parseUri(m.uri)).toMatchObject({ scheme: 'nobodyknowsthisscheme', opaque: 'totallyopaquecontent' }) },
  'novelsc.dat': { parses: true, check: (m) => expect(parseUri(m.uri).scheme).toBe('soap.beep') },
  'unksm2.dat': { parses: true, check: (m) => expect(m.from().uri).toBe('http://www.example.com') },
  'bext01.dat': { parses: true, check: (m) => expect(m.getAll('Require')).toEqual(['nothingSupportsThis', 'nothingSupportsThisEither']) },
  'invut.dat': { parses: true, check: (m) => expect(m.contentType()).toBe('application/unknownformat') },
  'regaut01.dat': { parses: true, check: (m) => expect(m.get('Authorization')).toBe('NoOneKnowsThisScheme opaque-data=here') },
  'multi01.dat': { parses: true, defects: ['SIP_DEFECT_MULTIPLE_VALUES'] },
  'mcl01.dat': { parses: true, defects: ['SIP_PARSE_CONTENT_LENGTH_CONFLICT'] },
  'bcast.dat': { parses: true, check: (m) => expect(m.via()[1]!.host).toBe('255.255.255.255') },
  'zeromf.dat': { parses: true, check: (m) => expect(m.get('Max-Forwards')).toBe('0') },
  'cparam01.dat': { parses: true, check: (m) => expect(m.contacts()[0]).toMatchObject({ uri: 'sip:+19725552222@gw1.example.net', params: { unknownparam: null } }) },
  'cparam02.dat': { parses: true },
  'regescrt.dat': { parses: true, check: (m) => expect(parseUri(m.contacts()[0]!.uri).headers.Route).toBe('<sip:sip.example.com>') },
  'sdp01.dat': { parses: true, check: (m) => expect(m.get('Accept')).toBe('text/nobodyKnowsThis') },
  'inv2543.dat': { parses: true, check: (m) => expect(m.topVia()).toMatchObject({ host: 'iftgw.example.com', branch: undefined }) },
};

const manifest = readFileSync(join(DIR, 'MANIFEST.tsv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split('\t') as [string, string, string, string]);

describe('RFC 4475 torture messages', () => {
  it('covers all 49 files of the manifest, each with an expectation', () => {
    expect(manifest).toHaveLength(49);
    expect(Object.keys(EXPECT).sort()).toEqual(manifest.map((r) => r[0]).sort());
  });

  for (const [file, section, cls, title] of manifest) {
    const exp = EXPECT[file];
    it(`${cls} ${section} ${file}: ${title}`, () => {
      expect(exp).toBeDefined();
      if (!exp) return;
      const buf = read(file);
      if ('error' in exp) {
        expect(cls).toBe('invalid');
        let caught: unknown;
        try {
          parseMessage(buf);
        } catch (e) {
          caught = e;
        }
        expect(caught).toBeInstanceOf(SipParseError);
        expect((caught as SipParseError).code).toBe(exp.error);
        expect((caught as SipParseError).location?.line).toBeGreaterThan(0);
        return;
      }
      const m = parseMessage(buf);
      const codes = [...new Set(m.defects.map((d) => d.code))];
      if (cls === 'invalid') expect(exp.defects?.length).toBeGreaterThan(0);
      if (cls === 'valid' || exp.defects) expect(codes.sort()).toEqual([...(exp.defects ?? [])].sort());
      exp.check?.(m);
      if (cls === 'valid') {
        // Round trip: parse(serialize(parse(x))) equals parse(x).
        const again = parseMessage(serialize(m));
        expect(summary(again)).toEqual(summary(m));
      }
    });
  }
});

function summary(m: SipMessage): unknown {
  return {
    isRequest: m.isRequest, method: m.method, uri: m.uri, status: m.status, reason: m.reason, version: m.version,
    headers: m.rawHeaders().filter(([n]) => n !== 'Content-Length'),
    contentLength: m.body.length,
    body: m.body.toString('base64'),
    via: m.via(), cseq: m.cseq(), from: m.from(), to: m.to(),
  };
}
