/**
 * The INVITE client transaction of RFC 3261 17.1.1 (Figure 5) with the Accepted state of
 * RFC 6026 7.2: Calling, Proceeding, Completed, Accepted, Terminated, one function per state.
 *
 * - Timer A retransmits in Calling, unreliable transports only, doubling from T1.
 * - Timer B (64*T1) times out Calling.
 * - A 300-699 is answered with an ACK built here (17.1.1.3: same branch, To from the response)
 *   and the transaction waits Timer D in Completed, re-sending that ACK for each retransmitted
 *   final response.
 * - A 2xx moves to Accepted (RFC 6026, replacing RFC 3261's "Terminated at once"): the 2xx
 *   retransmissions it absorbs go to the user agent, which re-sends its own ACK (the ACK for a
 *   2xx is not part of this transaction, 13.2.2.4), until Timer M (64*T1).
 *
 * Falls short: no Timer C (proxies only) and nothing for 100rel/PRACK (RFC 3262) — reliable
 * provisional responses are passed to the user agent like any 1xx.
 */
import { SipMessage } from '../message.js';
import { serialize } from '../serializer.js';
import { ClientTransaction, type TransactionInput } from './client-transaction.js';

type State = 'calling' | 'proceeding' | 'completed' | 'accepted' | 'terminated';

export class InviteClientTransaction extends ClientTransaction {
  readonly kind = 'invite' as const;
  #a = 0;
  #ack: Buffer | undefined;
  #lastProvisional = '';
  #provisionalSeen = false;

  protected dispatch(state: string, i: TransactionInput): void {
    switch (state as State) {
      case 'calling':
        return this.#calling(i);
      case 'proceeding':
        return this.#proceeding(i);
      case 'completed':
        return this.#completed(i);
      case 'accepted':
        return this.#accepted(i);
    }
  }

  /** True once a provisional response arrived (RFC 3261 9.1: only then may CANCEL be sent). */
  get provisionalSeen(): boolean {
    return this.#provisionalSeen;
  }

  start(): void {
    this.state = 'calling' satisfies State;
    this.send();
    // "If an unreliable transport is being used, the client transaction MUST start timer A
    // with a value of T1. ... For any transport, the client transaction MUST start timer B
    // with a value of 64*T1 seconds."
    this.#a = this.timers.A;
    const now = performance.now();
    if (!this.flow.reliable) this.startTimer('A', this.#a, now);
    this.startTimer('B', this.timers.B, now);
  }

  #calling(i: TransactionInput): void {
    switch (i.type) {
      case 'timer':
        if (i.timer === 'A') {
          // "When timer A fires, the client transaction MUST retransmit the request ... and
          // reset the timer with a value of 2*T1."
          this.send();
          this.#a *= 2;
          this.startTimer('A', this.#a);
        } else if (i.timer === 'B') {
          this.finish({ kind: 'timeout', timer: 'B', at: performance.now() });
          this.terminate();
        }
        return;
      case 'response':
        if (i.response.status < 200) {
          this.stopTimer('A');
          this.stopTimer('B');
          this.state = 'proceeding';
          this.#provisional(i.response);
        } else this.#final(i.response);
        return;
      case 'transport_error':
        this.finish({ kind: 'transport-error', error: i.error, at: performance.now() });
        this.terminate();
    }
  }

  #proceeding(i: TransactionInput): void {
    switch (i.type) {
      case 'response':
        if (i.response.status < 200) this.#provisional(i.response);
        else this.#final(i.response);
        return;
      case 'transport_error':
        this.finish({ kind: 'transport-error', error: i.error, at: performance.now() });
        this.terminate();
        return;
      case 'timer':
        return;
    }
  }

  #completed(i: TransactionInput): void {
    if (i.type === 'response' && i.response.status >= 300) {
      // "Any retransmissions of the final response that are received while in the "Completed"
      // state MUST cause the ACK to be re-passed to the transport layer for retransmission."
      if (this.#ack) this.flow.send(this.#ack);
    } else if (i.type === 'timer' && i.timer === 'D') this.terminate();
  }

  #accepted(i: TransactionInput): void {
    if (i.type === 'response' && i.response.status >= 200 && i.response.status < 300) {
      this.user.onRetransmitted2xx?.(i.response);
    } else if (i.type === 'timer' && i.timer === 'M') this.terminate();
  }

  #provisional(res: SipMessage): void {
    this.#provisionalSeen = true;
    const id = `${res.status}|${safeToTag(res)}|${res.get('RSeq') ?? ''}`;
    if (id === this.#lastProvisional) return; // retransmission: absorbed
    this.#lastProvisional = id;
    this.user.onProvisional?.(res);
  }

  #final(res: SipMessage): void {
    this.stopTimer('A');
    this.stopTimer('B');
    this.finish({ kind: 'response', response: res, at: performance.now() });
    if (res.status < 300) {
      // Accepted until Timer M: each retransmitted 2xx goes to the UA, which re-sends its ACK.
      const user = this.user;
      this.retire('accepted', this.timers.M, (r) => {
        if (r.status >= 200 && r.status < 300) user.onRetransmitted2xx?.(r);
      });
      return;
    }
    const ack = serialize(buildNon2xxAck(this.request, res));
    this.#ack = ack;
    this.flow.send(ack);
    // "Timer D ... at least 32 seconds for unreliable transports, and ... zero seconds for reliable transports."
    if (this.flow.reliable || this.timers.D === 0) return this.terminate();
    // Completed until Timer D: "Any retransmissions of the final response ... MUST cause the
    // ACK to be re-passed to the transport layer for retransmission."
    const flow = this.flow;
    this.retire('completed', this.timers.D, (r) => {
      if (r.status >= 300) flow.send(ack);
    });
  }
}

function safeToTag(res: SipMessage): string {
  try {
    return res.to().tag ?? '';
  } catch {
    return '';
  }
}

/**
 * RFC 3261 17.1.1.3: "The ACK request constructed by the client transaction MUST contain
 * values for the Call-ID, From, and Request-URI that are equal to the values of those header
 * fields in the request passed to the transport by the client transaction ... The To header
 * field in the ACK MUST equal the To header field in the response being acknowledged ... The
 * ACK MUST contain a single Via header field, and this MUST be equal to the top Via header
 * field of the original request ... The CSeq header field in the ACK MUST contain the same
 * value for the sequence number as was present in the original request, but the method
 * parameter MUST be equal to "ACK". ... If the INVITE request ... contained Route header
 * fields, the ACK MUST contain those header fields."
 */
export function buildNon2xxAck(invite: SipMessage, response: SipMessage): SipMessage {
  const headers: [string, string][] = [
    ['Via', invite.getAll('Via')[0] ?? ''],
    ['Max-Forwards', '70'],
    ['From', invite.get('From') ?? ''],
    ['To', response.get('To') ?? invite.get('To') ?? ''],
    ['Call-ID', invite.get('Call-ID') ?? ''],
    ['CSeq', `${invite.cseq().seq} ACK`],
  ];
  for (const r of invite.getAll('Route')) headers.push(['Route', r]);
  return SipMessage.request('ACK', invite.uri, headers);
}
