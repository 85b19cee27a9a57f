import { describe, it, expect } from 'vitest';
import { deriveTimers, Timers } from '../../../src/sip/transaction/timers.js';

describe('transaction timers (RFC 3261 Table 4)', () => {
  it('derives A, B, D, E, F, K and M from the defaults T1 = 500 ms, T2 = 4 s, T4 = 5 s', () => {
    expect(deriveTimers()).toEqual({ T1: 500, T2: 4000, T4: 5000, A: 500, B: 32000, D: 32000, E: 500, F: 32000, K: 5000, M: 32000 });
  });
  it('re-derives every timer when tests shrink T1, T2 and T4 through the setter', () => {
    const t = new Timers();
    t.set({ T1: 10, T2: 80, T4: 100 });
    expect(t.table).toMatchObject({ A: 10, B: 640, D: 640, E: 10, F: 640, K: 100 });
    t.set({ T1: 20 }, { D: 5 });
    expect(t.table).toMatchObject({ T2: 80, B: 1280, D: 5 });
  });
  it('rejects a zero T1, a T2 below T1 and negative values', () => {
    expect(() => deriveTimers({ T1: 0 })).toThrow(RangeError);
    expect(() => deriveTimers({ T1: 100, T2: 50 })).toThrow(/T2/);
    expect(() => deriveTimers({ T4: -1 })).toThrow(RangeError);
  });
});
