/**
 * The SIP user agent client: `new SipClient({ localAddress, timers, userAgent, tls })`, then
 * `options(target, opts)` and `invite(target, opts)` as often as needed, then `close()`.
 *
 * One client serves many targets at once: it shares one UDP socket per address family and one
 * TCP/TLS connection per destination, and leaves no timer behind once a request is over (the
 * probe service sends 1,000 OPTIONS every 10 s from one client). Every call resolves with a
 * result value; nothing throws for network reasons.
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { SipMessage } from '../message.js';
import { serialize } from '../serializer.js';
import { DigestClient } from '../digest/digest-client.js';
import type { Destination, Flow } from '../transport/transport.js';
import { TransactionLayer, type TransactionStats } from '../transaction/transaction-layer.js';
import { Timers, type TimerBase } from '../transaction/timers.js';
import { randomHex, randomToken } from '../transaction/branch.js';
import { newCallId } from './call-id.js';
import type { TlsClientOptions } from '../tls/tls-options.js';
import type { StreamTransportOptions } from '../transport/stream-transport.js';
import { sendAuthenticated, type AuthenticatedRequestOptions } from './authenticated-request.js';
import { buildResponse, optionsRequestWriter } from './requests.js';
import { hostPort, requestUri, type SipRequestTarget } from './target.js';
import type { OptionsResult } from './results.js';
import { bracketHost, operationSignal, outcomeOf, type ClientContext, type RequestOptions } from './operation.js';
export type { Credentials, RequestOptions } from './operation.js';
import { runCall, type CallOptions } from './invite-call.js';
import type { CallResult } from './results.js';

export const DEFAULT_USER_AGENT = 'siptrunk/0.1';

export interface SipClientOptions {
  /** Local address to bind (tests use 127.0.10.x); the wildcard when omitted. */
  localAddress?: string;
  /** Local UDP port; ephemeral when omitted. */
  udpPort?: number;
  /** A Timers instance, or T1/T2/T4 to derive one from (RFC 3261 defaults otherwise). */
  timers?: Timers | Partial<TimerBase>;
  /** User-Agent header value. */
  userAgent?: string;
  tls?: TlsClientOptions;
  stream?: StreamTransportOptions;
  /** UDP socket buffers, for probing many targets at once. */
  udpBufferSize?: number;
}

/** The destination of a target that needs no lookup (an IP literal, or an address given); undefined otherwise. */
function destinationNow(target: SipRequestTarget): Destination | undefined {
  const literal = isIP(target.host) !== 0;
  const address = target.address ?? (literal ? target.host : undefined);
  if (address === undefined) return undefined;
  return literal ? { transport: target.transport, address, port: target.port } : { transport: target.transport, address, port: target.port, host: target.host };
}

/** The result when nothing could be sent (the host did not resolve). */
function emptyOptionsResult(target: SipRequestTarget, started: number): OptionsResult {
  return {
    ok: false, outcome: 'transport-error', status: null, reason: null, rttMs: null, totalMs: performance.now() - started,
    transport: target.transport, remote: hostPort(target.address ?? target.host, target.port), local: null,
    auth: 'none', algorithm: null, server: null, allow: [], supported: [], accept: [], retryAfterSeconds: null,
    requests: 0, retransmissions: 0, switchedToTcp: false,
  };
}

/** What an OPTIONS result reports of the answering peer's headers. */
interface PeerHeaders {
  server: string | null;
  allow: string[];
  supported: string[];
  accept: string[];
  retryAfterSeconds: number | null;
}

/**
 * The peer's headers an OPTIONS result reports, in one pass over the rows: Server (else
 * User-Agent), the comma lists Allow, Supported and Accept (every row, split and trimmed,
 * empty elements dropped), and Retry-After's delta-seconds (RFC 3261 20.33:
 * `delta-seconds [comment] *( ; retry-param )`).
 */
function peerHeaders(msg: SipMessage): PeerHeaders {
  let server: string | undefined;
  let userAgent: string | undefined;
  let retryAfter: string | undefined;
  const out: PeerHeaders = { server: null, allow: [], supported: [], accept: [], retryAfterSeconds: null };
  for (let i = 0, n = msg.rowCount; i < n; i++) {
    switch (msg.rowName(i)) {
      case 'Server':
        server ??= msg.rowValue(i);
        break;
      case 'User-Agent':
        userAgent ??= msg.rowValue(i);
        break;
      case 'Allow':
        splitInto(out.allow, msg.rowValue(i));
        break;
      case 'Supported':
        splitInto(out.supported, msg.rowValue(i));
        break;
      case 'Accept':
        splitInto(out.accept, msg.rowValue(i));
        break;
      case 'Retry-After':
        retryAfter ??= msg.rowValue(i);
        break;
    }
  }
  out.server = server ?? userAgent ?? null;
  if (retryAfter !== undefined) {
    const m = /^\s*(\d{1,10})/.exec(retryAfter);
    if (m) out.retryAfterSeconds = Number(m[1]);
  }
  return out;
}

function splitInto(out: string[], row: string): void {
  for (const v of row.split(',')) {
    const t = v.trim();
    if (t) out.push(t);
  }
}

export class SipClient {
  readonly layer: TransactionLayer;
  readonly userAgent: string;
  readonly #calls = new Map<string, (req: SipMessage, flow: Flow) => boolean>();
  readonly #toTag = randomToken(6);

  constructor(opts: SipClientOptions = {}) {
    const timers = opts.timers instanceof Timers ? opts.timers : new Timers(opts.timers ?? {});
    this.userAgent = opts.userAgent ?? DEFAULT_USER_AGENT;
    this.layer = new TransactionLayer({
      timers,
      ...(opts.localAddress ? { localAddress: opts.localAddress } : {}),
      ...(opts.tls ? { tls: opts.tls } : {}),
      ...(opts.stream ? { stream: opts.stream } : {}),
      udp: { ...(opts.udpPort !== undefined ? { port: opts.udpPort } : {}), ...(opts.udpBufferSize ? { bufferSize: opts.udpBufferSize } : {}) },
    });
    this.layer.onRequest = (req, flow) => this.#onRequest(req, flow);
  }

  get timers(): Timers {
    return this.layer.timers;
  }

  get stats(): Readonly<TransactionStats> {
    return this.layer.stats;
  }

  /** Resolves a target to an explicit destination (system resolver for names). */
  async resolve(target: SipRequestTarget): Promise<Destination> {
    return destinationNow(target) ?? { transport: target.transport, address: (await lookup(target.host)).address, port: target.port, host: target.host };
  }

  /**
   * Requests from peers: BYE for a running call goes to it; OPTIONS gets 200 (RFC 3261 11.2);
   * anything else 481 (no such dialog), except ACK, which gets no response (17.2.3).
   */
  #onRequest(req: SipMessage, flow: Flow): void {
    let callId: string;
    try {
      callId = req.callId();
    } catch {
      return;
    }
    const handler = this.#calls.get(callId);
    if (handler && handler(req, flow)) return;
    if (req.method === 'ACK') return;
    const [status, reason] = req.method === 'OPTIONS' ? [200, 'OK'] : [481, 'Call/Transaction Does Not Exist'];
    flow.send(serialize(buildResponse(req, status, reason, this.#toTag, this.userAgent)));
  }

  #context(): ClientContext {
    return { layer: this.layer, userAgent: this.userAgent, calls: this.#calls, resolve: (t) => this.resolve(t) };
  }

  /** Sends an OPTIONS (RFC 3261 11) and answers a Digest challenge when credentials are given. */
  async options(target: SipRequestTarget, opts: RequestOptions = {}): Promise<OptionsResult> {
    const started = performance.now();
    const op = operationSignal(opts.signal, opts.timeoutMs);
    try {
      let dest = destinationNow(target);
      if (dest === undefined) {
        try {
          dest = await this.resolve(target);
        } catch (err) {
          const r = emptyOptionsResult(target, started);
          r.error = { code: 'dns-error', message: `cannot resolve ${target.host}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
          return r;
        }
      }
      const uri = requestUri(target);
      const ids = {
        callId: newCallId(),
        fromHeader: `<sip:${opts.fromUser ?? 'siptrunk'}@${bracketHost(target.host)}>;tag=${randomToken(6)}`,
        toHeader: `<${uri}>`,
      };
      const digest = opts.credentials ? new DigestClient({ username: opts.credentials.username, password: opts.credentials.password, cnonce: randomHex }) : undefined;
      const sendOpts: AuthenticatedRequestOptions = { digest, firstCseq: 1 };
      if (op.signal) sendOpts.signal = op.signal;
      const r = await sendAuthenticated(this.layer, dest, optionsRequestWriter(uri, ids, this.userAgent), sendOpts);
      const { outcome, error } = outcomeOf(r, op.timedOut());
      const flow = r.tx?.flow;
      const res = r.outcome.kind === 'response' ? r.outcome.response : undefined;
      const tlsInfo = flow?.tls ?? (r.outcome.kind === 'transport-error' ? r.outcome.error.detail?.tls : undefined);
      const peer = res ? peerHeaders(res) : undefined;
      // One object literal with every field in a fixed order (no spreads): the probe service
      // makes thousands of these, and a stable shape keeps them cheap.
      const result: OptionsResult = {
        ok: outcome === 'answered' && !!res && res.status >= 200 && res.status < 300,
        outcome,
        status: res ? res.status : null,
        reason: res ? res.reason : null,
        rttMs: res ? r.outcome.at - r.sentAt : null,
        totalMs: performance.now() - started,
        transport: flow ? flow.transport : target.transport,
        remote: flow ? hostPort(flow.remote.address, flow.remote.port) : hostPort(dest.address, dest.port),
        local: flow ? hostPort(flow.local.address, flow.local.port) : null,
        auth: r.auth,
        algorithm: r.algorithm,
        server: peer ? peer.server : null,
        allow: peer ? peer.allow : [],
        supported: peer ? peer.supported : [],
        accept: peer ? peer.accept : [],
        retryAfterSeconds: peer ? peer.retryAfterSeconds : null,
        requests: r.requests,
        retransmissions: r.retransmissions,
        switchedToTcp: r.switchedToTcp,
      };
      if (tlsInfo) result.tls = tlsInfo;
      if (error) result.error = error;
      return result;
    } finally {
      op.dispose();
    }
  }

  /** Places a test call: INVITE (with auth), ring, answer, ACK, hold, BYE — or CANCEL on ring timeout. */
  invite(target: SipRequestTarget, opts: CallOptions): Promise<CallResult> {
    return runCall(this.#context(), target, opts);
  }

  /** Ends every running transaction and closes every socket and connection. */
  async close(): Promise<void> {
    await this.layer.close();
  }
}

/** One OPTIONS with a client of its own (closed afterwards). */
export async function sendOptions(target: SipRequestTarget, opts: RequestOptions & { client?: SipClientOptions } = {}): Promise<OptionsResult> {
  const client = new SipClient(opts.client);
  try {
    return await client.options(target, opts);
  } finally {
    await client.close();
  }
}

/** One test call with a client of its own (closed afterwards). */
export async function placeCall(target: SipRequestTarget, opts: CallOptions & { client?: SipClientOptions }): Promise<CallResult> {
  const client = new SipClient(opts.client);
  try {
    return await client.invite(target, opts);
  } finally {
    await client.close();
  }
}
