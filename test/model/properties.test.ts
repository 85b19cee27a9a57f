/**
 * Property tests (fast-check): whatever the input, the number, URI and forward-list checks
 * return results (or throw only SiptrunkError), and normalisation is stable.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkNumber } from '../../src/model/rules/e164.js';
import { checkSipUri } from '../../src/model/rules/sip-uri.js';
import { parseForwardList } from '../../src/model/rules/forward-list.js';
import { validateModel } from '../../src/model/load-model.js';
import { isSiptrunkError } from '../../src/util/siptrunk-error.js';

const rules = { timeoutMinMs: 2000, timeoutMaxMs: 20000, timeoutDefaultMs: 5000 };

/** Runs f; passes when it returns, or throws a SiptrunkError. */
function onlyTypedErrors<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch (e) {
    expect(isSiptrunkError(e), `threw ${String(e)}`).toBe(true);
    return undefined;
  }
}

const phoneChars = fc.constantFrom(...'0123456789+ -().x#;ext=a'.split(''));
const phoneLike = fc.oneof(
  fc.string(),
  fc.string({ unit: phoneChars, maxLength: 25 }),
  fc.tuple(fc.constantFrom('+', '00', '', '0'), fc.stringMatching(/^[0-9]{1,18}$/)).map(([p, d]) => p + d),
);

const uriChars = fc.constantFrom(...'sip:@.;=?&[]:%-_abcdefxyz0123456789/,'.split(''));
const uriLike = fc.oneof(
  fc.string(),
  fc.string({ unit: uriChars, maxLength: 40 }),
  fc.tuple(
    fc.constantFrom('sip:', 'sips:', 'SIP:', '', 'tel:'),
    fc.option(fc.stringMatching(/^[a-z0-9.%+-]{1,10}$/), { nil: undefined }),
    fc.oneof(fc.domain(), fc.ipV4(), fc.ipV6().map((a) => `[${a}]`), fc.ipV6()),
    fc.option(fc.integer({ min: -1, max: 70000 }), { nil: undefined }),
    fc.array(fc.constantFrom(';lr', ';transport=tcp', ';transport=tls', ';timeout=3000', ';timeout=x', ';a=b'), { maxLength: 3 }),
  ).map(([s, u, h, p, params]) => `${s}${u !== undefined ? u + '@' : ''}${h}${p !== undefined ? ':' + p : ''}${params.join('')}`),
);

describe('checkNumber properties', () => {
  it('never throws anything but SiptrunkError, and a result is valid exactly when it has no errors', () => {
    fc.assert(
      fc.property(phoneLike, (input) => {
        const r = onlyTypedErrors(() => checkNumber(input));
        if (!r) return;
        expect(r.input).toBe(input);
        expect(r.valid).toBe(r.errors.length === 0);
        if (r.valid) expect(r.e164).toMatch(/^\+[1-9]\d{1,14}$/);
      }),
      { numRuns: 1000 },
    );
  });

  it('normalisation is stable: the e164 form of a valid number normalises to itself', () => {
    fc.assert(
      fc.property(phoneLike, (input) => {
        const r = checkNumber(input);
        if (!r.valid) return;
        const again = checkNumber(r.e164!);
        expect(again.valid).toBe(true);
        expect(again.e164).toBe(r.e164);
        expect(again.country).toBe(r.country);
      }),
      { numRuns: 1000 },
    );
  });

  it('formatting characters do not change the result', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9][0-9]{6,13}$/), fc.constantFrom(' ', '-', '.'), (digits, sep) => {
        const spaced = '+' + digits.replace(/(\d{3})(?=\d)/g, `$1${sep}`);
        expect(checkNumber(spaced).e164).toBe(checkNumber('+' + digits).e164);
      }),
      { numRuns: 500 },
    );
  });
});

describe('checkSipUri and parseForwardList properties', () => {
  it('checkSipUri never throws anything but SiptrunkError; valid means a port in 1-65535', () => {
    fc.assert(
      fc.property(uriLike, (input) => {
        const r = onlyTypedErrors(() => checkSipUri(input));
        if (!r) return;
        expect(r.valid).toBe(r.errors.length === 0);
        if (r.uri?.port !== undefined) expect(r.uri.port).toBeGreaterThanOrEqual(1);
        if (r.uri?.port !== undefined) expect(r.uri.port).toBeLessThanOrEqual(65535);
      }),
      { numRuns: 1000 },
    );
  });

  it('parseForwardList never throws anything but SiptrunkError, for strings and lists', () => {
    fc.assert(
      fc.property(fc.oneof(uriLike, fc.array(uriLike, { maxLength: 4 }).map((a) => a.join(',')), fc.array(uriLike, { maxLength: 4 })), (input) => {
        onlyTypedErrors(() => parseForwardList(input, { rules }));
      }),
      { numRuns: 1000 },
    );
  });

  it('normalisation is stable: a canonical forward URI parses to itself', () => {
    fc.assert(
      fc.property(uriLike, (input) => {
        const r = parseForwardList([input], { rules });
        for (const e of r.entries) {
          const again = parseForwardList([e.uri], { rules });
          expect(again.entries.map((x) => [x.uri, x.transport, x.port, x.timeoutMs])).toEqual([[e.uri, e.transport, e.port, e.timeoutMs]]);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('validateModel properties', () => {
  it('arbitrary text gives findings, never an exception', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: fc.constantFrom(...'a: -[]{}\n"\'&*!|>#%@`,?'.split('')), maxLength: 60 })), (text) => {
        const r = onlyTypedErrors(() => validateModel(text));
        if (r) expect(r.ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
