/**
 * Up/down state of one target with hysteresis: `down` consecutive failures mark it down, `up`
 * consecutive successes mark it up, so one lost datagram does not page anyone (the same idea
 * as Kamailio dispatcher's ds_probing_threshold / ds_inactive_threshold). A new target is
 * `unknown` until one of the thresholds is reached.
 */
import type { ProbeResult } from '../probe/types.js';
import type { Thresholds } from './config.js';

export type TargetHealth = 'unknown' | 'up' | 'down';

export interface TargetSnapshot {
  name: string;
  target: string;
  module: string;
  state: TargetHealth;
  /** ISO time of the last state change. */
  since: string | undefined;
  consecutiveFailures: number;
  consecutiveSuccesses: number;
  thresholds: Thresholds;
  last: ProbeResult | undefined;
  history: ProbeResult[];
  transitions: { at: string; from: TargetHealth; to: TargetHealth }[];
}

export class TargetState {
  state: TargetHealth = 'unknown';
  since: string | undefined;
  consecutiveFailures = 0;
  consecutiveSuccesses = 0;
  readonly history: ProbeResult[] = [];
  readonly transitions: { at: string; from: TargetHealth; to: TargetHealth }[] = [];

  constructor(
    readonly name: string,
    readonly target: string,
    readonly module: string,
    readonly thresholds: Thresholds,
    readonly historySize: number,
  ) {}

  /** Feeds one result; returns the new state when it changed. */
  update(r: ProbeResult): TargetHealth | undefined {
    this.history.push(r);
    while (this.history.length > this.historySize) this.history.shift();
    if (r.success) {
      this.consecutiveSuccesses++;
      this.consecutiveFailures = 0;
    } else {
      this.consecutiveFailures++;
      this.consecutiveSuccesses = 0;
    }
    let next: TargetHealth = this.state;
    if (this.state !== 'up' && this.consecutiveSuccesses >= this.thresholds.up) next = 'up';
    if (this.state !== 'down' && this.consecutiveFailures >= this.thresholds.down) next = 'down';
    if (next === this.state) return undefined;
    const at = r.at;
    this.transitions.push({ at, from: this.state, to: next });
    while (this.transitions.length > this.historySize) this.transitions.shift();
    this.state = next;
    this.since = at;
    return next;
  }

  snapshot(): TargetSnapshot {
    return {
      name: this.name,
      target: this.target,
      module: this.module,
      state: this.state,
      since: this.since,
      consecutiveFailures: this.consecutiveFailures,
      consecutiveSuccesses: this.consecutiveSuccesses,
      thresholds: this.thresholds,
      last: this.history[this.history.length - 1],
      history: [...this.history],
      transitions: [...this.transitions],
    };
  }
}
