/**
 * Transactions in their waiting states — Completed (Timer K or D) and Accepted (Timer M,
 * RFC 6026) — only absorb retransmitted responses until a timer ends them. Holding the whole
 * transaction (request, wire bytes, response, a timer) for those 5 to 32 seconds is what made
 * a busy client slow: at 3,000 OPTIONS/s, 15,000 transactions sat in Completed, promoted to the
 * old generation and dragged every garbage collection.
 *
 * So a transaction that enters such a state is retired here and keeps nothing but its key: a
 * map from key to the time it ends, and — only for the INVITE states, which must act on a
 * retransmission (re-send the ACK, tell the UA about a 2xx again) — a handler that holds only
 * what it needs. No object is made per retired key: at 30,000 transactions/s and T4 = 5 s,
 * 150,000 keys wait here at once. The transaction works out for itself when its state turns
 * to `terminated` (ClientTransaction.state). One queue per duration (so each queue is in
 * expiry order, kept as two parallel arrays) and one timer for the earliest expiry replace a
 * timer per transaction.
 */
import type { SipMessage } from '../message.js';

type Handler = (res: SipMessage) => void;

/** A FIFO of keys with the same duration, hence in expiry order. */
interface Queue {
  keys: string[];
  expires: number[];
  head: number;
}

export class RetiredTransactions {
  readonly #queues = new Map<number, Queue>();
  /** key -> the time (performance.now()) it stops absorbing. */
  readonly #until = new Map<string, number>();
  readonly #handlers = new Map<string, Handler>();
  #timer: NodeJS.Timeout | undefined;
  #timerAt = Infinity;

  get size(): number {
    return this.#until.size;
  }

  has(key: string): boolean {
    return this.#until.has(key);
  }

  /** Keeps `key` absorbing responses for `ms`; `onResponse` sees each one. */
  add(key: string, ms: number, onResponse?: Handler): void {
    const expires = performance.now() + ms;
    let q = this.#queues.get(ms);
    if (!q) this.#queues.set(ms, (q = { keys: [], expires: [], head: 0 }));
    q.keys.push(key);
    q.expires.push(expires);
    this.#until.set(key, expires);
    if (onResponse) this.#handlers.set(key, onResponse);
    else this.#handlers.delete(key);
    if (expires < this.#timerAt || !this.#timer) this.#schedule(expires);
  }

  /** A response for a retired key: handled (true) or not ours (false). */
  absorb(key: string, res: SipMessage): boolean {
    if (!this.#until.has(key)) return false;
    this.#handlers.get(key)?.(res);
    return true;
  }

  delete(key: string): void {
    this.#until.delete(key);
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
    for (const [ms, q] of this.#queues) {
      const { keys, expires } = q;
      while (q.head < keys.length) {
        const at = expires[q.head]!;
        if (at > now) {
          next = Math.min(next, at);
          break;
        }
        const key = keys[q.head]!;
        q.head++;
        // A key deleted, or retired again since (a later time), is not this entry's to end.
        if (this.#until.get(key) === at) {
          this.#until.delete(key);
          this.#handlers.delete(key);
        }
      }
      if (q.head === keys.length) this.#queues.delete(ms);
      else if (q.head > 4096 && q.head * 2 > keys.length) {
        // Drop the consumed front now and then so the arrays do not grow for ever.
        q.keys = keys.slice(q.head);
        q.expires = expires.slice(q.head);
        q.head = 0;
      }
    }
    if (next !== Infinity) this.#schedule(next);
  }

  /** Forgets every retired key now (client closing). */
  clear(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#timerAt = Infinity;
    this.#until.clear();
    this.#handlers.clear();
    this.#queues.clear();
  }
}
