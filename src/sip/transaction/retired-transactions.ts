/**
 * Transactions in their waiting states — Completed (Timer K or D) and Accepted (Timer M,
 * RFC 6026) — only absorb retransmitted responses until a timer ends them. Holding the whole
 * transaction (request, wire bytes, response, a timer) for those 5 to 32 seconds is what made
 * a busy client slow: at 3,000 OPTIONS/s, 15,000 transactions sat in Completed, promoted to the
 * old generation and dragged every garbage collection.
 *
 * So a transaction that enters such a state is retired here and leaves nothing but its key,
 * and — only for the INVITE states, which must act on a retransmission (re-send the ACK, tell
 * the UA about a 2xx again) — a handler that holds only what it needs. At 30,000
 * transactions/s and T4 = 5 s, 150,000 keys wait here at once, so they are kept in
 * generations: per duration, one Set per slice of an eighth of that duration, and a whole Set
 * is dropped when its last key's time has passed. No object is made per key, no key is
 * deleted one by one (a hash table with that much churn is rebuilt again and again), and one
 * timer serves them all. A key therefore absorbs for its duration and at most an eighth more,
 * which only means a late retransmission is counted as absorbed rather than unmatched; the
 * transaction's own state turns to `terminated` at the exact time (ClientTransaction.state).
 */
import type { SipMessage } from '../message.js';

type Handler = (res: SipMessage) => void;

/** Keys retired within one slice of time, all with the same duration. */
interface Generation {
  keys: Set<string>;
  /** performance.now() before which keys join this generation. */
  closes: number;
  /** performance.now() when the last key of it has had its full time. */
  ends: number;
}

/** Slices per duration. */
const SLICES = 8;

export class RetiredTransactions {
  /** duration -> its generations, oldest first. */
  readonly #byDuration = new Map<number, Generation[]>();
  readonly #handlers = new Map<string, Handler>();
  #size = 0;
  #timer: NodeJS.Timeout | undefined;
  #timerAt = Infinity;

  /** Keys still absorbing (a key retired twice counts twice until its first generation ends). */
  get size(): number {
    return this.#size;
  }

  has(key: string): boolean {
    for (const gens of this.#byDuration.values()) for (const g of gens) if (g.keys.has(key)) return true;
    return false;
  }

  /** Keeps `key` absorbing responses for `ms` (up to an eighth more); `onResponse` sees each one. */
  add(key: string, ms: number, onResponse?: Handler): void {
    const now = performance.now();
    let gens = this.#byDuration.get(ms);
    if (gens === undefined) this.#byDuration.set(ms, (gens = []));
    let g = gens[gens.length - 1];
    if (g === undefined || now >= g.closes) {
      const width = Math.max(1, ms / SLICES);
      g = { keys: new Set(), closes: now + width, ends: now + width + ms };
      gens.push(g);
      if (g.ends < this.#timerAt) this.#schedule(g.ends);
    }
    const before = g.keys.size;
    g.keys.add(key);
    this.#size += g.keys.size - before;
    if (onResponse) this.#handlers.set(key, onResponse);
    else if (this.#handlers.size > 0) this.#handlers.delete(key);
  }

  /** A response for a retired key: handled (true) or not ours (false). */
  absorb(key: string, res: SipMessage): boolean {
    if (!this.has(key)) return false;
    this.#handlers.get(key)?.(res);
    return true;
  }

  delete(key: string): void {
    for (const gens of this.#byDuration.values()) for (const g of gens) if (g.keys.delete(key)) this.#size--;
    this.#handlers.delete(key);
  }

  #schedule(at: number): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timerAt = at;
    this.#timer = setTimeout(() => this.#sweep(), Math.max(0, at - performance.now()));
  }

  #sweep(): void {
    this.#timer = undefined;
    this.#timerAt = Infinity;
    const now = performance.now();
    let next = Infinity;
    const dropped: Generation[] = [];
    for (const [ms, gens] of this.#byDuration) {
      let drop = 0;
      while (drop < gens.length && gens[drop]!.ends <= now) {
        this.#size -= gens[drop]!.keys.size;
        dropped.push(gens[drop]!);
        drop++;
      }
      if (drop > 0) gens.splice(0, drop);
      if (gens.length === 0) this.#byDuration.delete(ms);
      else next = Math.min(next, gens[0]!.ends);
    }
    // Handlers (INVITE states only) go with the last generation holding their key.
    if (this.#handlers.size > 0) {
      for (const g of dropped) for (const key of g.keys) if (this.#handlers.has(key) && !this.has(key)) this.#handlers.delete(key);
    }
    if (next !== Infinity) this.#schedule(next);
  }

  /** Forgets every retired key now (client closing). */
  clear(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#timerAt = Infinity;
    this.#byDuration.clear();
    this.#handlers.clear();
    this.#size = 0;
  }
}
