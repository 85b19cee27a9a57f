/**
 * The INVITE test call (RFC 3261 13, 15, 9): INVITE with an SDP offer, Digest retry, 1xx
 * timings (post-dial delay to the first 180/183), then
 *  - 2xx: ACK (a new request outside the INVITE transaction, 13.2.2.4, re-sent for each 2xx
 *    retransmission), hold for `holdMs`, BYE (15.1.1);
 *  - 3xx-6xx: ACKed inside the transaction (17.1.1.3) and reported;
 *  - no answer within `ringTimeoutMs`: CANCEL (9.1; only after a provisional response, "If no
 *    provisional response has been received, the CANCEL request MUST NOT be sent"), then the
 *    487 is ACKed; without a final response 64*T1 after the CANCEL the call is given up.
 * The SDP answer is parsed and the chosen codec reported. No RTP is sent or received.
 *
 * Falls short: ACK and BYE go on the flow the INVITE used (the trunk's address), not to the
 * address resolved from the 2xx's Contact or Record-Route (RFC 3261 12.2.1.1); the Request-URI
 * and Route set of the dialog are right. No re-INVITE, UPDATE or PRACK (100rel) handling.
 */
import { randomInt } from 'node:crypto';
import type { SipMessage } from '../message.js';
import { serialize } from '../serializer.js';
import { DigestClient } from '../digest/digest-client.js';
import { buildOffer, parseSdp, negotiatedCodec, type CodecSpec } from '../sdp.js';
import type { Destination, Flow } from '../transport/transport.js';
import { TransportError } from '../transport/transport-error.js';
import type { ClientTransaction } from '../transaction/client-transaction.js';
import type { InviteClientTransaction } from '../transaction/invite-client-transaction.js';
import { randomHex, randomToken } from '../transaction/branch.js';
import { newCallId } from './call-id.js';
import { sendAuthenticated, type AuthenticatedOutcome } from './authenticated-request.js';
import { buildRequest, buildResponse, contactFor, type DialogIds } from './requests.js';
import { hostPort, requestUri, type SipRequestTarget } from './target.js';
import type { CallCodec, CallEvent, CallResult } from './results.js';
import { bracketHost, operationSignal, outcomeOf, type ClientContext, type RequestOptions } from './operation.js';

export interface CallOptions extends Omit<RequestOptions, 'fromUser'> {
  /** Callee, E.164 (`+14155550100`): Request-URI and To user. */
  to: string;
  /** Caller ID, E.164: From user. */
  from: string;
  /** Domain of From and To; the target host by default. */
  domain?: string;
  /** Codecs to offer, in preference order. Default PCMU, PCMA, G729. */
  codecs?: CodecSpec[];
  /** Offer telephone-event/8000 0-16 (RFC 2833/4733). Default true. */
  dtmf?: boolean;
  /** How long to hold an answered call before BYE. Default 1000 ms. */
  holdMs?: number;
  /** CANCEL when not answered within this long after the INVITE. Default 30 s. */
  ringTimeoutMs?: number;
  /** RTP port in the offer; a random even port in 10000-20000 by default. */
  rtpPort?: number;
  /** RTP address in the offer; the local address of the flow by default. */
  rtpAddress?: string;
}

/** Waits `ms`, or less when the signal aborts or `wake.fn` is called (the peer hung up). */
const sleep = (ms: number, signal: AbortSignal | undefined, wake: { fn?: () => void }) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    wake.fn = done;
    if (signal?.aborted) return done();
    signal?.addEventListener('abort', done, { once: true });
  });

export async function runCall(ctx: ClientContext, target: SipRequestTarget, opts: CallOptions): Promise<CallResult> {
  const t0 = performance.now();
  const ms = () => Math.round((performance.now() - t0) * 10) / 10;
  const timeline: CallEvent[] = [];
  const op = operationSignal(opts.signal, undefined);
  const callId = newCallId();
  const result: CallResult = {
    ok: false, outcome: 'transport-error', status: null, reason: null, pddMs: null, answerMs: null, firstResponseMs: null,
    codec: null, auth: 'none', algorithm: null, transport: target.transport, remote: hostPort(target.address ?? target.host, target.port),
    local: null, callId, cancelled: false, heldMs: null, byeStatus: null, remoteHangup: false, server: null, timeline,
  };
  let ringTimer: NodeJS.Timeout | undefined;
  let answerTimer: NodeJS.Timeout | undefined;
  let giveUpTimer: NodeJS.Timeout | undefined;
  let noResponseTimedOut = false;
  let userAborted = false;
  let removeAbort = () => undefined as void;
  try {
    let dest: Destination;
    try {
      dest = await ctx.resolve(target);
    } catch (err) {
      result.error = { code: 'dns-error', message: `cannot resolve ${target.host}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
      return result;
    }
    result.remote = hostPort(dest.address, dest.port);
    let flow: Flow;
    try {
      flow = await ctx.layer.transports.flow(dest, op.signal);
    } catch (err) {
      const e = err instanceof TransportError ? err : new TransportError('send-failed', (err as Error).message);
      result.error = { code: e.failure, message: e.message };
      if (e.detail?.tls) result.tls = e.detail.tls;
      return result;
    }
    result.transport = flow.transport;
    result.local = hostPort(flow.local.address, flow.local.port);
    if (flow.tls) result.tls = flow.tls;

    const domain = opts.domain ?? target.host;
    const uri = requestUri(target, opts.to);
    const ids: DialogIds = {
      callId,
      fromHeader: `<sip:${opts.from}@${bracketHost(domain)}>;tag=${randomToken(6)}`,
      toHeader: `<sip:${opts.to}@${bracketHost(domain)}>`,
    };
    const contact = contactFor(flow, opts.from.replace(/^\+/, '') || 'siptrunk');
    const sdp = buildOffer({
      address: opts.rtpAddress ?? flow.local.address,
      port: opts.rtpPort ?? 10000 + 2 * randomInt(0, 5000),
      codecs: opts.codecs ?? ['PCMU', 'PCMA', 'G729'],
      dtmf: opts.dtmf ?? true,
    });
    const digest = opts.credentials ? new DigestClient({ username: opts.credentials.username, password: opts.credentials.password, cnonce: randomHex }) : undefined;
    const timers = ctx.layer.timers.table;

    let invite: { tx: InviteClientTransaction; req: SipMessage } | undefined;
    let cancelWanted = false;
    let cancelSent = false;
    let ackWire: Buffer | undefined;
    let remoteBye = false;
    const wake: { fn?: () => void } = {};

    const sendCancel = () => {
      if (!invite || cancelSent || invite.tx.terminated) return;
      cancelSent = true;
      result.cancelled = true;
      const req = invite.req;
      const cancel = buildRequest('CANCEL', req.uri, { callId, fromHeader: ids.fromHeader, toHeader: req.get('To') ?? ids.toHeader }, req.cseq().seq, {
        userAgent: ctx.userAgent,
        routes: req.getAll('Route'),
      });
      timeline.push({ atMs: ms(), direction: 'send', method: 'CANCEL' });
      const inviteTx = invite.tx;
      // 9.1: "the CANCEL request ... MUST have the same branch as the request being cancelled".
      void ctx.layer.send(cancel, dest, { via: req.getAll('Via')[0]!, flow: inviteTx.flow }).then(
        (tx) => tx.outcome.then((o) => {
          if (o.kind === 'response') timeline.push({ atMs: ms(), direction: 'recv', method: 'CANCEL', status: o.response.status, reason: o.response.reason });
        }),
        () => undefined,
      );
      // "If no final response has been received after 64*T1 seconds, the client transaction
      // SHOULD be considered terminated" (9.1, for the INVITE being cancelled).
      giveUpTimer = setTimeout(() => inviteTx.abort(new TransportError('aborted', 'no final response 64*T1 after CANCEL')), timers.B);
    };

    // The caller gave up (a failover engine's per-attempt timeout, Ctrl-C): a ringing INVITE is
    // CANCELled (RFC 3261 9.1), one without a provisional response yet is dropped.
    const onUserAbort = () => {
      userAborted = true;
      if (!invite || invite.tx.terminated) return;
      if (invite.tx.provisionalSeen) sendCancel();
      else invite.tx.abort(new TransportError('aborted', 'aborted by the caller'));
    };
    opts.signal?.addEventListener('abort', onUserAbort, { once: true });
    removeAbort = () => opts.signal?.removeEventListener('abort', onUserAbort);

    const onTransaction = (tx: ClientTransaction) => {
      invite = { tx: tx as InviteClientTransaction, req: tx.request };
      timeline.push({ atMs: ms(), direction: 'send', method: 'INVITE' });
      if (ringTimer) clearTimeout(ringTimer);
      ringTimer = setTimeout(() => {
        cancelWanted = true;
        if (invite?.tx.provisionalSeen) sendCancel();
      }, opts.ringTimeoutMs ?? 30_000);
      if (answerTimer) clearTimeout(answerTimer);
      if (opts.timeoutMs) {
        // "transaction timeout": no response at all within timeoutMs.
        answerTimer = setTimeout(() => {
          if (invite && !invite.tx.provisionalSeen && !invite.tx.terminated) {
            noResponseTimedOut = true;
            invite.tx.abort(new TransportError('aborted', `no response within ${opts.timeoutMs} ms`));
          }
        }, opts.timeoutMs);
      }
    };

    const r: AuthenticatedOutcome = await sendAuthenticated(
      ctx.layer,
      dest,
      (cseq, auth) =>
        buildRequest('INVITE', uri, ids, cseq, {
          userAgent: ctx.userAgent,
          auth,
          contact,
          extra: [['Allow', 'INVITE, ACK, CANCEL, BYE, OPTIONS'], ['Supported', 'replaces']],
        }, { type: 'application/sdp', content: sdp }),
      {
        digest,
        firstCseq: 1,
        ...(op.signal ? { signal: op.signal, keepRunningOnAbort: true } : {}),
        flow,
        onTransaction,
        onFinal: (res) => timeline.push({ atMs: ms(), direction: 'recv', method: 'INVITE', status: res.status, reason: res.reason }),
        user: {
          onProvisional: (res) => {
            timeline.push({ atMs: ms(), direction: 'recv', method: 'INVITE', status: res.status, reason: res.reason });
            result.firstResponseMs ??= ms();
            if ((res.status === 180 || res.status === 183) && result.pddMs === null) result.pddMs = ms();
            if (answerTimer) clearTimeout(answerTimer);
            if (cancelWanted) sendCancel();
          },
          onRetransmitted2xx: () => {
            if (ackWire) flow.send(ackWire);
          },
        },
      },
    );
    if (ringTimer) clearTimeout(ringTimer);
    if (answerTimer) clearTimeout(answerTimer);
    if (giveUpTimer) clearTimeout(giveUpTimer);
    result.auth = r.auth;
    result.algorithm = r.algorithm;
    const mapped = outcomeOf(r, noResponseTimedOut);
    result.outcome = mapped.outcome;
    if (mapped.error) result.error = mapped.error;
    if (r.outcome.kind !== 'response') {
      if (result.cancelled && r.outcome.kind === 'transport-error' && !noResponseTimedOut) {
        result.outcome = userAborted ? 'aborted' : 'no-answer';
        result.error = { code: 'timer-B', message: 'no final response 64*T1 after CANCEL' };
      }
      return result;
    }
    const res = r.outcome.response;
    result.status = res.status;
    result.reason = res.reason;
    result.server = res.get('Server') ?? res.get('User-Agent') ?? null;
    if (res.status < 200 || res.status >= 300) {
      if (result.cancelled && res.status === 487) result.outcome = userAborted ? 'aborted' : 'no-answer';
      return result;
    }

    // ---- answered: ACK, hold, BYE ---------------------------------------------------------
    result.answerMs = ms();
    const inviteReq = r.tx!.request;
    const inviteCseq = r.cseq;
    const routes = res.getAll('Record-Route').reverse(); // 12.1.2: the UAC reverses Record-Route
    let remoteTarget = inviteReq.uri;
    try {
      remoteTarget = res.contacts()[0]?.uri ?? inviteReq.uri;
    } catch {
      // an unparsable Contact: keep the Request-URI
    }
    const dialog: DialogIds = { callId, fromHeader: ids.fromHeader, toHeader: res.get('To') ?? ids.toHeader };
    // 13.2.2.4: "The UAC core MUST generate an ACK request for each 2xx received", CSeq number of the INVITE.
    const ack = buildRequest('ACK', remoteTarget, dialog, inviteCseq, { userAgent: ctx.userAgent, routes });
    ackWire = ctx.layer.sendStateless(ack, flow);
    timeline.push({ atMs: ms(), direction: 'send', method: 'ACK' });
    try {
      if (res.body.length > 0 && /application\/sdp/i.test(res.get('Content-Type') ?? '')) {
        const c = negotiatedCodec(parseSdp(res.body));
        if (c) result.codec = { name: c.codec ?? c.encoding, payloadType: c.payloadType, clockRate: c.clockRate ?? null, fmtp: c.fmtp ?? null } satisfies CallCodec;
      }
    } catch (err) {
      result.error = { code: 'sdp-answer', message: `the SDP answer does not parse: ${(err as Error).message}` };
    }

    ctx.calls.set(callId, (req, f) => {
      if (req.method !== 'BYE') return false;
      timeline.push({ atMs: ms(), direction: 'recv', method: 'BYE' });
      f.send(serialize(buildResponse(req, 200, 'OK', '', ctx.userAgent)));
      remoteBye = true;
      wake.fn?.();
      return true;
    });
    const holdStart = performance.now();
    await sleep(cancelSent ? 0 : opts.holdMs ?? 1000, op.signal, wake);
    result.heldMs = Math.round(performance.now() - holdStart);
    if (remoteBye) {
      result.remoteHangup = true;
    } else {
      timeline.push({ atMs: ms(), direction: 'send', method: 'BYE' });
      const bye = await sendAuthenticated(
        ctx.layer,
        dest,
        (cseq, auth) => buildRequest('BYE', remoteTarget, dialog, cseq, { userAgent: ctx.userAgent, auth, routes }),
        { digest, firstCseq: inviteCseq + 1, flow, ...(opts.timeoutMs ? { signal: AbortSignal.timeout(opts.timeoutMs) } : {}) },
      );
      if (bye.outcome.kind === 'response') {
        result.byeStatus = bye.outcome.response.status;
        timeline.push({ atMs: ms(), direction: 'recv', method: 'BYE', status: bye.outcome.response.status, reason: bye.outcome.response.reason });
      }
    }
    result.ok = true;
    return result;
  } finally {
    if (ringTimer) clearTimeout(ringTimer);
    if (answerTimer) clearTimeout(answerTimer);
    if (giveUpTimer) clearTimeout(giveUpTimer);
    ctx.calls.delete(callId);
    removeAbort();
    op.dispose();
  }
}
