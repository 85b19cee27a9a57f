/**
 * The non-INVITE client transaction of RFC 3261 17.1.2 (Figure 6): Trying, Proceeding,
 * Completed, Terminated, one function per state.
 */
import { ClientTransaction, type TransactionInput } from './client-transaction.js';

type State = 'trying' | 'proceeding' | 'completed' | 'terminated';

export class NonInviteClientTransaction extends ClientTransaction {
  readonly kind = 'non-invite' as const;
  #e = 0;
  #lastProvisional = 0;

  protected dispatch(state: string, i: TransactionInput): void {
    switch (state as State) {
      case 'trying':
        return this.#trying(i);
      case 'proceeding':
        return this.#proceeding(i);
      case 'completed':
        return this.#completed(i);
    }
  }

  /** 17.1.2.2: "the client transaction MUST set timer F to fire in 64*T1 seconds"; timer E only for unreliable transports. */
  start(): void {
    this.state = 'trying' satisfies State;
    this.send();
    this.#e = this.timers.E;
    const now = performance.now();
    if (!this.flow.reliable) this.startTimer('E', this.#e, now);
    this.startTimer('F', this.timers.F, now);
  }

  #trying(i: TransactionInput): void {
    switch (i.type) {
      case 'timer':
        if (i.timer === 'E') {
          // "If timer E fires while still in this state, the timer is reset, but this time with
          // a value of MIN(2*T1, T2)."
          this.send();
          this.#e = Math.min(2 * this.#e, this.timers.T2);
          this.startTimer('E', this.#e);
        } else if (i.timer === 'F') this.#timeout();
        return;
      case 'response':
        if (i.response.status < 200) {
          this.state = 'proceeding';
          this.#provisional(i.response);
        } else this.#final(i);
        return;
      case 'transport_error':
        this.#transportError(i);
    }
  }

  #proceeding(i: TransactionInput): void {
    switch (i.type) {
      case 'timer':
        if (i.timer === 'E') {
          // "If Timer E fires while in the Proceeding state, the request MUST be passed to the
          // transport layer for retransmission, and Timer E MUST be reset with a value of T2."
          this.send();
          this.startTimer('E', this.timers.T2);
        } else if (i.timer === 'F') this.#timeout();
        return;
      case 'response':
        if (i.response.status < 200) this.#provisional(i.response);
        else this.#final(i);
        return;
      case 'transport_error':
        this.#transportError(i);
    }
  }

  /**
   * "The Completed state exists to buffer any additional response retransmissions": absorbed.
   * (Once retired, the transaction layer absorbs them without reaching this object.)
   */
  #completed(i: TransactionInput): void {
    if (i.type === 'timer' && i.timer === 'K') this.terminate();
  }

  #provisional(res: import('../message.js').SipMessage): void {
    if (res.status === this.#lastProvisional) return; // retransmitted provisional: absorbed
    this.#lastProvisional = res.status;
    this.user.onProvisional?.(res);
  }

  #final(i: Extract<TransactionInput, { type: 'response' }>): void {
    this.stopTimer('E');
    this.stopTimer('F');
    const now = performance.now();
    this.finish({ kind: 'response', response: i.response, at: now });
    // "Timer K ... T4 seconds for unreliable transports, and zero seconds for reliable transports."
    if (this.flow.reliable || this.timers.K === 0) return this.terminate();
    // Completed: retransmitted finals are absorbed until Timer K (see retired-transactions.ts).
    this.retire('completed', this.timers.K, undefined, now);
  }

  #timeout(): void {
    // "If timer F fires while the client transaction is still in the Trying [or Proceeding]
    // state, the client transaction SHOULD inform the TU about the timeout."
    this.finish({ kind: 'timeout', timer: 'F', at: performance.now() });
    this.terminate();
  }

  #transportError(i: Extract<TransactionInput, { type: 'transport_error' }>): void {
    this.finish({ kind: 'transport-error', error: i.error, at: performance.now() });
    this.terminate();
  }
}
