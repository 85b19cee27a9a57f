import { isIP } from 'node:net';
import type { Secret } from '../util/secret.js';
import { DigestClient } from '../sip/digest/digest-client.js';
import type { SipMessage } from '../sip/message.js';
import { randomToken } from '../sip/transaction/branch.js';
import { newCallId } from '../sip/user-agent/call-id.js';
import type { Destination } from '../sip/transport/transport.js';
import { sendAuthenticated } from '../sip/user-agent/authenticated-request.js';
import { optionsRequestWriter } from '../sip/user-agent/requests.js';
import { SipClient, type SipClientOptions } from '../sip/user-agent/sip-client.js';
import { requestUri, type SipRequestTarget as UaTarget } from '../sip/user-agent/target.js';
import type { AttemptFn, AttemptResult } from './failover.js';
import type { PlanEntry } from './plan.js';
import { watchUdpUnreachable } from './udp-unreachable.js';

export interface SipAttemptOptions {
  credentials?: { username: string; password: Secret } | undefined;
  /** From user of OPTIONS; default `siptrunk`. */
  fromUser?: string;
  /**
   * Watch for ICMP port unreachable on UDP targets (see udp-unreachable.ts), so a UDP server
   * with no listener fails at once rather than at the timeout. Default true.
   */
  detectUdpUnreachable?: boolean;
}

/** The user agent's target for one plan entry: explicit address, the name kept for TLS SNI and the Request-URI. */
export function uaTarget(entry: PlanEntry, uri?: string): UaTarget {
  return {
    host: entry.host,
    port: entry.port,
    transport: entry.transport,
    address: entry.address,
    ...(uri ? { uri } : {}),
  };
}

/** RFC 3261 20.33: Retry-After = delta-seconds [comment] *(; retry-param). */
export function parseRetryAfter(value: string | undefined | null): number | undefined {
  if (!value) return undefined;
  const m = /^\s*(\d{1,10})/.exec(value);
  return m ? Number(m[1]) : undefined;
}

/** Maps a transport failure name of the user agent to a failover outcome. */
function failureKind(code: string | undefined): 'tls-error' | 'transport-error' | 'timeout' {
  if (code === 'tls-handshake' || code === 'tls-unauthorized') return 'tls-error';
  if (code === 'aborted' || code === 'timeout' || code === 'connect-timeout' || code?.startsWith('timer-')) return 'timeout';
  return 'transport-error';
}

/** Races an attempt with the UDP unreachable watch, for UDP entries. */
async function withUnreachableWatch(entry: PlanEntry, enabled: boolean, work: (signal: AbortSignal) => Promise<AttemptResult>, outer: AbortSignal): Promise<AttemptResult> {
  if (!enabled || entry.transport !== 'udp') return work(outer);
  const ac = new AbortController();
  const onOuter = (): void => ac.abort(outer.reason);
  outer.addEventListener('abort', onOuter, { once: true });
  const watch = watchUdpUnreachable(entry.address, entry.port);
  try {
    const unreachable = watch.unreachable.then((why): AttemptResult => {
      ac.abort(new Error(why));
      return { kind: 'transport-error', error: why };
    });
    return await Promise.race([work(ac.signal), unreachable]);
  } finally {
    watch.stop();
    outer.removeEventListener('abort', onOuter);
  }
}

/**
 * An attempt function sending OPTIONS (RFC 3261 11) through the project's SIP user agent, with
 * Digest when credentials are given. It goes one level below SipClient.options() (through the
 * same sendAuthenticated and optionsRequestWriter) because the failover engine needs the Retry-After of a
 * 503, which OptionsResult does not carry.
 */
export function sipOptionsAttempt(client: SipClient, opts: SipAttemptOptions = {}): AttemptFn {
  const detect = opts.detectUdpUnreachable ?? true;
  return (entry, ctx) =>
    withUnreachableWatch(entry, detect, async (signal): Promise<AttemptResult> => {
      const dest: Destination = {
        transport: entry.transport,
        address: entry.address,
        port: entry.port,
        ...(isIP(entry.host) ? {} : { host: entry.host }),
      };
      const uri = requestUri({ host: entry.host, port: entry.port, transport: entry.transport });
      const host = entry.host.includes(':') ? `[${entry.host}]` : entry.host;
      const ids = { callId: newCallId(), fromHeader: `<sip:${opts.fromUser ?? 'siptrunk'}@${host}>;tag=${randomToken(6)}`, toHeader: `<${uri}>` };
      const digest = opts.credentials ? new DigestClient({ username: opts.credentials.username, password: opts.credentials.password }) : undefined;
      const r = await sendAuthenticated(client.layer, dest, optionsRequestWriter(uri, ids, client.userAgent), { digest, firstCseq: 1, signal });
      const o = r.outcome;
      if (o.kind === 'response') return responseResult(o.response);
      if (o.kind === 'timeout') return { kind: 'timeout', error: `no final response before Timer ${o.timer}` };
      if (o.error.failure === 'aborted') return { kind: 'timeout', error: `no final response within ${ctx.timeoutMs} ms` };
      return { kind: failureKind(o.error.failure), error: o.error.message } as AttemptResult;
    }, ctx.signal);
}

function responseResult(res: SipMessage): AttemptResult {
  const ra = res.status === 503 ? parseRetryAfter(res.get('Retry-After')) : undefined;
  return { kind: 'response', status: res.status, reason: res.reason, ...(ra === undefined ? {} : { retryAfterSeconds: ra }) };
}

export interface InviteAttemptOptions extends SipAttemptOptions {
  /** Caller ID (From user), E.164 or a word. */
  from: string;
  /** Callee (To and Request-URI user) when the entry's URI has none. */
  to?: string;
  /** How long to hold an answered call before BYE. Default 500 ms. */
  holdMs?: number;
}

/**
 * An attempt function placing a test call (SipClient.invite): the ring timeout is the attempt's
 * timeout, so "no answer within the entry's timeout" CANCELs the call (RFC 3261 9.1) and counts
 * as a timeout. Falls short: CallResult has no Retry-After, so a 503 to an INVITE does not mark
 * the endpoint unavailable (the walk still moves on).
 */
export function sipInviteAttempt(client: SipClient, opts: InviteAttemptOptions, userFor: (entry: PlanEntry) => string | undefined = () => undefined): AttemptFn {
  const detect = opts.detectUdpUnreachable ?? true;
  return (entry, ctx) =>
    withUnreachableWatch(entry, detect, async (signal): Promise<AttemptResult> => {
      const to = userFor(entry) ?? opts.to ?? 'siptrunk';
      const r = await client.invite(uaTarget(entry), {
        to,
        from: opts.from,
        ringTimeoutMs: ctx.timeoutMs,
        holdMs: opts.holdMs ?? 500,
        signal,
        ...(opts.credentials ? { credentials: opts.credentials } : {}),
      });
      if (r.outcome === 'answered' || r.outcome === 'auth-failed') {
        if (r.status !== null) return { kind: 'response', status: r.status, ...(r.reason ? { reason: r.reason } : {}) };
      }
      if (r.outcome === 'no-answer' || r.outcome === 'timeout' || r.outcome === 'aborted') {
        return { kind: 'timeout', error: r.error?.message ?? `not answered within ${ctx.timeoutMs} ms` };
      }
      return { kind: failureKind(r.error?.code), error: r.error?.message ?? 'transport error' } as AttemptResult;
    }, ctx.signal);
}

/**
 * With `--measure`: OPTIONS round-trip time to each endpoint (undefined when it does not
 * answer in time). The RTT is the user agent's: last request sent to its final response.
 */
export function optionsRttProber(opts: { timeoutMs: number; client?: SipClientOptions }): {
  measure: (entry: PlanEntry) => Promise<number | undefined>;
  close: () => Promise<void>;
} {
  const client = new SipClient(opts.client);
  return {
    measure: async (entry) => {
      const r = await client.options(uaTarget(entry), { timeoutMs: opts.timeoutMs });
      return r.outcome === 'answered' && r.rttMs !== null ? r.rttMs : undefined;
    },
    close: () => client.close(),
  };
}
