/**
 * The SIP probers, `options` and `invite`, over the SIP user agent (src/sip/user-agent). One
 * SipClient per TLS setting (verification on or off, CA file) serves every probe, so probing a
 * thousand targets uses one UDP socket per address family and pooled TCP/TLS connections.
 *
 * When is an endpoint up? When it sends a final response that shows it is alive and serving:
 * any 1xx-4xx final except 408, so a 404 or 405 from a PBX counts, a 503 or a timeout does not.
 * Without credentials a 401/407 challenge counts as up (authentication is not being tested);
 * with credentials a refusal (403, or a repeated challenge) is an authentication failure.
 */
import { readFileSync } from 'node:fs';
import { SipClient } from '../sip/user-agent/sip-client.js';
import type { SipRequestTarget } from '../sip/user-agent/target.js';
import type { TlsInfo } from '../sip/tls/tls-info.js';
import { SiptrunkError } from '../util/siptrunk-error.js';
import { endpointOf } from './result.js';
import type { ProberTable } from './run-probe.js';
import type { ProbeContext, ProbeOutcome, ProbeResult, ProbeTls } from './types.js';

export interface SipProbers {
  table: ProberTable;
  /** Closes every client (sockets, connections). */
  close(): Promise<void>;
  /** Clients in use (for stats). */
  clients(): SipClient[];
}

function tlsOf(t: TlsInfo | undefined): ProbeTls | undefined {
  if (!t) return undefined;
  return {
    version: t.version ?? undefined,
    cipher: t.cipher ?? undefined,
    certExpires: t.certExpires ?? undefined,
    certDaysLeft: t.certDaysLeft ?? undefined,
  };
}

function sipTarget(ctx: ProbeContext): SipRequestTarget {
  const t = ctx.target;
  return { host: t.host, port: t.port, transport: t.transport, ...(t.address ? { address: t.address } : {}), ...(t.uri ? { uri: t.uri } : {}) };
}

function classify(
  outcome: string,
  status: number | null,
  auth: 'none' | 'ok' | 'failed',
  hasCredentials: boolean,
  errorCode: string | undefined,
): { outcome: ProbeOutcome; success: boolean; auth: 'none' | 'ok' | 'failed' } {
  // Challenged without credentials to answer with: the peer is alive; authentication was not
  // tested (the user agent reports the unanswered challenge as an authentication failure).
  if (!hasCredentials && (status === 401 || status === 407)) return { outcome: 'answered', success: true, auth: 'none' };
  if (auth === 'failed' || outcome === 'auth-failed') return { outcome: 'auth-failed', success: false, auth: 'failed' };
  if (outcome === 'answered' && status !== null) {
    if (hasCredentials && (status === 401 || status === 407 || status === 403)) return { outcome: 'auth-failed', success: false, auth: 'failed' };
    return { outcome: 'answered', success: status < 500 && status !== 408, auth };
  }
  if (outcome === 'timeout') return { outcome: 'timeout', success: false, auth };
  if (outcome === 'aborted') return { outcome: 'aborted', success: false, auth };
  if (errorCode === 'dns-error') return { outcome: 'dns-error', success: false, auth };
  if (errorCode?.startsWith('tls-')) return { outcome: 'tls-error', success: false, auth };
  return { outcome: 'transport-error', success: false, auth };
}

export function createSipProbers(opts: { localAddress?: string; userAgent?: string; udpBufferSize?: number } = {}): SipProbers {
  const clients = new Map<string, SipClient>();
  const client = (ctx: ProbeContext): SipClient => {
    const insecure = Boolean(ctx.module.insecure);
    const caFile = ctx.module.caFile;
    const key = `${insecure}|${caFile ?? ''}`;
    let c = clients.get(key);
    if (!c) {
      let ca: string | undefined;
      if (caFile) {
        try {
          ca = readFileSync(caFile, 'utf8');
        } catch (err) {
          throw new SiptrunkError('PROBE_ARGUMENT_INVALID', `cannot read the CA file: ${(err as NodeJS.ErrnoException).code ?? 'error'}`, {
            location: { file: caFile },
            expected: 'a readable PEM file of CA certificates',
          });
        }
      }
      c = new SipClient({
        ...(opts.localAddress ? { localAddress: opts.localAddress } : {}),
        userAgent: opts.userAgent ?? 'siptrunk-probe/0.1',
        tls: { insecure, ...(ca ? { ca } : {}) },
        ...(opts.udpBufferSize ? { udpBufferSize: opts.udpBufferSize } : {}),
      });
      clients.set(key, c);
    }
    return c;
  };

  const base = (ctx: ProbeContext, at: string) => ({
    target: ctx.target.name,
    endpoint: endpointOf(ctx.target),
    transport: ctx.target.transport,
    role: ctx.target.role,
    address: ctx.target.address,
    at,
    dnsLookupSeconds: 0,
  });

  const table: ProberTable = {
    async options(ctx): Promise<ProbeResult> {
      const at = new Date().toISOString();
      const t0 = performance.now();
      const creds = ctx.module.credentials;
      const r = await client(ctx).options(sipTarget(ctx), {
        ...(creds ? { credentials: creds } : {}),
        timeoutMs: ctx.module.timeoutMs,
        signal: ctx.signal,
      });
      const c = classify(r.outcome, r.status, r.auth, Boolean(creds), r.error?.code);
      return {
        ...base(ctx, at),
        address: r.remote.replace(/^\[?(.*?)\]?:\d+$/, '$1') || ctx.target.address,
        success: c.success,
        outcome: c.outcome,
        status: r.status ?? undefined,
        reason: r.reason ?? undefined,
        rttMs: r.rttMs ?? undefined,
        durationSeconds: (performance.now() - t0) / 1000,
        auth: c.auth,
        algorithm: r.algorithm ?? undefined,
        tls: tlsOf(r.tls),
        error: c.success ? undefined : r.error ? `${r.error.code}: ${r.error.message}` : r.status ? `${r.status} ${r.reason ?? ''}`.trim() : undefined,
      };
    },
    async invite(ctx): Promise<ProbeResult> {
      const at = new Date().toISOString();
      const t0 = performance.now();
      const creds = ctx.module.credentials;
      const r = await client(ctx).invite(sipTarget(ctx), {
        to: ctx.module.call?.to ?? 'probe',
        from: ctx.module.call?.from ?? 'siptrunk',
        ...(creds ? { credentials: creds } : {}),
        timeoutMs: ctx.module.timeoutMs,
        ringTimeoutMs: ctx.module.timeoutMs,
        holdMs: 0,
        signal: ctx.signal,
      });
      const outcome = r.outcome === 'no-answer' ? 'answered' : r.outcome;
      const c = classify(outcome, r.status, r.auth, Boolean(creds), r.error?.code);
      // An INVITE the peer let ring until our CANCEL still proves it is alive and routing.
      const success = c.success || (r.outcome === 'no-answer' && r.auth !== 'failed');
      return {
        ...base(ctx, at),
        address: r.remote.replace(/^\[?(.*?)\]?:\d+$/, '$1') || ctx.target.address,
        success,
        outcome: c.outcome,
        status: r.status ?? undefined,
        reason: r.reason ?? undefined,
        rttMs: r.firstResponseMs ?? r.answerMs ?? undefined,
        durationSeconds: (performance.now() - t0) / 1000,
        auth: c.auth,
        algorithm: r.algorithm ?? undefined,
        tls: tlsOf(r.tls),
        error: success ? undefined : r.error ? `${r.error.code}: ${r.error.message}` : r.status ? `${r.status} ${r.reason ?? ''}`.trim() : undefined,
      };
    },
  };

  return {
    table,
    clients: () => [...clients.values()],
    async close() {
      const all = [...clients.values()];
      clients.clear();
      await Promise.all(all.map((c) => c.close()));
    },
  };
}
