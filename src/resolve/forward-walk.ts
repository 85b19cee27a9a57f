import type { ForwardEntry } from '../model/types.js';
import { isSiptrunkError } from '../util/siptrunk-error.js';
import type { EndpointAvailability } from './endpoint-availability.js';
import { withFailover, type AttemptFn, type AttemptRecord } from './failover.js';
import type { Resolution } from './resolve-target.js';

/** Why an entry did or did not take the call. */
export type ForwardOutcome =
  /** A final answer other than 5xx: this entry takes the call. */
  | 'answered'
  /** A 5xx final answer: the carrier moves on ("Calls failover for the whole 5xx class"). */
  | 'server-error'
  /** No final answer within the entry's ;timeout=. */
  | 'timeout'
  | 'transport-error'
  | 'tls-error'
  /** The host did not resolve to any address. */
  | 'dns-error';

export interface ForwardAttempt {
  index: number;
  uri: string;
  outcome: ForwardOutcome;
  /** Final status, when one came. */
  status: number | undefined;
  reason: string | undefined;
  elapsedMs: number;
  /** The entry's ;timeout= (or the carrier default), ms. */
  timeoutMs: number;
  /** The address that gave the outcome, when there was one. */
  address: string | undefined;
  port: number | undefined;
  transport: ForwardEntry['transport'];
  /** Plain words: why this entry took the call or why the walk moved on. */
  why: string;
  /** Each address tried for this entry (RFC 3263 failover within the entry). */
  tries: AttemptRecord[];
}

export interface ForwardWalkResult {
  selected: { index: number; uri: string } | null;
  attempts: ForwardAttempt[];
  elapsedMs: number;
}

export interface ForwardWalkOptions {
  /** Resolves an entry into addresses (RFC 3263). */
  resolve: (entry: ForwardEntry) => Promise<Resolution>;
  /** Sends the request (OPTIONS or INVITE) to one address. */
  attempt: AttemptFn;
  availability?: EndpointAvailability;
  now?: () => number;
  onEntry?: (a: ForwardAttempt) => void;
}

/**
 * Walks a forward-to-SIP list as the carrier does ("the call is initially forwarded to the first
 * endpoint in the list. If this fails, the call is forwarded to the second endpoint in the list,
 * and so on. Calls failover for the whole 5xx class"): entry 0 first; a 5xx, a transport error
 * or no final answer within the entry's ;timeout= moves to the next; the first other final
 * answer (2xx, 3xx, 4xx, 6xx) takes the call.
 *
 * Within one entry the entry's addresses are tried in RFC 3263 order with the entry's timeout
 * as the budget for all of them together, as the carrier's timer runs per entry.
 * Falls short: the carrier's own behaviour on 3xx (whether it follows redirects) is not
 * documented; a 3xx is taken here as the entry's final answer.
 */
export async function walkForwardList(entries: readonly ForwardEntry[], opts: ForwardWalkOptions): Promise<ForwardWalkResult> {
  const now = opts.now ?? (() => performance.now());
  const start = now();
  const attempts: ForwardAttempt[] = [];
  for (const entry of [...entries].sort((a, b) => a.index - b.index)) {
    const t0 = now();
    const base = { index: entry.index, uri: entry.uri, timeoutMs: entry.timeoutMs, transport: entry.transport };
    let res: Resolution;
    try {
      res = await opts.resolve(entry);
    } catch (err) {
      if (!isSiptrunkError(err)) throw err;
      const a: ForwardAttempt = {
        ...base, outcome: 'dns-error', status: undefined, reason: undefined, elapsedMs: Math.round(now() - t0),
        address: undefined, port: undefined, tries: [], why: `${err.code}: ${err.message}`,
      };
      attempts.push(a);
      opts.onEntry?.(a);
      continue;
    }
    if (res.plan.length === 0) {
      const dnsErrors = [res.tree.naptr, ...res.tree.srv, ...res.tree.addresses].flatMap((s) => (s?.error ? [s.error.message] : []));
      const a: ForwardAttempt = {
        ...base, outcome: 'dns-error', status: undefined, reason: undefined, elapsedMs: Math.round(now() - t0),
        address: undefined, port: undefined, tries: [],
        why: `${entry.host} did not resolve to any address${dnsErrors.length ? ` (${dnsErrors.join('; ')})` : ''}`,
      };
      attempts.push(a);
      opts.onEntry?.(a);
      continue;
    }
    const remaining = entry.timeoutMs - (now() - t0);
    const fo = await withFailover(res.plan, opts.attempt, {
      attemptTimeoutMs: Math.max(1, remaining),
      deadlineMs: Math.max(1, remaining),
      ...(opts.availability ? { availability: opts.availability } : {}),
      now,
    });
    const elapsedMs = Math.round(now() - t0);
    const last = fo.answered ?? [...fo.attempts].reverse().find((r) => r.outcome !== 'skipped-retry-after') ?? fo.attempts[fo.attempts.length - 1];
    const a = classify(entry, fo.answered, last, fo.attempts, elapsedMs);
    attempts.push(a);
    opts.onEntry?.(a);
    if (a.outcome === 'answered') return { selected: { index: entry.index, uri: entry.uri }, attempts, elapsedMs: Math.round(now() - start) };
  }
  return { selected: null, attempts, elapsedMs: Math.round(now() - start) };
}

function classify(
  entry: ForwardEntry,
  answered: AttemptRecord | undefined,
  last: AttemptRecord | undefined,
  tries: AttemptRecord[],
  elapsedMs: number,
): ForwardAttempt {
  const where = last ? { address: last.address, port: last.port } : { address: undefined, port: undefined };
  const base = { index: entry.index, uri: entry.uri, timeoutMs: entry.timeoutMs, transport: entry.transport, elapsedMs, tries, ...where };
  const status = last?.status;
  const reason = last?.reason;
  const st = status === undefined ? '' : `${status}${reason ? ` ${reason}` : ''}`;
  if (answered && answered.status !== undefined && (answered.status < 500 || answered.status >= 600)) {
    return { ...base, outcome: 'answered', status, reason, why: `answered ${st} after ${elapsedMs} ms: this entry takes the call` };
  }
  if (status !== undefined && status >= 500 && status < 600) {
    return { ...base, outcome: 'server-error', status, reason, why: `answered ${st} after ${elapsedMs} ms: a 5xx moves the call to the next entry` };
  }
  switch (last?.outcome) {
    case 'transport-error':
    case 'tls-error':
      return { ...base, outcome: last.outcome, status: undefined, reason: undefined, why: `${last.outcome === 'tls-error' ? 'TLS handshake failed' : 'transport error'} after ${elapsedMs} ms (${last.error ?? 'no detail'})` };
    case 'skipped-retry-after':
      return { ...base, outcome: 'server-error', status: 503, reason: undefined, why: `every address is out of service after an earlier 503 Retry-After (until ${last.retryAt ?? '?'})` };
    default:
      return { ...base, outcome: 'timeout', status: undefined, reason: undefined, why: `no final answer within the entry's timeout of ${entry.timeoutMs} ms` };
  }
}
