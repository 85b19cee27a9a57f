import { describe, it, expect } from 'vitest';
import { callIdPrefix, newCallId } from '../../../src/sip/user-agent/call-id.js';
import { parseMessage } from '../../../src/sip/parser.js';

// RFC 3261 25.1: Call-ID = word [ "@" word ]; word = 1*(alphanum / "-" / "." / "!" / "%" / "*" /
// "_" / "+" / "`" / "'" / "~" / "(" / ")" / "<" / ">" / ":" / "\" / DQUOTE / "/" / "[" / "]" / "?" / "{" / "}")
const WORD = /^[A-Za-z0-9\-.!%*_+`'~()<>:\\"/[\]?{}]+$/;

describe('Call-ID values', () => {
  it('are one RFC 3261 word: 12 characters of time and sequence, "-", 16 base64url characters (96 bits)', () => {
    const id = newCallId();
    expect(id).toMatch(WORD);
    expect(id).toMatch(/^[0-9a-z]{12}-[A-Za-z0-9_-]{16}$/);
    // ...and survive a round trip through a message.
    const m = parseMessage(Buffer.from(`OPTIONS sip:a@b SIP/2.0\r\nCall-ID: ${id}\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n`));
    expect(m.callId()).toBe(id);
  });

  it('sort in the order they were made, byte by byte (what an ordered index of a peer compares)', () => {
    const ids = Array.from({ length: 5000 }, () => newCallId());
    const bytewise = [...ids].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    expect(bytewise).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('carry the creation time in milliseconds', () => {
    const before = Math.floor(performance.timeOrigin + performance.now());
    const id = newCallId();
    const after = Math.floor(performance.timeOrigin + performance.now());
    const ms = parseInt(id.slice(0, 9), 36);
    // The prefix never goes back, so it may run ahead of the clock by the values made within
    // one millisecond beyond 46,656; never behind it.
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThanOrEqual(after + 1);
  });

  it('keep increasing when the clock stands still or goes back, borrowing the next millisecond after 46,656 values', () => {
    const base = Math.floor(performance.timeOrigin + performance.now()) + 10_000_000; // ahead of anything made so far
    const first = callIdPrefix(base);
    expect(first.slice(9)).toBe('000');
    let prev = first;
    for (let i = 1; i < 36 ** 3; i++) {
      const p = callIdPrefix(base);
      expect(p > prev).toBe(true);
      prev = p;
    }
    expect(prev).toBe(base.toString(36).padStart(9, '0') + 'zzz');
    const borrowed = callIdPrefix(base);
    expect(borrowed).toBe((base + 1).toString(36).padStart(9, '0') + '000');
    // A clock that reads earlier than the last value does not take the prefix back.
    expect(callIdPrefix(base - 5000) > borrowed).toBe(true);
  });

  it('differ in their random part even within one millisecond', () => {
    const tails = new Set(Array.from({ length: 2000 }, () => newCallId().slice(13)));
    expect(tails.size).toBe(2000);
  });
});
