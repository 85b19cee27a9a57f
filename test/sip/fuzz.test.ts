/**
 * Fuzzing with fast-check: random bytes and mutated RFC 4475 messages. Whatever the input, the
 * parser, the typed views, the defect check, the stream framer and the other parsers either
 * succeed or throw our typed SipParseError; nothing else escapes. Serialising what parsed and
 * parsing it again never fails either.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseMessage } from '../../src/sip/parser.js';
import { serialize } from '../../src/sip/serializer.js';
import { StreamFramer } from '../../src/sip/stream-framer.js';
import { parseUri } from '../../src/sip/uri.js';
import { parseNameAddr } from '../../src/sip/headers/name-addr.js';
import { parseChallenges } from '../../src/sip/digest/challenge.js';
import { parseSdp } from '../../src/sip/sdp.js';
import { SipParseError } from '../../src/sip/parse-error.js';
import { SipMessage } from '../../src/sip/message.js';
import { DigestClient } from '../../src/sip/digest/digest-client.js';
import { Secret } from '../../src/util/secret.js';

const DIR = 'fixtures/torture/rfc4475';
const CORPUS = readdirSync(DIR).filter((f) => f.endsWith('.dat')).sort().map((f) => readFileSync(join(DIR, f)));

/** Runs fn; returns normally if it succeeded or threw a SipParseError, rethrows anything else. */
function typedOnly(fn: () => void): void {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof SipParseError)) throw e;
    expect(typeof e.code).toBe('string');
  }
}

function readEverything(m: SipMessage): void {
  for (const name of m.headerNames()) {
    m.get(name);
    m.getAll(name);
  }
  void m.defects;
  for (const view of [() => m.via(), () => m.cseq(), () => m.from(), () => m.to(), () => m.contacts(), () => m.callId(), () => m.contentLength()]) typedOnly(view);
  typedOnly(() => parseUri(m.uri || 'sip:x'));
  const again = parseMessage(serialize(m));
  expect(again.rawHeaders().filter(([n]) => n !== 'Content-Length')).toEqual(m.rawHeaders().filter(([n]) => n !== 'Content-Length'));
}

function fuzzOne(buf: Buffer): void {
  for (const datagram of [true, false]) {
    let m: SipMessage | undefined;
    typedOnly(() => {
      m = parseMessage(buf, { datagram });
    });
    if (m) readEverything(m);
  }
}

/** A mutation of a corpus message: flip, insert, delete or duplicate bytes, or cut it. */
const mutated = fc
  .tuple(
    fc.integer({ min: 0, max: CORPUS.length - 1 }),
    fc.array(
      fc.tuple(fc.constantFrom('flip', 'insert', 'delete', 'dup', 'cut', 'special'), fc.nat(), fc.integer({ min: 0, max: 255 })),
      { minLength: 1, maxLength: 6 },
    ),
  )
  .map(([idx, ops]) => {
    let b = Buffer.from(CORPUS[idx]!);
    for (const [op, pos, byte] of ops) {
      const p = b.length === 0 ? 0 : pos % b.length;
      const special = [0x0d, 0x0a, 0x20, 0x3a, 0x3b, 0x2c, 0x22, 0x3c, 0x3e, 0x25, 0x00, 0x5c][byte % 12]!;
      if (op === 'flip' && b.length > 0) b[p] = byte;
      else if (op === 'insert') b = Buffer.concat([b.subarray(0, p), Buffer.from([byte]), b.subarray(p)]);
      else if (op === 'special') b = Buffer.concat([b.subarray(0, p), Buffer.from([special]), b.subarray(p)]);
      else if (op === 'delete') b = Buffer.concat([b.subarray(0, p), b.subarray(p + 1)]);
      else if (op === 'dup') b = Buffer.concat([b.subarray(0, p), b.subarray(p, p + (byte % 40)), b.subarray(p)]);
      else if (op === 'cut') b = b.subarray(0, p);
    }
    return b;
  });

describe('fuzz: parser', () => {
  it('throws nothing but SipParseError on random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), (a) => fuzzOne(Buffer.from(a))), { numRuns: 1500, seed: 1 });
  });

  it('throws nothing but SipParseError on random SIP-looking text', () => {
    const line = fc.oneof(
      fc.constantFrom('INVITE sip:a@b SIP/2.0', 'SIP/2.0 200 OK', 'Via: SIP/2.0/UDP h;branch=z9hG4bK', 'l: 3', 'Content-Length: 0', 'From: "x" <sip:a@b>;tag=1', 'CSeq: 1 INVITE', ' folded', ''),
      fc.string({ unit: fc.constantFrom(...'ab:;,"<>@ \t%=/\\sipSIP0123'.split('')), maxLength: 40 }),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.constantFrom('\r\n', '\n'), (ls, eol) => fuzzOne(Buffer.from(ls.join(eol)))),
      { numRuns: 1500, seed: 2 },
    );
  });

  it('throws nothing but SipParseError on mutated torture messages', () => {
    fc.assert(fc.property(mutated, (b) => fuzzOne(b)), { numRuns: 2500, seed: 3 });
  });
});

describe('fuzz: stream framer', () => {
  it('throws nothing but SipParseError on mutated streams cut at random points', () => {
    fc.assert(
      fc.property(fc.array(mutated, { minLength: 1, maxLength: 3 }), fc.array(fc.integer({ min: 1, max: 97 }), { minLength: 1, maxLength: 8 }), (msgs, cuts) => {
        const stream = Buffer.concat(msgs);
        const f = new StreamFramer({ maxMessageSize: 4096 });
        let off = 0;
        let k = 0;
        try {
          while (off < stream.length) {
            const n = cuts[k++ % cuts.length]!;
            for (const m of f.push(stream.subarray(off, off + n))) readEverything(m);
            off += n;
          }
        } catch (e) {
          if (!(e instanceof SipParseError)) throw e;
        }
      }),
      { numRuns: 400, seed: 4 },
    );
  });
});

describe('fuzz: URI, name-addr, challenge and SDP parsers', () => {
  const text = fc.string({ unit: fc.constantFrom(...'sip:tel@[]:;=?&%<>"\\ ,aA1.-_*#+'.split('')), maxLength: 60 });
  it('throw nothing but SipParseError on random text', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ maxLength: 60 })), (s) => {
        typedOnly(() => parseUri(s));
        typedOnly(() => parseUri(s, { decodeUser: true }));
        typedOnly(() => parseNameAddr(s, () => undefined));
        typedOnly(() => parseChallenges([`Digest ${s}`, s]));
        typedOnly(() => parseSdp(s));
        typedOnly(() => parseSdp(`v=0\r\no=- 1 1 IN IP4 a\r\ns=-\r\n${s}`));
      }),
      { numRuns: 3000, seed: 5 },
    );
  });
});

describe('fuzz: DigestClient', () => {
  it('answers any 401/407 with a result, never an exception, and never shows the password', () => {
    const piece = fc.oneof(
      fc.constantFrom('Digest ', 'realm="r"', 'nonce="n"', 'qop="auth,auth-int"', 'qop=auth-conf', 'algorithm=SHA-256', 'algorithm=MD5-sess', 'algorithm=X', 'stale=true', 'opaque="o"', 'userhash=true', ', ', ' '),
      fc.string({ unit: fc.constantFrom(...'ab"=,\\ ;'.split('')), maxLength: 10 }),
    );
    fc.assert(
      fc.property(fc.constantFrom(401, 407), fc.array(fc.array(piece, { maxLength: 8 }).map((a) => a.join('')), { maxLength: 3 }), (status, values) => {
        const client = new DigestClient({ username: 'u', password: new Secret('hunter2-secret') });
        const name = status === 401 ? 'WWW-Authenticate' : 'Proxy-Authenticate';
        const headers: [string, string][] = [['Call-ID', 'c'], ['CSeq', '1 OPTIONS'], ...values.filter((v) => !/[\r\n]/.test(v)).map((v): [string, string] => [name, v])];
        const resp = SipMessage.response(status, 'Challenge', headers);
        for (let k = 0; k < 3; k++) {
          const r = client.authorize(resp, { method: 'OPTIONS', uri: 'sip:a@b', body: Buffer.alloc(0) });
          expect(JSON.stringify(r)).not.toContain('hunter2-secret');
          if (!r.ok) expect(['SIP_AUTH_NO_CHALLENGE', 'SIP_AUTH_CHALLENGE_INVALID', 'SIP_AUTH_UNSUPPORTED', 'SIP_AUTH_REJECTED']).toContain(r.code);
        }
      }),
      { numRuns: 800, seed: 6 },
    );
  });
});
