/**
 * The client side of the transaction layer (RFC 3261 17): sends requests through the
 * transports inside client transactions, matches every response to its transaction by top Via
 * branch and CSeq method (17.1.3), and drops and counts what matches nothing. It stamps each
 * request's top Via: the transport token of the flow, the flow's local address and port, a
 * fresh `z9hG4bK` branch and `rport` (RFC 3581).
 */
import { SipMessage } from '../message.js';
import type { OutgoingRequest } from '../outgoing-request.js';
import { serialize } from '../serializer.js';
import type { Destination, Flow, TransportSink } from '../transport/transport.js';
import { TransportLayer, type TransportLayerOptions } from '../transport/transport-layer.js';
import { TransportError } from '../transport/transport-error.js';
import { ClientTransaction, transactionKey, type TransactionHost } from './client-transaction.js';
import { InviteClientTransaction } from './invite-client-transaction.js';
import { NonInviteClientTransaction } from './non-invite-client-transaction.js';
import { Timers } from './timers.js';
import { newBranch } from './branch.js';
import { isTokenChar } from '../headers/header-names.js';
import { RetiredTransactions } from './retired-transactions.js';
import { TransactionTable } from './transaction-table.js';
import type { ClientTransactionUser } from './transaction-outcome.js';

export interface TransactionStats {
  /** Responses that matched no transaction (RFC 3261 17.1.3: dropped). */
  unmatchedResponses: number;
  /** Datagrams or stream bytes that did not parse. */
  malformed: number;
  /** Request retransmissions (Timers A and E). */
  retransmissions: number;
  /** Requests received from peers (handed to onRequest). */
  requestsReceived: number;
  /** Requests sent over TCP because they exceeded 1300 bytes (18.1.1). */
  sizeSwitchedToTcp: number;
  /** Retransmitted responses absorbed by transactions in Completed or Accepted. */
  absorbedRetransmissions: number;
}

export interface SendOptions {
  signal?: AbortSignal;
  user?: ClientTransactionUser;
  /** Send on this flow (CANCEL, in-dialog requests), not a new one. */
  flow?: Flow;
  /** Use this Via as is (CANCEL: the INVITE's top Via, RFC 3261 9.1). */
  via?: string;
}

export interface TransactionLayerOptions extends TransportLayerOptions {
  timers?: Timers;
}

export class TransactionLayer implements TransportSink, TransactionHost {
  readonly timers: Timers;
  readonly transports: TransportLayer;
  readonly stats: TransactionStats = { unmatchedResponses: 0, malformed: 0, retransmissions: 0, requestsReceived: 0, sizeSwitchedToTcp: 0, absorbedRetransmissions: 0 };
  /** Running transactions by key (a table of our own, not a Map: see transaction-table.ts). */
  readonly #transactions = new TransactionTable<ClientTransaction>();
  /** Transactions in Completed or Accepted: keys that still absorb retransmitted responses. */
  readonly #retired = new RetiredTransactions();
  /** Requests from peers (BYE, OPTIONS...); the user agent answers them. */
  onRequest: ((request: SipMessage, flow: Flow) => void) | undefined;
  /** Responses no transaction matched (after counting). */
  onUnmatchedResponse: ((response: SipMessage, flow: Flow) => void) | undefined;
  #closed = false;

  constructor(opts: TransactionLayerOptions = {}) {
    this.timers = opts.timers ?? new Timers();
    this.transports = new TransportLayer(this, opts);
  }

  /** Transactions running or waiting in Completed/Accepted (RFC 3261 17.1, RFC 6026). */
  get activeTransactions(): number {
    return this.#transactions.size + this.#retired.size;
  }

  /**
   * Sends `request` to `dest` inside a new client transaction and returns it (its `outcome`
   * resolves with the final response, a timeout or a transport error). Rejects with a
   * TransportError when no flow can be opened (connection refused, TLS not trusted, aborted).
   */
  async send(request: SipMessage | OutgoingRequest, dest: Destination, opts: SendOptions = {}): Promise<ClientTransaction> {
    return this.sendNow(request, dest, opts) ?? this.sendWhenReady(request, dest, opts);
  }

  /** send() for a request sendNow() just declined: waits for the flow (a connection), and takes TCP for a request too large for UDP. */
  async sendWhenReady(request: SipMessage | OutgoingRequest, dest: Destination, opts: SendOptions = {}): Promise<ClientTransaction> {
    this.#checkOpen(opts);
    const flow = opts.flow ?? (await this.transports.flow(dest, opts.signal));
    this.#checkOpen(opts);
    const branch = opts.via ? viaBranch(opts.via) : newBranch();
    const via = opts.via ?? this.#via(flow, branch);
    const wire = withVia(request, via);
    if (!opts.flow && !flow.reliable && TransportLayer.mustUseCongestionControlled(wire.length)) {
      // RFC 3261 18.1.1: larger than 1300 bytes -> TCP to the same address and port.
      withoutVia(request);
      const tcp = await this.transports.flow({ ...dest, transport: 'tcp' }, opts.signal);
      this.#checkOpen(opts);
      const tcpBranch = newBranch();
      const tcpVia = this.#via(tcp, tcpBranch);
      this.stats.sizeSwitchedToTcp++;
      return this.#start(request, tcpBranch, tcpVia, tcp, withVia(request, tcpVia), opts);
    }
    return this.#start(request, branch, via, flow, wire, opts);
  }

  /**
   * send() without waiting: when the flow is ready at once (a bound UDP socket, or `opts.flow`),
   * the transaction starts now and is returned; otherwise (a connection to open, a request too
   * large for UDP) nothing is sent and the result is undefined — call send(). Throws a
   * TransportError when the layer is closed or the signal already aborted.
   */
  sendNow(request: SipMessage | OutgoingRequest, dest: Destination, opts: SendOptions = {}): ClientTransaction | undefined {
    this.#checkOpen(opts);
    const flow = opts.flow ?? this.transports.flowNow(dest);
    if (flow === undefined) return undefined;
    const branch = opts.via ? viaBranch(opts.via) : newBranch();
    const via = opts.via ?? this.#via(flow, branch);
    const wire = withVia(request, via);
    if (!opts.flow && !flow.reliable && TransportLayer.mustUseCongestionControlled(wire.length)) {
      withoutVia(request);
      return undefined;
    }
    return this.#start(request, branch, via, flow, wire, opts);
  }

  #checkOpen(opts: SendOptions): void {
    if (this.#closed) throw new TransportError('send-failed', 'the SIP client is closed');
    if (opts.signal?.aborted) throw new TransportError('aborted', 'aborted before sending');
  }

  #start(request: SipMessage | OutgoingRequest, branch: string, via: string, flow: Flow, wire: Buffer, opts: SendOptions): ClientTransaction {
    const Tx = request.method === 'INVITE' ? InviteClientTransaction : NonInviteClientTransaction;
    const tx = new Tx(request, branch, via, flow, this.timers.table, this, opts.user ?? NO_USER, wire);
    if (!this.#transactions.add(tx.key, tx)) throw new TransportError('send-failed', `a transaction with branch ${branch} and method ${request.method} already runs`);
    const signal = opts.signal;
    if (signal) {
      const onAbort = () => tx.abort(new TransportError('aborted', 'aborted by the caller'));
      signal.addEventListener('abort', onAbort, { once: true });
      void tx.outcome.then(() => signal.removeEventListener('abort', onAbort));
    }
    tx.start();
    return tx;
  }

  /** Sends a request outside any transaction (the ACK for a 2xx, RFC 3261 13.2.2.4) with a new branch. */
  sendStateless(request: SipMessage, flow: Flow): Buffer {
    request.prepend('Via', this.#via(flow, newBranch()));
    const wire = serialize(request);
    flow.send(wire);
    return wire;
  }

  /** Our top Via (RFC 3261 18.1.1, 8.1.1.7; RFC 3581 rport): what formatVia() writes, without building params. */
  #via(flow: Flow, branch: string): string {
    const host = flow.local.address.includes(':') ? `[${flow.local.address}]` : flow.local.address;
    return `SIP/2.0/${VIA_TRANSPORT[flow.transport]} ${host}:${flow.local.port};branch=${branch};rport`;
  }

  // ---- TransportSink ---------------------------------------------------------------------

  onMessage(message: SipMessage, flow: Flow): void {
    if (message.isRequest) {
      this.stats.requestsReceived++;
      this.onRequest?.(message, flow);
      return;
    }
    // RFC 3261 17.1.3: the top Via branch and the CSeq method. A response normally echoes our
    // Via as we wrote it (8.2.6.2), maybe with rport and received values added: then the branch
    // is read off the row and the transaction found without parsing the Via. Any other row
    // goes through the full Via parser.
    let method: string;
    try {
      method = message.cseq().method;
    } catch {
      this.#unmatched(message, flow);
      return;
    }
    const row = message.firstRow('Via');
    let key: string | undefined;
    let tx: ClientTransaction | undefined;
    const at = row === undefined ? -1 : row.indexOf(';branch=');
    if (row !== undefined && at > 0) {
      let end = at + 8;
      while (end < row.length && isTokenChar(row.charCodeAt(end))) end++;
      key = transactionKey(row.slice(at + 8, end), method);
      tx = this.#transactions.get(key);
      if (tx !== undefined && !row.startsWith(tx.via)) tx = undefined;
    }
    if (tx === undefined) {
      try {
        const branch = message.topVia().branch;
        if (!branch) throw new Error('no branch');
        key = transactionKey(branch, method);
      } catch {
        this.#unmatched(message, flow);
        return;
      }
      tx = this.#transactions.get(key);
    }
    if (!tx) {
      if (this.#retired.absorb(key!, message)) {
        this.stats.absorbedRetransmissions++;
        return;
      }
      this.#unmatched(message, flow);
      return;
    }
    tx.receive(message);
  }

  #unmatched(message: SipMessage, flow: Flow): void {
    this.stats.unmatchedResponses++;
    this.onUnmatchedResponse?.(message, flow);
  }

  onMalformed(): void {
    this.stats.malformed++;
  }

  onFlowClosed(flow: Flow, error: Error | undefined): void {
    const err = error instanceof TransportError ? error : new TransportError('connection-closed', error?.message ?? 'connection closed');
    for (const tx of this.#transactions.values()) if (tx.flow === flow) tx.transportError(err);
  }

  // ---- TransactionHost -------------------------------------------------------------------

  removeTransaction(tx: ClientTransaction): void {
    this.#transactions.deleteIf(tx.key, tx);
  }

  retireTransaction(tx: ClientTransaction, ms: number, onResponse?: (res: SipMessage) => void, now?: number): void {
    this.#transactions.deleteIf(tx.key, tx);
    this.#retired.add(tx.key, ms, onResponse, now);
  }

  get closed(): boolean {
    return this.#closed;
  }

  countRetransmission(): void {
    this.stats.retransmissions++;
  }

  /** Ends every transaction (outcome: transport error "closed") and closes every transport. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const tx of this.#transactions.values()) tx.abort(new TransportError('aborted', 'the SIP client was closed'));
    this.#retired.clear();
    await this.transports.close();
  }
}

const NO_USER: ClientTransactionUser = Object.freeze({});

/**
 * The bytes of `request` with `via` as its top Via. A SipMessage gets the row (the transaction
 * keeps the message as sent); an OutgoingRequest writes its text around it.
 */
function withVia(request: SipMessage | OutgoingRequest, via: string): Buffer {
  if (!(request instanceof SipMessage)) return request.wire(via);
  request.prepend('Via', via);
  return serialize(request);
}

/** Undoes withVia() on a SipMessage. Requests built by the user agent carry only our own Via, so removing every row is right. */
function withoutVia(request: SipMessage | OutgoingRequest): void {
  if (request instanceof SipMessage) request.remove('Via');
}
const VIA_TRANSPORT: Readonly<Record<Flow['transport'], string>> = { udp: 'UDP', tcp: 'TCP', tls: 'TLS' };

function viaBranch(via: string): string {
  const m = /;\s*branch\s*=\s*([^;,\s]+)/i.exec(via);
  return m?.[1] ?? newBranch();
}
