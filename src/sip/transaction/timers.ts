/**
 * The transaction timers of RFC 3261 17.1 (Table 4), derived from T1, T2 and T4:
 *
 *   T1 = 500 ms (RTT estimate), T2 = 4 s (max non-INVITE retransmit interval),
 *   T4 = 5 s (max time a message stays in the network)
 *   A  = T1, doubling          INVITE request retransmit interval, unreliable only (17.1.1.2)
 *   B  = 64*T1                 INVITE transaction timeout
 *   D  = 64*T1 unreliable (32 s at the default T1, "at least 32 s"), 0 reliable
 *   E  = T1, doubling to T2    non-INVITE retransmit interval, unreliable only (17.1.2.2)
 *   F  = 64*T1                 non-INVITE transaction timeout
 *   K  = T4 unreliable, 0 reliable
 *   M  = 64*T1                 RFC 6026 7.2: how long the Accepted state absorbs 2xx retransmissions
 *
 * D is derived from T1 rather than fixed at 32 s so tests that shrink T1 also shrink D (RFC 3261
 * asks for "at least 32 seconds" with the default T1; with a smaller T1 that is a test setting,
 * not a deployment). Any value may be set explicitly with `set()`.
 */
export interface TimerBase {
  T1: number;
  T2: number;
  T4: number;
}

export interface TimerTable extends TimerBase {
  A: number;
  B: number;
  /** Timer D for unreliable transports (0 on reliable ones). */
  D: number;
  E: number;
  F: number;
  /** Timer K for unreliable transports (0 on reliable ones). */
  K: number;
  M: number;
}

export const DEFAULT_TIMER_BASE: Readonly<TimerBase> = Object.freeze({ T1: 500, T2: 4000, T4: 5000 });

export function deriveTimers(base: Partial<TimerBase> = {}, overrides: Partial<TimerTable> = {}): Readonly<TimerTable> {
  const T1 = base.T1 ?? DEFAULT_TIMER_BASE.T1;
  const T2 = base.T2 ?? DEFAULT_TIMER_BASE.T2;
  const T4 = base.T4 ?? DEFAULT_TIMER_BASE.T4;
  for (const [k, v] of Object.entries({ T1, T2, T4, ...overrides })) {
    if (!(typeof v === 'number' && Number.isFinite(v) && v >= 0)) throw new RangeError(`timer ${k} must be a non-negative number of ms, got ${String(v)}`);
  }
  if (T1 <= 0) throw new RangeError('timer T1 must be above 0 ms');
  if (T2 < T1) throw new RangeError(`timer T2 (${T2} ms) must not be below T1 (${T1} ms)`);
  return Object.freeze({ T1, T2, T4, A: T1, B: 64 * T1, D: 64 * T1, E: T1, F: 64 * T1, K: T4, M: 64 * T1, ...overrides });
}

/** The timers a transaction layer uses; `set()` re-derives the table (tests shrink T1). */
export class Timers {
  #table: Readonly<TimerTable>;
  constructor(base: Partial<TimerBase> = {}, overrides: Partial<TimerTable> = {}) {
    this.#table = deriveTimers(base, overrides);
  }
  get table(): Readonly<TimerTable> {
    return this.#table;
  }
  /** New base values (and explicit overrides); transactions started afterwards use them. */
  set(base: Partial<TimerBase>, overrides: Partial<TimerTable> = {}): void {
    this.#table = deriveTimers({ ...this.#base(), ...base }, overrides);
  }
  #base(): TimerBase {
    return { T1: this.#table.T1, T2: this.#table.T2, T4: this.#table.T4 };
  }
}
