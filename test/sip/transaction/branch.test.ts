import { describe, it, expect } from 'vitest';
import { MAGIC_COOKIE, newBranch, randomHex, randomToken } from '../../../src/sip/transaction/branch.js';

describe('random identifiers (Via branch, tags, cnonce)', () => {
  it('makes branches of the magic cookie and 96 random bits, unique across pool refills (RFC 3261 8.1.1.7)', () => {
    // The pool holds 4,096 branches' worth: 10,000 values cross two refills, with tokens and hex
    // of other lengths drawn in between so that a refill happens at an odd offset too.
    const seen = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const b = newBranch();
      expect(b.startsWith(MAGIC_COOKIE)).toBe(true);
      expect(b.slice(MAGIC_COOKIE.length)).toMatch(/^[A-Za-z0-9_-]{16}$/);
      seen.add(b);
      if (i % 7 === 0) expect(randomToken(6)).toMatch(/^[A-Za-z0-9_-]{8}$/);
      if (i % 11 === 0) expect(randomHex(16)).toMatch(/^[0-9a-f]{32}$/);
    }
    expect(seen.size).toBe(10_000);
  });

  it('gives tokens and hex of the length asked for', () => {
    expect(randomToken()).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(randomToken(3)).toMatch(/^[A-Za-z0-9_-]{4}$/);
    expect(randomHex(4)).toMatch(/^[0-9a-f]{8}$/);
    expect(new Set(Array.from({ length: 1000 }, () => randomHex(8))).size).toBe(1000);
  });
});
