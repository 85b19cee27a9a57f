/** Human output of probe results: one line per endpoint. */
import type { ProbeResult } from './types.js';

export function formatResultLine(r: ProbeResult): string {
  const state = r.success ? 'UP  ' : 'DOWN';
  const status = r.status !== undefined ? `${r.status}${r.reason ? ` ${r.reason}` : ''}` : r.outcome;
  const rtt = r.rttMs !== undefined ? `${r.rttMs.toFixed(1)} ms` : '-';
  const auth = r.auth === 'none' ? 'no auth' : `auth ${r.auth}${r.algorithm ? ` ${r.algorithm}` : ''}`;
  const tls = r.tls ? `  ${r.tls.version ?? '?'} ${r.tls.cipher ?? '?'}, cert ${r.tls.certDaysLeft !== undefined ? `${Math.floor(r.tls.certDaysLeft)} days left` : 'unknown'}` : '';
  const role = (r.role ?? 'target').padEnd(7);
  const where = `${r.endpoint}/${r.transport}${r.address && !r.endpoint.startsWith(r.address) ? ` (${r.address})` : ''}`;
  const err = !r.success && r.error ? `  ${r.error}` : '';
  return `${state} ${role} ${where.padEnd(36)} ${status.padEnd(18)} ${rtt.padStart(9)}  ${auth}${tls}${err}`;
}
