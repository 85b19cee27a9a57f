/** Builders for ProbeResult values. */
import type { ProbeOutcome, ProbeResult, ProbeTarget } from './types.js';

export function endpointOf(t: Pick<ProbeTarget, 'host' | 'port'>): string {
  return t.host.includes(':') ? `[${t.host}]:${t.port}` : `${t.host}:${t.port}`;
}

export function failedResult(
  t: ProbeTarget,
  opts: { outcome: ProbeOutcome; error: string; at?: string; durationSeconds?: number; dnsLookupSeconds?: number },
): ProbeResult {
  return {
    target: t.name,
    endpoint: endpointOf(t),
    transport: t.transport,
    role: t.role,
    address: t.address,
    success: false,
    outcome: opts.outcome,
    status: undefined,
    reason: undefined,
    rttMs: undefined,
    durationSeconds: opts.durationSeconds ?? 0,
    dnsLookupSeconds: opts.dnsLookupSeconds ?? 0,
    auth: 'none',
    algorithm: undefined,
    tls: undefined,
    error: opts.error,
    at: opts.at ?? new Date().toISOString(),
  };
}
