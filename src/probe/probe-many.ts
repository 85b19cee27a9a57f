/**
 * Probes many endpoints concurrently with a bound (a slow endpoint holds one slot, not the
 * others), reporting progress as each finishes. Results come back in the input order.
 */
import { setMaxListeners } from 'node:events';
import { withDeadline } from './deadline.js';
import { Semaphore } from './semaphore.js';
import type { ProbeLogger, ProbeModuleSettings, ProbeResult, ProbeTarget } from './types.js';
import { probeTarget, type ProberTable } from './run-probe.js';

export async function probeMany(
  targets: readonly { target: ProbeTarget; dnsLookupSeconds: number }[],
  module: ProbeModuleSettings,
  probers: ProberTable,
  opts: { concurrency: number; signal: AbortSignal; logger: ProbeLogger; onDone?: (done: number, total: number, r: ProbeResult) => void },
): Promise<ProbeResult[]> {
  const sem = new Semaphore(Math.max(1, opts.concurrency));
  setMaxListeners(0, opts.signal);
  let done = 0;
  return Promise.all(
    targets.map(async ({ target, dnsLookupSeconds }) => {
      const release = await sem.acquire();
      try {
        const r = await withDeadline(opts.signal, module.timeoutMs + 1000, (signal) => probeTarget(target, module, probers, signal, opts.logger));
        const result = { ...r, dnsLookupSeconds: r.dnsLookupSeconds + dnsLookupSeconds };
        done++;
        opts.onDone?.(done, targets.length, result);
        return result;
      } finally {
        release();
      }
    }),
  );
}
