import { describe, it, expect } from 'vitest';
import { RetiredTransactions } from '../../../src/sip/transaction/retired-transactions.js';
import { SipMessage } from '../../../src/sip/message.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('retired transactions (Completed/Accepted keys)', () => {
  it('absorbs responses for a key until its time passes, then forgets it', async () => {
    const r = new RetiredTransactions();
    const seen: number[] = [];
    r.add('a', 30, (res) => seen.push(res.status));
    expect(r.absorb('a', SipMessage.response(486, 'Busy Here', []))).toBe(true);
    expect(r.absorb('b', SipMessage.response(200, 'OK', []))).toBe(false);
    expect(seen).toEqual([486]);
    await sleep(60);
    expect(r.has('a')).toBe(false);
    expect(r.absorb('a', SipMessage.response(486, 'Busy Here', []))).toBe(false);
    expect(seen).toEqual([486]);
  });

  it('absorbs for the whole duration, and at most an eighth more', async () => {
    const r = new RetiredTransactions();
    r.add('x', 160);
    await sleep(120);
    expect(r.absorb('x', SipMessage.response(200, 'OK', []))).toBe(true);
    await sleep(120); // 240 ms > 160 + 160/8
    expect(r.absorb('x', SipMessage.response(200, 'OK', []))).toBe(false);
    expect(r.size).toBe(0);
  });

  it('absorbs without a handler (non-INVITE Completed)', () => {
    const r = new RetiredTransactions();
    r.add('k', 1000);
    expect(r.absorb('k', SipMessage.response(200, 'OK', []))).toBe(true);
    r.clear();
  });

  it('keeps queues of different durations apart, each in expiry order', async () => {
    const r = new RetiredTransactions();
    r.add('long', 200);
    r.add('short', 20);
    await sleep(60);
    expect(r.has('short')).toBe(false);
    expect(r.has('long')).toBe(true);
    expect(r.size).toBe(1);
    r.clear();
    expect(r.size).toBe(0);
  });

  it('a key retired again keeps its later time and its new handler', async () => {
    const r = new RetiredTransactions();
    const seen: string[] = [];
    r.add('a', 20, () => seen.push('first'));
    r.add('a', 120, () => seen.push('second'));
    await sleep(60);
    expect(r.has('a')).toBe(true);
    r.absorb('a', SipMessage.response(486, 'Busy Here', []));
    expect(seen).toEqual(['second']);
    await sleep(100);
    expect(r.has('a')).toBe(false);
  });

  it('sweeps a long queue at its time', async () => {
    const r = new RetiredTransactions();
    for (let i = 0; i < 10_000; i++) r.add(`k${i}`, 10);
    expect(r.size).toBe(10_000);
    await sleep(40);
    expect(r.size).toBe(0);
  });

  it('holds many keys (its tables grow) and tells each from keys never retired', () => {
    const r = new RetiredTransactions();
    const n = 50_000;
    for (let i = 0; i < n; i++) r.add(`z9hG4bK${i.toString(36)}\u0000OPTIONS`, 10_000);
    r.add('z9hG4bK0\u0000OPTIONS', 10_000); // the same key again in the same slice counts once
    expect(r.size).toBe(n);
    for (let i = 0; i < n; i += 7) expect(r.has(`z9hG4bK${i.toString(36)}\u0000OPTIONS`)).toBe(true);
    let false_ = 0;
    for (let i = n; i < 2 * n; i++) if (r.has(`z9hG4bK${i.toString(36)}\u0000OPTIONS`)) false_++;
    expect(false_).toBe(0);
    expect(r.has('z9hG4bK0\u0000INVITE')).toBe(false); // same branch, other method
    r.clear();
    expect(r.size).toBe(0);
    expect(r.has('z9hG4bK0\u0000OPTIONS')).toBe(false);
  });
});
