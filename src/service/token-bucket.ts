/**
 * Per-client token buckets, used to rate-limit failed authentications by client IP. Each
 * failure takes a token; a client with an empty bucket gets 429 until tokens refill. Buckets
 * that are full again are dropped, and the map is capped, so a spray of addresses cannot grow
 * memory without bound (the oldest bucket is evicted first).
 */
export interface TokenBucketOptions {
  /** Tokens a client starts with (failures allowed in a burst). */
  burst: number;
  /** Tokens added per second. */
  refillPerSecond: number;
  /** Most clients tracked at once. */
  maxClients?: number;
}

interface Bucket {
  tokens: number;
  updated: number;
}

export class TokenBuckets {
  readonly #opts: Required<TokenBucketOptions>;
  readonly #buckets = new Map<string, Bucket>();

  constructor(opts: TokenBucketOptions) {
    this.#opts = { maxClients: 10_000, ...opts };
  }

  #refilled(client: string, now: number): Bucket {
    const b = this.#buckets.get(client);
    if (!b) return { tokens: this.#opts.burst, updated: now };
    const tokens = Math.min(this.#opts.burst, b.tokens + ((now - b.updated) / 1000) * this.#opts.refillPerSecond);
    return { tokens, updated: now };
  }

  /** Whether the client still has at least one token (may try to authenticate). */
  allowed(client: string, now = Date.now()): boolean {
    return this.#refilled(client, now).tokens >= 1;
  }

  /** Seconds until the client has a token again (0 when it has one). */
  retryAfterSeconds(client: string, now = Date.now()): number {
    const b = this.#refilled(client, now);
    if (b.tokens >= 1) return 0;
    return Math.ceil((1 - b.tokens) / this.#opts.refillPerSecond);
  }

  /** Records a failure: takes one token. */
  take(client: string, now = Date.now()): void {
    const b = this.#refilled(client, now);
    b.tokens = Math.max(0, b.tokens - 1);
    this.#buckets.delete(client);
    this.#buckets.set(client, b);
    while (this.#buckets.size > this.#opts.maxClients) {
      const oldest = this.#buckets.keys().next().value as string;
      this.#buckets.delete(oldest);
    }
  }

  /** Forgets buckets that have refilled completely. */
  prune(now = Date.now()): void {
    for (const [client] of this.#buckets) {
      if (this.#refilled(client, now).tokens >= this.#opts.burst) this.#buckets.delete(client);
    }
  }

  get size(): number {
    return this.#buckets.size;
  }
}
