/**
 * What the INVITE and non-INVITE client transactions (RFC 3261 17.1) share: the request and
 * the flow it went on, the matching key (17.1.3), named timers, one outcome, and the event
 * loop that hands each input (`response`, `timer_X`, `transport_error`) to the function of the
 * current state.
 */
import type { SipMessage } from '../message.js';
import type { Flow } from '../transport/transport.js';
import type { TransportError } from '../transport/transport-error.js';
import type { TimerTable } from './timers.js';
import type { ClientTransactionUser, TransactionOutcome } from './transaction-outcome.js';

export type TimerName = 'A' | 'B' | 'D' | 'E' | 'F' | 'K' | 'M';

export type TransactionInput =
  | { type: 'response'; response: SipMessage }
  | { type: 'timer'; timer: TimerName }
  | { type: 'transport_error'; error: TransportError };

/** Key of RFC 3261 17.1.3: top Via branch and the CSeq method of the request. */
export function transactionKey(branch: string, method: string): string {
  return `${branch}\u0000${method === 'ACK' ? 'INVITE' : method}`;
}

export interface TransactionHost {
  /** Called once when the transaction reaches Terminated: forget it. */
  removeTransaction(tx: ClientTransaction): void;
  /**
   * The transaction enters a waiting state (Completed, Accepted) for `ms`: the host absorbs
   * retransmitted responses for it (handing them to `onResponse`) and calls `expire()` at the end.
   */
  retireTransaction(tx: ClientTransaction, status: { expire(): void }, ms: number, onResponse?: (res: SipMessage) => void): void;
  /** Counts a retransmission (metrics). */
  countRetransmission(): void;
}

/** The state of one transaction, kept apart from it (see ClientTransaction.#status). */
class TransactionStatus {
  state = '';
  expire(): void {
    this.state = 'terminated';
  }
}

export abstract class ClientTransaction {
  abstract readonly kind: 'invite' | 'non-invite';
  /**
   * The state lives in a small box of its own: a retired transaction (Completed, Accepted) is
   * remembered by the layer through this box only, so the transaction itself — request, wire
   * bytes, response — can be collected at once. (A WeakRef would not do: V8's scavenger treats
   * WeakRef targets as strong, so every retired transaction was promoted to the old generation.)
   */
  readonly #status = new TransactionStatus();
  readonly key: string;
  readonly method: string;
  readonly outcome: Promise<TransactionOutcome>;
  /** Times the request was sent (1 + retransmissions). */
  sends = 0;
  #resolve!: (o: TransactionOutcome) => void;
  #done = false;
  readonly #timers = new Map<TimerName, NodeJS.Timeout>();
  protected readonly wire: Buffer;
  protected abstract readonly states: Record<string, (input: TransactionInput) => void>;

  get state(): string {
    return this.#status.state;
  }

  set state(value: string) {
    this.#status.state = value;
  }

  constructor(
    readonly request: SipMessage,
    readonly branch: string,
    readonly flow: Flow,
    protected readonly timers: Readonly<TimerTable>,
    protected readonly host: TransactionHost,
    protected readonly user: ClientTransactionUser,
    wire: Buffer,
  ) {
    this.method = request.method;
    this.key = transactionKey(branch, request.method);
    this.wire = wire;
    this.outcome = new Promise((r) => (this.#resolve = r));
  }

  /** Feeds one input to the current state's function. */
  input(input: TransactionInput): void {
    const fn = this.states[this.state];
    if (fn) fn(input);
  }

  receive(response: SipMessage): void {
    this.input({ type: 'response', response });
  }

  transportError(error: TransportError): void {
    this.input({ type: 'transport_error', error });
  }

  /** Stops everything without an outcome change (client closing). */
  abort(error: TransportError): void {
    this.finish({ kind: 'transport-error', error, at: performance.now() });
    this.terminate();
  }

  get terminated(): boolean {
    return this.state === 'terminated';
  }

  /** Sends the request bytes (first send and retransmissions). */
  protected send(): void {
    if (this.sends > 0) this.host.countRetransmission();
    this.sends++;
    this.flow.send(this.wire, (error) => this.transportError(error as TransportError));
  }

  protected startTimer(name: TimerName, ms: number): void {
    this.stopTimer(name);
    const t = setTimeout(() => {
      this.#timers.delete(name);
      this.input({ type: 'timer', timer: name });
    }, ms);
    this.#timers.set(name, t);
  }

  protected stopTimer(name: TimerName): void {
    const t = this.#timers.get(name);
    if (t) {
      clearTimeout(t);
      this.#timers.delete(name);
    }
  }

  /** Resolves the outcome once; later calls are ignored (duplicates absorbed). */
  protected finish(o: TransactionOutcome): void {
    if (this.#done) return;
    this.#done = true;
    this.#resolve(o);
  }

  /**
   * Moves to a waiting state that only absorbs retransmissions until `ms` passes (Timer K, D or
   * M): the host keeps the key and `onResponse` — which must not capture this transaction — and
   * this object is free to be collected.
   */
  protected retire(state: string, ms: number, onResponse?: (res: SipMessage) => void): void {
    for (const t of this.#timers.values()) clearTimeout(t);
    this.#timers.clear();
    this.state = state;
    this.host.retireTransaction(this, this.#status, ms, onResponse);
  }

  protected terminate(): void {
    if (this.state === 'terminated') return;
    this.state = 'terminated';
    for (const t of this.#timers.values()) clearTimeout(t);
    this.#timers.clear();
    this.host.removeTransaction(this);
  }

  /** Timers still running (tests check none is left behind). */
  get activeTimers(): TimerName[] {
    return [...this.#timers.keys()];
  }
}
