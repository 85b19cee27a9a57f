/**
 * What the INVITE and non-INVITE client transactions (RFC 3261 17.1) share: the request and
 * the flow it went on, the matching key (17.1.3), named timers, one outcome, and the event
 * loop that hands each input (`response`, `timer_X`, `transport_error`) to the function of the
 * current state.
 */
import { SipMessage } from '../message.js';
import type { OutgoingRequest } from '../outgoing-request.js';
import { parseMessage } from '../parser.js';
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
   * retransmitted responses for it (handing them to `onResponse`) until then.
   */
  retireTransaction(tx: ClientTransaction, ms: number, onResponse?: (res: SipMessage) => void, now?: number): void;
  /** Counts a retransmission (metrics). */
  countRetransmission(): void;
  /** True once the host was closed: every retired transaction counts as terminated. */
  readonly closed: boolean;
}

export abstract class ClientTransaction {
  abstract readonly kind: 'invite' | 'non-invite';
  readonly key: string;
  readonly method: string;
  readonly outcome: Promise<TransactionOutcome>;
  /** Times the request was sent (1 + retransmissions). */
  sends = 0;
  #state = '';
  /**
   * Once retired (Completed, Accepted), the performance.now() time the waiting timer ends: the
   * layer keeps only the key, and the state turns to `terminated` here when that time has come
   * (or the layer was closed), so nothing has to call back into this object, which can be
   * collected at once.
   */
  #retiredUntil = 0;
  #resolve!: (o: TransactionOutcome) => void;
  #done = false;
  /**
   * The two timers a running transaction can have — A or E (retransmit), B or F (timeout) —
   * as names and due times (performance.now()), served by one Node timer set for the earlier
   * of the two: a busy client makes one Timeout per transaction instead of two.
   */
  #retransmitName: TimerName | undefined;
  #retransmitAt = 0;
  #timeoutName: TimerName | undefined;
  #timeoutAt = 0;
  #timer: NodeJS.Timeout | undefined;
  #timerAt = Infinity;
  protected readonly wire: Buffer;
  /** Hands one input to the function of the current state. */
  protected abstract dispatch(state: string, input: TransactionInput): void;

  get state(): string {
    if (this.#retiredUntil !== 0 && (this.host.closed || performance.now() >= this.#retiredUntil)) {
      this.#retiredUntil = 0;
      this.#state = 'terminated';
    }
    return this.#state;
  }

  set state(value: string) {
    this.#retiredUntil = 0;
    this.#state = value;
  }

  /** The request as handed to the layer: a SipMessage (with our Via added), or an OutgoingRequest. */
  readonly #request: SipMessage | OutgoingRequest;
  /** The message parsed from the bytes sent, for an OutgoingRequest, once asked for. */
  #sent: SipMessage | undefined;

  /** The request as sent, top Via included (for an OutgoingRequest, parsed from the bytes on first use). */
  get request(): SipMessage {
    const r = this.#request;
    if (r instanceof SipMessage) return r;
    return (this.#sent ??= parseMessage(this.wire));
  }

  constructor(
    request: SipMessage | OutgoingRequest,
    readonly branch: string,
    /** The top Via of the request as written (responses echo it, RFC 3261 8.2.6.2). */
    readonly via: string,
    readonly flow: Flow,
    protected readonly timers: Readonly<TimerTable>,
    protected readonly host: TransactionHost,
    protected readonly user: ClientTransactionUser,
    wire: Buffer,
  ) {
    this.#request = request;
    this.method = request.method;
    this.key = transactionKey(branch, request.method);
    this.wire = wire;
    this.outcome = new Promise((r) => (this.#resolve = r));
  }

  /** Feeds one input to the current state's function. */
  input(input: TransactionInput): void {
    const state = this.state;
    if (state !== 'terminated') this.dispatch(state, input);
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
    const retransmission = this.sends > 0;
    if (retransmission) this.host.countRetransmission();
    this.sends++;
    this.flow.send(this.wire, (error) => this.transportError(error as TransportError), retransmission);
  }

  /** Starts (or restarts) a named timer: A and E share the retransmit slot, the others the timeout slot. */
  protected startTimer(name: TimerName, ms: number, now = performance.now()): void {
    const at = now + ms;
    if (name === 'A' || name === 'E') {
      this.#retransmitName = name;
      this.#retransmitAt = at;
    } else {
      this.#timeoutName = name;
      this.#timeoutAt = at;
    }
    this.#arm(now);
  }

  protected stopTimer(name: TimerName): void {
    if (this.#retransmitName === name) this.#retransmitName = undefined;
    else if (this.#timeoutName === name) this.#timeoutName = undefined;
    else return;
    if (this.#retransmitName === undefined && this.#timeoutName === undefined) this.#disarm();
    // Otherwise the Node timer may fire before the remaining slot is due; #fired() re-arms.
  }

  /** Sets the Node timer for the earlier slot, unless it is already set no later than that. */
  #arm(now = performance.now()): void {
    let at = Infinity;
    if (this.#retransmitName !== undefined) at = this.#retransmitAt;
    if (this.#timeoutName !== undefined && this.#timeoutAt < at) at = this.#timeoutAt;
    if (at === Infinity) return this.#disarm();
    if (this.#timer !== undefined && this.#timerAt <= at) return;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timerAt = at;
    this.#timer = setTimeout(() => this.#fired(), Math.max(0, at - now));
  }

  #disarm(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#timerAt = Infinity;
  }

  /** The Node timer fired: hands each slot that is due to the state machine, then re-arms. */
  #fired(): void {
    this.#timer = undefined;
    this.#timerAt = Infinity;
    // Node times from the event loop's cached clock, which can lag performance.now() by the
    // length of the current loop turn: a slot within 1 ms of its time counts as due.
    const now = performance.now() + 1;
    if (this.#timeoutName !== undefined && this.#timeoutAt <= now) {
      const name = this.#timeoutName;
      this.#timeoutName = undefined;
      this.input({ type: 'timer', timer: name });
    } else if (this.#retransmitName !== undefined && this.#retransmitAt <= now) {
      const name = this.#retransmitName;
      this.#retransmitName = undefined;
      this.input({ type: 'timer', timer: name });
    }
    if (this.#timer === undefined) this.#arm();
  }

  #stopTimers(): void {
    this.#retransmitName = undefined;
    this.#timeoutName = undefined;
    this.#disarm();
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
  protected retire(state: string, ms: number, onResponse?: (res: SipMessage) => void, now = performance.now()): void {
    this.#stopTimers();
    this.state = state;
    this.#retiredUntil = now + ms;
    this.host.retireTransaction(this, ms, onResponse, now);
  }

  protected terminate(): void {
    if (this.state === 'terminated') return;
    this.state = 'terminated';
    this.#stopTimers();
    this.host.removeTransaction(this);
  }

  /** Timers still running (tests check none is left behind). */
  get activeTimers(): TimerName[] {
    const out: TimerName[] = [];
    if (this.#retransmitName) out.push(this.#retransmitName);
    if (this.#timeoutName) out.push(this.#timeoutName);
    return out;
  }
}
