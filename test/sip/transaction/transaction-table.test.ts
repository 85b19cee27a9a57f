import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { TransactionTable } from '../../../src/sip/transaction/transaction-table.js';

describe('transaction table (running transactions by key)', () => {
  it('adds, finds, refuses a key already there, and removes a key only for its own value', () => {
    const t = new TransactionTable<{ id: number }>();
    const a = { id: 1 };
    const b = { id: 2 };
    expect(t.add('z9hG4bKa\u0000OPTIONS', a)).toBe(true);
    expect(t.add('z9hG4bKa\u0000OPTIONS', b)).toBe(false);
    expect(t.get('z9hG4bKa\u0000OPTIONS')).toBe(a);
    expect(t.has('z9hG4bKa\u0000INVITE')).toBe(false);
    expect(t.deleteIf('z9hG4bKa\u0000OPTIONS', b)).toBe(false);
    expect(t.size).toBe(1);
    expect(t.deleteIf('z9hG4bKa\u0000OPTIONS', a)).toBe(true);
    expect(t.get('z9hG4bKa\u0000OPTIONS')).toBeUndefined();
    expect(t.deleteIf('z9hG4bKa\u0000OPTIONS', a)).toBe(false);
    expect(t.size).toBe(0);
    expect(t.add('z9hG4bKa\u0000OPTIONS', b)).toBe(true);
    expect(t.get('z9hG4bKa\u0000OPTIONS')).toBe(b);
  });

  it('keeps every key through heavy churn and growth, as a Map would', () => {
    const t = new TransactionTable<number>();
    const m = new Map<string, number>();
    let n = 0;
    // 5,000 live at the peak (the table grows past its 1,024 slots), 200,000 added in all.
    for (let round = 0; round < 40; round++) {
      for (let i = 0; i < 5000; i++) {
        const k = `z9hG4bK${(n++).toString(36)}\u0000OPTIONS`;
        expect(t.add(k, n)).toBe(true);
        m.set(k, n);
      }
      for (const [k, v] of [...m].slice(0, 4900)) {
        expect(t.deleteIf(k, v)).toBe(true);
        m.delete(k);
      }
    }
    expect(t.size).toBe(m.size);
    for (const [k, v] of m) expect(t.get(k)).toBe(v);
    expect(t.values().sort((x, y) => x - y)).toEqual([...m.values()].sort((x, y) => x - y));
  });

  it('agrees with a Map on any sequence of adds and removes', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 300 })), { maxLength: 3000 }), (ops) => {
        const t = new TransactionTable<number>();
        const m = new Map<string, number>();
        for (const [add, i] of ops) {
          const k = `b${i}\u0000BYE`;
          if (add) expect(t.add(k, i)).toBe(!m.has(k));
          else expect(t.deleteIf(k, i)).toBe(m.has(k));
          if (add && !m.has(k)) m.set(k, i);
          else if (!add) m.delete(k);
        }
        expect(t.size).toBe(m.size);
        for (let i = 0; i <= 300; i++) expect(t.get(`b${i}\u0000BYE`)).toBe(m.get(`b${i}\u0000BYE`));
      }),
      { numRuns: 50 },
    );
  });
});
