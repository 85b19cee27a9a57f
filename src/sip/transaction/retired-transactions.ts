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
 * generations: per duration, one table per slice of an eighth of that duration, and a whole
 * table is dropped when its last key's time has passed. No object is made per key, no key is
 * deleted one by one, and one timer serves them all. A key therefore absorbs for its duration
 * and at most an eighth more, which only means a late retransmission is counted as absorbed
 * rather than unmatched; the transaction's own state turns to `terminated` at the exact time
 * (ClientTransaction.state).
 *
 * The tables live outside the JavaScript heap: each holds 64-bit hashes of the keys in a
 * Uint32Array (open addressing, linear probing). Kept as strings in Sets, the keys made the old
 * generation grow by some 30 MB every five seconds at full rate, and the client paid for it far
 * beyond their size: measured with --trace-gc-nvp over 60,000 Digest OPTIONS exchanges (20 in
 * flight, the UAS answering from the same event loop), 5.9 KB per exchange was promoted out of the young generation with the keys in the heap and 0.05 KB
 * without them (requests and responses surviving scavenges while V8's incremental marking of
 * the growing old generation ran), and the exchanges per second fell by a third.
 *
 * A hash stands for its key (63 bits of it: the high half is made odd). A response whose key
 * was never retired is taken for a retired one with odds of about n in 2^63 for n keys held
 * (about 1 in 10^13 with a million, an estimate: the hash is a simple mix); the only effect is the count (absorbed instead of unmatched), since
 * running transactions are matched first by their full key.
 */
import type { SipMessage } from '../message.js';
import { hashKey, hashHi, hashLo } from './key-hash.js';

type Handler = (res: SipMessage) => void;

/** Slices per duration. */
const SLICES = 8;
/** Smallest table, in slots (two Uint32 each). */
const MIN_SLOTS = 1024;

/** Keys retired within one slice of time, all with the same duration. */
class Generation {
  /** [hi, lo] per slot; hi === 0 is an empty slot. */
  #slots: Uint32Array;
  #mask: number;
  count = 0;

  constructor(
    /** performance.now() before which keys join this generation. */
    readonly closes: number,
    /** performance.now() when the last key of it has had its full time. */
    readonly ends: number,
    expected: number,
  ) {
    let slots = MIN_SLOTS;
    while (slots < expected * 2) slots *= 2;
    this.#slots = new Uint32Array(slots * 2);
    this.#mask = slots - 1;
  }

  /** Adds the hash in hashHi/hashLo; false when it was there already. */
  add(): boolean {
    if ((this.count + 1) * 4 > (this.#mask + 1) * 3) this.#grow();
    return this.#insert(this.#slots, this.#mask, hashHi, hashLo);
  }

  has(): boolean {
    const s = this.#slots;
    const mask = this.#mask;
    for (let i = hashLo & mask; ; i = (i + 1) & mask) {
      const hi = s[2 * i]!;
      if (hi === 0) return false;
      if (hi === hashHi && s[2 * i + 1] === hashLo) return true;
    }
  }

  #insert(s: Uint32Array, mask: number, hi: number, lo: number): boolean {
    for (let i = lo & mask; ; i = (i + 1) & mask) {
      const h = s[2 * i]!;
      if (h === 0) {
        s[2 * i] = hi;
        s[2 * i + 1] = lo;
        this.count++;
        return true;
      }
      if (h === hi && s[2 * i + 1] === lo) return false;
    }
  }

  #grow(): void {
    const old = this.#slots;
    const slots = (this.#mask + 1) * 2;
    this.#slots = new Uint32Array(slots * 2);
    this.#mask = slots - 1;
    this.count = 0;
    for (let i = 0; i < old.length; i += 2) if (old[i] !== 0) this.#insert(this.#slots, this.#mask, old[i]!, old[i + 1]!);
  }
}

export class RetiredTransactions {
  /** duration -> its generations, oldest first. */
  readonly #byDuration = new Map<number, Generation[]>();
  /** INVITE states only: the handler of a key and the exact time its timer (D or M) ends. */
  readonly #handlers = new Map<string, { fn: Handler; ends: number }>();
  #size = 0;
  #timer: NodeJS.Timeout | undefined;
  #timerAt = Infinity;

  /** Keys still absorbing (a key retired twice in different slices counts twice until the first slice ends). */
  get size(): number {
    return this.#size;
  }

  has(key: string): boolean {
    hashKey(key);
    const now = performance.now();
    for (const gens of this.#byDuration.values()) for (const g of gens) if (g.ends > now && g.has()) return true;
    return false;
  }

  /** Keeps `key` absorbing responses for `ms` (up to an eighth more) from `now`; `onResponse` sees each one. */
  add(key: string, ms: number, onResponse?: Handler, now = performance.now()): void {
    let gens = this.#byDuration.get(ms);
    if (gens === undefined) this.#byDuration.set(ms, (gens = []));
    let g = gens[gens.length - 1];
    if (g === undefined || now >= g.closes) {
      const width = Math.max(1, ms / SLICES);
      // Sized for as many keys as the slice before took, so that a steady rate never regrows.
      g = new Generation(now + width, now + width + ms, g?.count ?? 0);
      gens.push(g);
      if (g.ends < this.#timerAt) this.#schedule(g.ends);
    }
    hashKey(key);
    if (g.add()) this.#size++;
    if (onResponse) this.#handlers.set(key, { fn: onResponse, ends: now + ms });
    else if (this.#handlers.size > 0) this.#handlers.delete(key);
  }

  /** A response for a retired key: handled (true) or not ours (false). */
  absorb(key: string, res: SipMessage): boolean {
    if (!this.has(key)) return false;
    const h = this.#handlers.get(key);
    if (h !== undefined && h.ends > performance.now()) h.fn(res);
    return true;
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
    for (const [ms, gens] of this.#byDuration) {
      let drop = 0;
      while (drop < gens.length && gens[drop]!.ends <= now) {
        this.#size -= gens[drop]!.count;
        drop++;
      }
      if (drop > 0) gens.splice(0, drop);
      if (gens.length === 0) this.#byDuration.delete(ms);
      else next = Math.min(next, gens[0]!.ends);
    }
    for (const [key, h] of this.#handlers) if (h.ends <= now) this.#handlers.delete(key);
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
