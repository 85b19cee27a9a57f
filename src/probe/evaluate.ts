/**
 * The Nagios/Icinga evaluation of a set of probe results (Nagios Plugin Guidelines, "Plugin
 * Return Codes"): 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.
 *
 * - CRITICAL: no carrier endpoint answers (or, for --target, the target does not); an
 *   authentication failed; an answering endpoint's RTT is over the critical threshold; every
 *   forward-to-SIP entry fails (inbound calls would have nowhere to go).
 * - WARNING: a primary endpoint is down while a backup answers (degraded); with --target over
 *   several transports, some of them fail; an RTT is over the warning threshold; a TLS
 *   certificate expires within 14 days; some forward-to-SIP entries fail.
 * - OK otherwise.
 * UNKNOWN (bad arguments, unreadable model) is decided before any probe runs, by the caller.
 */
import type { ProbeResult } from './types.js';

export const NAGIOS = { OK: 0, WARNING: 1, CRITICAL: 2, UNKNOWN: 3 } as const;
export type NagiosStatus = (typeof NAGIOS)[keyof typeof NAGIOS];
export const NAGIOS_NAMES = ['OK', 'WARNING', 'CRITICAL', 'UNKNOWN'] as const;

export const CERT_WARN_DAYS = 14;

export interface Thresholds {
  warnRttMs: number | undefined;
  critRttMs: number | undefined;
}

export interface Evaluation {
  status: NagiosStatus;
  /** Why, most severe first. */
  reasons: string[];
  answered: number;
  total: number;
  /** Highest RTT among answering endpoints (ms). */
  maxRttMs: number | undefined;
  minCertDaysLeft: number | undefined;
}

function label(r: ProbeResult): string {
  return `${r.endpoint}/${r.transport}`;
}

export function evaluate(results: readonly ProbeResult[], t: Thresholds): Evaluation {
  const crit: string[] = [];
  const warn: string[] = [];
  const carrier = results.filter((r) => r.role !== 'forward');
  const forward = results.filter((r) => r.role === 'forward');
  const ok = (r: ProbeResult) => r.success;

  for (const r of results.filter((x) => x.auth === 'failed' || x.outcome === 'auth-failed')) {
    crit.push(`authentication failed at ${label(r)}${r.status ? ` (${r.status})` : ''}`);
  }
  if (carrier.length > 0 && !carrier.some(ok)) crit.push(`no endpoint answers (${carrier.length} tried)`);
  if (forward.length > 0 && !forward.some(ok)) crit.push(`no forward-to-SIP entry answers (${forward.length} tried)`);

  const primaries = carrier.filter((r) => r.role === 'primary');
  const backups = carrier.filter((r) => r.role === 'backup');
  const downPrimaries = primaries.filter((r) => !ok(r));
  if (downPrimaries.length > 0 && backups.some(ok)) {
    warn.push(`degraded: primary ${downPrimaries.map(label).join(', ')} down, a backup answers`);
  } else if (downPrimaries.length > 0 && primaries.some(ok)) {
    warn.push(`degraded: primary ${downPrimaries.map(label).join(', ')} down`);
  }
  const targets = carrier.filter((r) => r.role === 'target' || r.role === undefined);
  const downTargets = targets.filter((r) => !ok(r));
  if (downTargets.length > 0 && targets.some(ok)) warn.push(`degraded: ${downTargets.map(label).join(', ')} down`);
  const downForward = forward.filter((r) => !ok(r));
  if (downForward.length > 0 && forward.some(ok)) warn.push(`forward-to-SIP ${downForward.map((r) => r.target).join(', ')} down`);

  let maxRtt: number | undefined;
  for (const r of results.filter(ok)) {
    if (r.rttMs === undefined) continue;
    maxRtt = Math.max(maxRtt ?? 0, r.rttMs);
    if (t.critRttMs !== undefined && r.rttMs > t.critRttMs) crit.push(`rtt ${r.rttMs.toFixed(1)} ms at ${label(r)} over ${t.critRttMs} ms`);
    else if (t.warnRttMs !== undefined && r.rttMs > t.warnRttMs) warn.push(`rtt ${r.rttMs.toFixed(1)} ms at ${label(r)} over ${t.warnRttMs} ms`);
  }
  let minDays: number | undefined;
  for (const r of results) {
    const d = r.tls?.certDaysLeft;
    if (d === undefined) continue;
    minDays = Math.min(minDays ?? Infinity, d);
    if (d < CERT_WARN_DAYS) warn.push(`TLS certificate of ${label(r)} expires in ${Math.floor(d)} days`);
  }
  const status: NagiosStatus = crit.length > 0 ? NAGIOS.CRITICAL : warn.length > 0 ? NAGIOS.WARNING : NAGIOS.OK;
  return {
    status,
    reasons: [...crit, ...warn],
    answered: results.filter(ok).length,
    total: results.length,
    maxRttMs: maxRtt,
    minCertDaysLeft: minDays,
  };
}

/**
 * One Nagios status line with performance data (Nagios Plugin Guidelines, "Performance data":
 * 'label'=value[UOM];[warn];[crit];[min];[max]).
 */
export function nagiosLine(e: Evaluation, t: Thresholds): string {
  const name = NAGIOS_NAMES[e.status];
  const head = e.reasons.length > 0 ? e.reasons.join('; ') : `${e.answered}/${e.total} endpoints answer`;
  const rtt = e.maxRttMs === undefined ? 'U' : `${e.maxRttMs.toFixed(3)}`;
  const perf = [
    `rtt=${rtt}ms;${t.warnRttMs ?? ''};${t.critRttMs ?? ''};0;`,
    `answered=${e.answered};;;0;${e.total}`,
    ...(e.minCertDaysLeft !== undefined ? [`cert_days=${Math.floor(e.minCertDaysLeft)};${CERT_WARN_DAYS};;;`] : []),
  ];
  return `SIP ${name} - ${head} | ${perf.join(' ')}`;
}
