/**
 * The probe scheduler: each target runs on its own timer (interval plus random jitter, so a
 * thousand targets do not fire in the same millisecond), at most `concurrency` probes are in
 * flight, and a probe that has not finished when its next turn comes makes that turn skip
 * (counted), so a slow target delays nobody but itself. Every probe has an AbortSignal: on
 * stop, scheduling ends at once, in-flight probes get `graceMs` to finish, then are aborted.
 */
import { setMaxListeners } from 'node:events';
import type { ProbeResult } from '../probe/types.js';
import type { ServiceTarget, ProbeModule } from './config.js';
import { withDeadline } from '../probe/deadline.js';
import { Semaphore } from '../probe/semaphore.js';
import { TargetState, type TargetHealth } from './target-state.js';

export type ProbeRunner = (target: ServiceTarget, module: ProbeModule, signal: AbortSignal) => Promise<ProbeResult>;

export interface SchedulerOptions {
  targets: ServiceTarget[];
  modules: Record<string, ProbeModule>;
  run: ProbeRunner;
  concurrency: number;
  history: number;
  onResult?: (r: ProbeResult, state: TargetState, changed: TargetHealth | undefined) => void;
  /** Random source for jitter (tests make it deterministic). */
  random?: () => number;
}

interface Entry {
  target: ServiceTarget;
  module: ProbeModule;
  state: TargetState;
  timer: NodeJS.Timeout | undefined;
  inFlight: Promise<void> | undefined;
  skipped: number;
}

export class Scheduler {
  readonly #opts: SchedulerOptions;
  readonly #entries = new Map<string, Entry>();
  readonly #sem: Semaphore;
  readonly #abort = new AbortController();
  #running = false;
  #started = false;

  constructor(opts: SchedulerOptions) {
    this.#opts = opts;
    this.#sem = new Semaphore(opts.concurrency);
    // Every probe in flight listens on the scheduler's stop signal.
    setMaxListeners(0, this.#abort.signal);
    for (const t of opts.targets) {
      const module = opts.modules[t.module];
      if (!module) throw new Error(`scheduler: target ${t.name} names unknown module ${t.module}`);
      this.#entries.set(t.name, {
        target: t,
        module,
        state: new TargetState(t.name, t.target, t.module, t.thresholds, opts.history),
        timer: undefined,
        inFlight: undefined,
        skipped: 0,
      });
    }
  }

  get running(): boolean {
    return this.#running;
  }
  /** True once every target has been probed at least once (readiness). */
  get primed(): boolean {
    for (const e of this.#entries.values()) if (e.state.history.length === 0) return false;
    return this.#started;
  }

  states(): TargetState[] {
    return [...this.#entries.values()].map((e) => e.state);
  }

  state(name: string): TargetState | undefined {
    return this.#entries.get(name)?.state;
  }

  skipped(name: string): number {
    return this.#entries.get(name)?.skipped ?? 0;
  }

  #jitter(m: ProbeModule): number {
    const r = this.#opts.random ?? Math.random;
    return m.jitterMs > 0 ? (r() * 2 - 1) * m.jitterMs : 0;
  }

  start(): void {
    if (this.#started) return;
    this.#started = true;
    this.#running = true;
    const r = this.#opts.random ?? Math.random;
    for (const e of this.#entries.values()) {
      // The first turns are spread evenly over one interval, so a thousand targets make a steady
      // stream of probes rather than a burst that would overflow socket buffers (and lose
      // datagrams to retransmission timers) on start.
      this.#schedule(e, r() * e.module.intervalMs);
    }
  }

  #schedule(e: Entry, delayMs: number): void {
    if (!this.#running) return;
    e.timer = setTimeout(() => this.#tick(e), Math.max(0, delayMs));
  }

  #tick(e: Entry): void {
    e.timer = undefined;
    if (!this.#running) return;
    this.#schedule(e, e.module.intervalMs + this.#jitter(e.module));
    if (e.inFlight) {
      e.skipped++;
      return;
    }
    e.inFlight = this.#probe(e).finally(() => {
      e.inFlight = undefined;
    });
  }

  async #probe(e: Entry): Promise<void> {
    let release: (() => void) | undefined;
    try {
      release = await this.#sem.acquire(this.#abort.signal);
    } catch {
      return;
    }
    try {
      const result = await withDeadline(this.#abort.signal, e.module.timeoutMs + 1000, (signal) => this.#opts.run(e.target, e.module, signal));
      if (this.#abort.signal.aborted && result.outcome === 'aborted') return;
      const changed = e.state.update(result);
      this.#opts.onResult?.(result, e.state, changed);
    } finally {
      release();
    }
  }

  /**
   * Stops scheduling at once; waits up to `graceMs` for in-flight probes, then aborts them and
   * waits for them to settle. Resolves with how many were aborted.
   */
  async stop(graceMs: number): Promise<{ aborted: number }> {
    this.#running = false;
    for (const e of this.#entries.values()) {
      if (e.timer) clearTimeout(e.timer);
      e.timer = undefined;
    }
    const pending = () => [...this.#entries.values()].map((e) => e.inFlight).filter((p): p is Promise<void> => p !== undefined);
    const first = pending();
    if (first.length === 0) {
      this.#abort.abort(new Error('scheduler stopped'));
      return { aborted: 0 };
    }
    let timer: NodeJS.Timeout | undefined;
    const graceOver = new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), graceMs)));
    const outcome = await Promise.race([Promise.allSettled(first).then(() => 'done' as const), graceOver]);
    clearTimeout(timer);
    const left = pending().length;
    this.#abort.abort(new Error('scheduler stopped'));
    if (outcome === 'timeout') await Promise.allSettled(pending());
    return { aborted: outcome === 'timeout' ? left : 0 };
  }
}
