/**
 * A signal that aborts when `parent` aborts or after `ms`, whichever comes first, and that
 * leaves nothing behind once `dispose()` is called: the timer is cleared and the listener on the
 * parent removed. (AbortSignal.any with AbortSignal.timeout keeps a timer alive until it fires
 * and builds a DOMException then, for every probe, long after the probe has finished.)
 */
export interface Deadline {
  signal: AbortSignal;
  dispose(): void;
}

export function deadline(parent: AbortSignal | undefined, ms: number): Deadline {
  const ac = new AbortController();
  if (parent?.aborted) {
    ac.abort(parent.reason);
    return { signal: ac.signal, dispose() {} };
  }
  const onAbort = () => ac.abort(parent?.reason);
  parent?.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => ac.abort(new Error(`deadline of ${ms} ms passed`)), ms);
  return {
    signal: ac.signal,
    dispose() {
      clearTimeout(timer);
      parent?.removeEventListener('abort', onAbort);
    },
  };
}

/** Runs `fn` with a deadline signal and disposes of it afterwards. */
export async function withDeadline<T>(parent: AbortSignal | undefined, ms: number, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const d = deadline(parent, ms);
  try {
    return await fn(d.signal);
  } finally {
    d.dispose();
  }
}
