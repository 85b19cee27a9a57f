/**
 * Transactions in their waiting states — Completed (Timer K or D) and Accepted (Timer M,
 * RFC 6026) — only absorb retransmitted responses until a timer ends them. Holding the whole
 * transaction (request, wire bytes, response, a timer) for those 5 to 32 seconds is what made
 * a busy client slow: at 3,000 OPTIONS/s, 15,000 transactions sat in Completed, promoted to the
 * old generation and dragged every garbage collection.
 *
 * So a transaction that enters such a state is retired here: its key, the time it ends, an
 * optional handler for retransmissions (re-send the ACK, tell the UA about a 2xx again) that
 * holds only what it needs, and the transaction's small status box so that its `state` still
 * turns to `terminated` when the timer would have fired. One queue per duration (so each queue is in
 * expiry order) and one timer for the earliest expiry replace a timer per transaction.
 */
import type { SipMessage } from '../message.js';

export interface Retirable {
  /** Called when the waiting timer would have fired (sets the state to terminated). */
  expire(): void;
}

interface Entry {
  key: string;
  expires: number;
  onResponse: ((res: SipMessage) => void) | undefined;
  status: Retirable;
  /** Removed early (delete/clear): skipped when its queue reaches it. */
  dead: boolean;
}

/** A FIFO of entries with the same duration, hence in expiry order. */
interface Queue {
  items: Entry[];
  head: number;
}

export class RetiredTransactions {
  readonly #queues = new Map<number, Queue>();
  readonly #byKey = new Map<string, Entry>();
  #timer: NodeJS.Timeout | undefined;
  #timerAt = Infinity;

  get size(): number {
    return this.#byKey.size;
  }

  has(key: string): boolean {
    return this.#byKey.has(key);
  }

  /** Keeps `key` absorbing responses for `ms`; `onResponse` sees each one. */
  add(key: string, ms: number, status: Retirable, onResponse?: (res: SipMessage) => void): void {
    const old = this.#byKey.get(key);
    if (old) old.dead = true;
    const entry: Entry = { key, expires: performance.now() + ms, onResponse, status, dead: false };
    let q = this.#queues.get(ms);
    if (!q) this.#queues.set(ms, (q = { items: [], head: 0 }));
    q.items.push(entry);
    this.#byKey.set(key, entry);
    this.#schedule(entry.expires);
  }

  /** A response for a retired key: handled (true) or not ours (false). */
  absorb(key: string, res: SipMessage): boolean {
    const e = this.#byKey.get(key);
    if (!e) return false;
    e.onResponse?.(res);
    return true;
  }

  delete(key: string): void {
    const e = this.#byKey.get(key);
    if (!e) return;
    e.dead = true;
    this.#byKey.delete(key);
  }

  #schedule(at: number): void {
    if (at >= this.#timerAt && this.#timer) return;
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
      const items = q.items;
      while (q.head < items.length) {
        const e = items[q.head]!;
        if (!e.dead && e.expires > now) {
          next = Math.min(next, e.expires);
          break;
        }
        q.head++;
        if (e.dead) continue;
        this.#byKey.delete(e.key);
        e.status.expire();
      }
      if (q.head === items.length) this.#queues.delete(ms);
      else if (q.head > 1024 && q.head * 2 > items.length) {
        // Drop the consumed front now and then so the array does not grow for ever.
        q.items = items.slice(q.head);
        q.head = 0;
      }
    }
    if (next !== Infinity) this.#schedule(next);
  }

  /** Ends every retired transaction now (client closing). */
  clear(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#timerAt = Infinity;
    for (const e of this.#byKey.values()) e.status.expire();
    this.#byKey.clear();
    this.#queues.clear();
  }
}
