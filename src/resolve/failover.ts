import { isSiptrunkError } from '../util/siptrunk-error.js';
import { EndpointAvailability, defaultAvailability } from './endpoint-availability.js';
import type { PlanEntry } from './plan.js';

/** What one attempt against one plan entry gave, as the attempt function reports it. */
export type AttemptResult =
  /** A final response (any status). */
  | { kind: 'response'; status: number; reason?: string; retryAfterSeconds?: number }
  /** No final response within the time allowed. */
  | { kind: 'timeout'; error?: string }
  /** The request could not be sent or the connection failed (refused, reset, ICMP unreachable). */
  | { kind: 'transport-error'; error: string }
  /** The TLS handshake failed (certificate, protocol version). */
  | { kind: 'tls-error'; error: string };

export interface AttemptContext {
  /** Time this attempt may take. The attempt function should stop by then; the engine stops waiting regardless. */
  timeoutMs: number;
  /** Aborted when the engine stops waiting (timeout) so the attempt can clean up (CANCEL, close). */
  signal: AbortSignal;
}

/** Sends one request to one plan entry. Should not throw; a throw counts as a transport error. */
export type AttemptFn = (target: PlanEntry, ctx: AttemptContext) => Promise<AttemptResult>;

export type AttemptOutcome = 'answered' | 'timeout' | 'transport-error' | 'tls-error' | 'unavailable' | 'skipped-retry-after';

/** One recorded attempt: every entry of the plan that was tried or skipped appears once. */
export interface AttemptRecord {
  /** The host name of the entry (SRV target, regional endpoint, URI host). */
  target: string;
  address: string;
  port: number;
  transport: PlanEntry['transport'];
  outcome: AttemptOutcome;
  status?: number;
  reason?: string;
  /** Retry-After of a 503, seconds. */
  retryAfterSeconds?: number;
  /** For skipped-retry-after: when the endpoint may be tried again (ISO time). */
  retryAt?: string;
  elapsedMs: number;
  error?: string;
  tier?: number;
}

export interface FailoverOptions {
  /**
   * Time allowed for each attempt, ms. Shorter than Timer B/F (64*T1 = 32 s, RFC 3261 17.1.1.2)
   * so that a dead server costs seconds, not half a minute. Default 4000.
   */
  attemptTimeoutMs?: number;
  /** Overall budget, ms; attempts get what remains when it is less than attemptTimeoutMs. */
  deadlineMs?: number;
  /** Where 503 Retry-After is remembered; default the process-wide one. */
  availability?: EndpointAvailability;
  /** Clock for elapsed times; default performance.now. */
  now?: () => number;
  /** Called after each attempt (for progress output). */
  onAttempt?: (record: AttemptRecord) => void;
}

export interface FailoverResult {
  /** The attempt that got a final answer other than 503, or undefined when none did. */
  answered: AttemptRecord | undefined;
  attempts: AttemptRecord[];
  elapsedMs: number;
}

export const DEFAULT_ATTEMPT_TIMEOUT_MS = 4000;

/**
 * Walks a plan in order, as RFC 3263 4.3 says: "If a failure occurs, the client SHOULD create
 * a new request ... and send it to the next element in the list" — where a failure is a
 * transport error, a transaction timeout (here: the per-attempt timeout) or a 503; a TLS
 * handshake failure is a transport failure too. Any other final response ends the walk: it is
 * the server's answer (a 401 or a 404 is an answer, not a failure). A 503 with Retry-After
 * also marks the endpoint unavailable until then (RFC 3261 21.5.4), so later walks skip it.
 */
export async function withFailover(plan: readonly PlanEntry[], attempt: AttemptFn, opts: FailoverOptions = {}): Promise<FailoverResult> {
  const now = opts.now ?? (() => performance.now());
  const availability = opts.availability ?? defaultAvailability;
  const perAttempt = opts.attemptTimeoutMs ?? DEFAULT_ATTEMPT_TIMEOUT_MS;
  const start = now();
  const attempts: AttemptRecord[] = [];
  const record = (r: AttemptRecord): void => {
    attempts.push(r);
    opts.onAttempt?.(r);
  };
  for (const entry of plan) {
    const base = {
      target: entry.host,
      address: entry.address,
      port: entry.port,
      transport: entry.transport,
      ...(entry.tier === undefined ? {} : { tier: entry.tier }),
    };
    const until = availability.unavailableUntil(entry);
    if (until !== undefined) {
      record({ ...base, outcome: 'skipped-retry-after', retryAt: new Date(until).toISOString(), elapsedMs: 0 });
      continue;
    }
    const remaining = opts.deadlineMs === undefined ? Infinity : opts.deadlineMs - (now() - start);
    if (remaining <= 0) {
      record({ ...base, outcome: 'timeout', elapsedMs: 0, error: 'overall deadline reached before this attempt' });
      continue;
    }
    const timeoutMs = Math.max(1, Math.floor(Math.min(perAttempt, remaining)));
    const t0 = now();
    const result = await runAttempt(attempt, entry, timeoutMs);
    const elapsedMs = Math.round(now() - t0);
    if (result.kind === 'response') {
      const status = { status: result.status, ...(result.reason === undefined ? {} : { reason: result.reason }) };
      if (result.status === 503) {
        const ra = result.retryAfterSeconds;
        if (ra !== undefined && ra > 0) availability.markUnavailable(entry, ra);
        record({ ...base, outcome: 'unavailable', ...status, ...(ra === undefined ? {} : { retryAfterSeconds: ra }), elapsedMs });
        continue;
      }
      const answered: AttemptRecord = { ...base, outcome: 'answered', ...status, elapsedMs };
      record(answered);
      return { answered, attempts, elapsedMs: Math.round(now() - start) };
    }
    record({ ...base, outcome: result.kind, elapsedMs, ...(result.error === undefined ? {} : { error: result.error }) });
  }
  return { answered: undefined, attempts, elapsedMs: Math.round(now() - start) };
}

/** Runs one attempt, bounded by its timeout whatever the attempt function does. */
async function runAttempt(attempt: AttemptFn, entry: PlanEntry, timeoutMs: number): Promise<AttemptResult> {
  const ac = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<AttemptResult>((resolve) => {
    timer = setTimeout(() => {
      ac.abort();
      resolve({ kind: 'timeout', error: `no final response within ${timeoutMs} ms` });
    }, timeoutMs);
  });
  try {
    const work = attempt(entry, { timeoutMs, signal: ac.signal }).catch((err: unknown): AttemptResult => ({
      kind: 'transport-error',
      error: isSiptrunkError(err) ? `${err.code}: ${err.message}` : String((err as Error)?.message ?? err),
    }));
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
    if (!ac.signal.aborted) ac.abort();
  }
}
