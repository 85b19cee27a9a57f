/**
 * Sends one request and answers Digest challenges (RFC 3261 22.2, 22.3): a 401 or 407 final
 * response is answered through the DigestClient and the request is sent again with the next
 * CSeq (8.1.3.5: "the UAC SHOULD re-originate the request with the same Call-ID, To and From
 * and a CSeq one higher"). A 407 followed by a 401 ends with both credentials in the retry.
 * A challenge repeated after an answer (wrong key or secret) ends the loop as an
 * authentication failure, as does a 403 to credentials we sent. At most four requests.
 */
import type { SipMessage } from '../message.js';
import type { OutgoingRequest } from '../outgoing-request.js';
import type { DigestClient } from '../digest/digest-client.js';
import type { Destination, Flow } from '../transport/transport.js';
import { TransportError } from '../transport/transport-error.js';
import type { SendOptions, TransactionLayer } from '../transaction/transaction-layer.js';
import type { ClientTransaction } from '../transaction/client-transaction.js';
import type { ClientTransactionUser, TransactionOutcome } from '../transaction/transaction-outcome.js';
import type { AuthState, UaError } from './results.js';

export type AuthHeader = { header: 'Authorization' | 'Proxy-Authorization'; value: string };

export interface AuthenticatedOutcome {
  outcome: TransactionOutcome;
  /** The last transaction (absent when no flow could be opened). */
  tx: ClientTransaction | undefined;
  /** The last request as built (the transaction's `request` is what was sent, Via included). */
  request: SipMessage | OutgoingRequest | undefined;
  cseq: number;
  auth: AuthState;
  algorithm: string | null;
  authError?: UaError;
  requests: number;
  retransmissions: number;
  /** performance.now() when the last request was sent. */
  sentAt: number;
  switchedToTcp: boolean;
}

export interface AuthenticatedRequestOptions {
  digest: DigestClient | undefined;
  firstCseq: number;
  /** Stops the exchange: no new request once aborted, and (unless `keepRunningOnAbort`) the
   *  running transaction ends at once. */
  signal?: AbortSignal;
  /** The caller handles an abort of the running transaction itself (the INVITE sends CANCEL). */
  keepRunningOnAbort?: boolean;
  flow?: Flow;
  /** Told about every new transaction (the INVITE flow needs it for CANCEL). */
  onTransaction?: (tx: ClientTransaction) => void;
  user?: ClientTransactionUser;
  /** Told about every final response, challenges included. */
  onFinal?: (response: SipMessage) => void;
}

const MAX_REQUESTS = 4;

export async function sendAuthenticated(
  layer: TransactionLayer,
  dest: Destination,
  build: (cseq: number, auth: AuthHeader[]) => SipMessage | OutgoingRequest,
  opts: AuthenticatedRequestOptions,
): Promise<AuthenticatedOutcome> {
  let cseq = opts.firstCseq;
  let auth: AuthState = 'none';
  let algorithm: string | null = null;
  let creds: AuthHeader[] = [];
  /** Kinds of challenge answered so far: 1 for a 401, 2 for a 407. */
  let challengedKinds = 0;
  let requests = 0;
  let retransmissions = 0;
  let switchedToTcp = false;
  const sendOpts: SendOptions = {};
  if (opts.signal && !opts.keepRunningOnAbort) sendOpts.signal = opts.signal;
  if (opts.flow) sendOpts.flow = opts.flow;
  if (opts.user) sendOpts.user = opts.user;
  for (;;) {
    const request = build(cseq, creds);
    const sentAt = performance.now();
    if (opts.signal?.aborted) {
      const error = new TransportError('aborted', 'aborted by the caller');
      return { outcome: { kind: 'transport-error', error, at: sentAt }, tx: undefined, request, cseq, auth, algorithm, requests, retransmissions, sentAt, switchedToTcp };
    }
    const before = layer.stats.sizeSwitchedToTcp;
    let tx: ClientTransaction;
    try {
      // A ready flow (the shared UDP socket) sends at once; otherwise wait for a connection.
      tx = layer.sendNow(request, dest, sendOpts) ?? (await layer.sendWhenReady(request, dest, sendOpts));
    } catch (err) {
      const error = err instanceof TransportError ? err : new TransportError('send-failed', (err as Error).message);
      return { outcome: { kind: 'transport-error', error, at: performance.now() }, tx: undefined, request, cseq, auth, algorithm, requests, retransmissions, sentAt, switchedToTcp };
    }
    if (layer.stats.sizeSwitchedToTcp !== before) switchedToTcp = true;
    requests++;
    opts.onTransaction?.(tx);
    const outcome = await tx.outcome;
    retransmissions += tx.sends - 1;
    // How the exchange ends, unless a challenge is answered below (no closure: a closure here
    // would move every local of this loop into a heap context).
    let authError: UaError | undefined;
    if (outcome.kind === 'response') {
      const res = outcome.response;
      opts.onFinal?.(res);
      if (res.status === 401 || res.status === 407) {
        if (!opts.digest) {
          authError = { code: 'SIP_AUTH_NO_CREDENTIALS', message: `the peer challenged with ${res.status} and no credentials were given (--key with --secret-env or --secret-file)` };
        } else if (requests >= MAX_REQUESTS) {
          authError = { code: 'SIP_AUTH_REJECTED', message: `still challenged after ${requests} requests: wrong key or secret` };
        } else {
          const digestRequest = { method: request.method, uri: request.uri, body: request.body };
          const r = opts.digest.authorize(res, digestRequest);
          if (r.ok) {
            challengedKinds |= res.status === 401 ? 1 : 2;
            algorithm = r.algorithm;
            auth = 'ok';
            cseq++;
            // One kind of challenge so far: the answer just computed. A 407 then a 401: every
            // credential, each with a fresh nonce-count (RFC 3261 22.3).
            creds = challengedKinds === 3 ? opts.digest.credentialsFor(digestRequest) : r.credentials;
            continue;
          }
          authError = { code: r.code, message: r.reason };
        }
      } else if (res.status === 403 && auth === 'ok') {
        authError = { code: 'SIP_AUTH_REJECTED', message: '403 Forbidden to our credentials: wrong key or secret' };
      }
    }
    return { outcome, tx, request, cseq, auth: authError ? 'failed' : auth, algorithm, authError, requests, retransmissions, sentAt, switchedToTcp };
  }
}
