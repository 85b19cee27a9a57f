/** A counting semaphore: at most `limit` holders; the rest wait in FIFO order. */
interface Waiter {
  resolve: () => void;
  reject: (e: unknown) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

export class Semaphore {
  #free: number;
  readonly #waiting: Waiter[] = [];

  constructor(readonly limit: number) {
    this.#free = limit;
  }

  /** Waits for a slot; rejects if `signal` aborts first. Call the returned function to release. */
  acquire(signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.#free > 0) {
      this.#free--;
      return Promise.resolve(this.#releaser());
    }
    return new Promise((resolve, reject) => {
      const w: Waiter = { resolve: () => resolve(this.#releaser()), reject, ...(signal ? { signal } : {}) };
      if (signal) {
        w.onAbort = () => {
          const i = this.#waiting.indexOf(w);
          if (i >= 0) this.#waiting.splice(i, 1);
          reject(signal.reason);
        };
        signal.addEventListener('abort', w.onAbort, { once: true });
      }
      this.#waiting.push(w);
    });
  }

  #releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.#waiting.shift();
      if (next) {
        if (next.signal && next.onAbort) next.signal.removeEventListener('abort', next.onAbort);
        next.resolve();
      } else {
        this.#free++;
      }
    };
  }

  get waiting(): number {
    return this.#waiting.length;
  }
  get inUse(): number {
    return this.limit - this.#free;
  }
}
