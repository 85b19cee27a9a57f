/**
 * What every user agent operation shares: its options (credentials, timeout, AbortSignal), an
 * abort signal combining the caller's with a deadline, and the mapping from how an exchange
 * ended to the outcome users see.
 */
import type { Secret } from '../../util/secret.js';
import type { SipMessage } from '../message.js';
import type { Destination, Flow } from '../transport/transport.js';
import type { TransactionLayer } from '../transaction/transaction-layer.js';
import type { AuthenticatedOutcome } from './authenticated-request.js';
import type { SipRequestTarget } from './target.js';
import type { UaError, UaOutcome } from './results.js';

export interface Credentials {
  /** Digest username (the API key for the carrier). */
  username: string;
  password: Secret;
}

export interface RequestOptions {
  credentials?: Credentials;
  /** Give up after this long (the whole exchange, challenge included). */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** User part of From (OPTIONS); default `siptrunk`. */
  fromUser?: string;
}

/** What the INVITE flow needs from the client. */
export interface ClientContext {
  layer: TransactionLayer;
  userAgent: string;
  calls: Map<string, (req: SipMessage, flow: Flow) => boolean>;
  resolve(target: SipRequestTarget): Promise<Destination>;
}

/** An IPv6 literal in brackets, as a URI host. */
export function bracketHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

const never = (): boolean => false;
const nothing = (): void => undefined;
const NO_OPERATION_SIGNAL = Object.freeze({ signal: undefined, timedOut: never, dispose: nothing });

/**
 * An abort signal for one operation: the caller's signal and a deadline. Without either, no
 * controller or timer is made at all (the probe service sends thousands of these).
 */
export function operationSignal(signal: AbortSignal | undefined, timeoutMs: number | undefined): { signal: AbortSignal | undefined; timedOut: () => boolean; dispose: () => void } {
  const hasDeadline = timeoutMs !== undefined && timeoutMs > 0;
  if (!hasDeadline) return signal === undefined ? NO_OPERATION_SIGNAL : { signal, timedOut: never, dispose: nothing };
  const ctl = new AbortController();
  let timedOut = false;
  const onAbort = () => ctl.abort(signal?.reason);
  if (signal?.aborted) ctl.abort(signal.reason);
  else signal?.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => {
    timedOut = true;
    ctl.abort(new Error('timeout'));
  }, timeoutMs);
  return {
    signal: ctl.signal,
    timedOut: () => timedOut,
    dispose: () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    },
  };
}

/** What to look at when a peer never answered. */
const NO_ANSWER_HINT = 'check the address, port and transport, and that no firewall drops the requests or the replies';

/** Maps how an exchange ended to the user-facing outcome. */
export function outcomeOf(r: AuthenticatedOutcome, timedOut: boolean): { outcome: UaOutcome; error?: UaError } {
  if (r.auth === 'failed') return { outcome: 'auth-failed', ...(r.authError ? { error: r.authError } : {}) };
  const o = r.outcome;
  if (o.kind === 'response') return { outcome: 'answered' };
  if (o.kind === 'timeout') return { outcome: 'timeout', error: { code: `timer-${o.timer}`, message: `no final response before Timer ${o.timer} (64*T1): ${NO_ANSWER_HINT}` } };
  if (o.error.failure === 'aborted') {
    return timedOut
      ? { outcome: 'timeout', error: { code: 'timeout', message: `no final response within the timeout: ${NO_ANSWER_HINT}` } }
      : { outcome: 'aborted', error: { code: 'aborted', message: o.error.message } };
  }
  return { outcome: 'transport-error', error: { code: o.error.failure, message: o.error.message } };
}
