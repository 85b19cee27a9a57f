/**
 * What the user agent reports. Every run ends in a result value: timeouts, transport errors and
 * authentication failures are outcomes, never exceptions.
 */
import type { TlsInfo } from '../tls/tls-info.js';
import type { TransportName } from '../transport/transport.js';
import type { TransportFailure } from '../transport/transport-error.js';

export type UaOutcome =
  /** A final response arrived (look at `status`). */
  | 'answered'
  /** The peer challenged and our credentials were refused or missing. */
  | 'auth-failed'
  /** No final response (Timer B/F or the caller's timeout). */
  | 'timeout'
  /** Connecting or sending failed (refused, unreachable, closed, TLS). */
  | 'transport-error'
  /** The caller's AbortSignal fired. */
  | 'aborted';

export type AuthState = 'none' | 'ok' | 'failed';

export interface UaError {
  /** TransportFailure, or a digest code such as SIP_AUTH_REJECTED. */
  code: TransportFailure | string;
  message: string;
}

export interface OptionsResult {
  /** A 2xx arrived (after authentication when challenged). */
  ok: boolean;
  outcome: UaOutcome;
  status: number | null;
  reason: string | null;
  /** From sending the last request (the authenticated one) to its final response. */
  rttMs: number | null;
  /** From the first request to the end, authentication round trips included. */
  totalMs: number;
  transport: TransportName;
  /** The address:port that answered (or was tried). */
  remote: string;
  /** Our address:port as put in Via. */
  local: string | null;
  auth: AuthState;
  /** Digest algorithm used (MD5, SHA-256, ...), when challenged and answered. */
  algorithm: string | null;
  /** The peer's Server header, or its User-Agent. */
  server: string | null;
  allow: string[];
  supported: string[];
  accept: string[];
  /** Retry-After of the final response in seconds (RFC 3261 20.33; a 503's back-off), or null. */
  retryAfterSeconds: number | null;
  /** Requests sent (the challenge round trip makes 2) and retransmissions (Timer E/A). */
  requests: number;
  retransmissions: number;
  /** Sent over TCP because the request exceeded 1300 bytes (RFC 3261 18.1.1). */
  switchedToTcp: boolean;
  tls?: TlsInfo;
  error?: UaError;
}

export interface CallEvent {
  /** Milliseconds since the first INVITE was sent. */
  atMs: number;
  /** `send` for our requests, `recv` for responses and requests from the peer. */
  direction: 'send' | 'recv';
  /** Request method, or the CSeq method of a response. */
  method: string;
  status?: number;
  reason?: string;
}

export interface CallCodec {
  name: string;
  payloadType: number;
  clockRate: number | null;
  fmtp: string | null;
}

export interface CallResult {
  /** The call was answered (2xx) and hung up. */
  ok: boolean;
  /** `no-answer`: the ring timeout fired and the call was cancelled. */
  outcome: UaOutcome | 'no-answer';
  /** Final status of the INVITE. */
  status: number | null;
  reason: string | null;
  /** Post-dial delay: first INVITE sent → first 180 or 183. */
  pddMs: number | null;
  /** First INVITE sent → 2xx. */
  answerMs: number | null;
  /** First INVITE sent → first provisional (usually 100 Trying). */
  firstResponseMs: number | null;
  codec: CallCodec | null;
  auth: AuthState;
  algorithm: string | null;
  transport: TransportName;
  remote: string;
  local: string | null;
  callId: string;
  /** The call was cancelled after the ring timeout (RFC 3261 9.1). */
  cancelled: boolean;
  /** How long the answered call was held before BYE. */
  heldMs: number | null;
  /** Status of our BYE (null if none was sent or no answer came). */
  byeStatus: number | null;
  /** The peer hung up first (its BYE was answered with 200). */
  remoteHangup: boolean;
  server: string | null;
  timeline: CallEvent[];
  tls?: TlsInfo;
  error?: UaError;
}
