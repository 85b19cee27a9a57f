/**
 * How a client transaction ends, as the transaction user (the user agent) sees it. A final
 * response, a timeout (Timer B or F, RFC 3261 17.1.1.2 / 17.1.2.2) or a transport error
 * (17.1.4) — all values, never exceptions. `at` is a performance.now() timestamp.
 */
import type { SipMessage } from '../message.js';
import type { TransportError } from '../transport/transport-error.js';

export type TransactionOutcome =
  | { kind: 'response'; response: SipMessage; at: number }
  | { kind: 'timeout'; timer: 'B' | 'F'; at: number }
  | { kind: 'transport-error'; error: TransportError; at: number };

/** What a client transaction tells its user while it runs. */
export interface ClientTransactionUser {
  /** A 1xx (each distinct one; retransmissions are absorbed). */
  onProvisional?(response: SipMessage): void;
  /** RFC 6026 7.2: a 2xx retransmission in the Accepted state; the UA sends the ACK again. */
  onRetransmitted2xx?(response: SipMessage): void;
}
