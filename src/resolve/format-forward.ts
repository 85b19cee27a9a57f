import type { ForwardWalkResult } from './forward-walk.js';

/** The walk as the JSON `siptrunk forward --json` prints. */
export function forwardJson(r: ForwardWalkResult, method: 'options' | 'invite'): Record<string, unknown> {
  return {
    ok: r.selected !== null,
    method,
    selected: r.selected,
    attempts: r.attempts.map((a) => ({
      index: a.index,
      uri: a.uri,
      outcome: a.outcome,
      status: a.status ?? null,
      reason: a.reason ?? null,
      elapsedMs: a.elapsedMs,
      timeoutMs: a.timeoutMs,
      address: a.address ?? null,
      port: a.port ?? null,
      transport: a.transport,
      why: a.why,
      tries: a.tries,
    })),
    elapsedMs: r.elapsedMs,
  };
}

/** Which entry takes the call, and why each earlier one did not. */
export function formatForward(r: ForwardWalkResult, method: 'options' | 'invite', total: number): string {
  const out: string[] = [`Forward-to-SIP walk with ${method.toUpperCase()}, ${total} ${total === 1 ? 'entry' : 'entries'} (next entry on 5xx, transport error or timeout):`];
  for (const a of r.attempts) {
    const where = a.address ? ` [${a.transport.toUpperCase()} ${a.address.includes(':') ? `[${a.address}]` : a.address}:${a.port}]` : '';
    out.push(`  ${a.index + 1}. ${a.uri}${where}: ${a.why}`);
  }
  const untried = total - r.attempts.length;
  if (r.selected) {
    out.push(`Entry ${r.selected.index + 1} (${r.selected.uri}) takes the call${untried > 0 ? `; ${untried} later ${untried === 1 ? 'entry is' : 'entries are'} not tried` : ''}.`);
  } else {
    out.push('No entry takes the call: the carrier would fail it.');
  }
  return out.join('\n') + '\n';
}
