/**
 * What TCP and TLS share (RFC 3261 18 over streams): a pool of connections keyed by
 * destination and reused by every transaction to it (18.1.1: a client "SHOULD" reuse a
 * connection to the same destination), framing by Content-Length (18.3), RFC 5626 4.4.1 CRLF
 * keep-alive ("\r\n\r\n" every `keepAliveMs`), and closing connections idle for `idleTimeoutMs`.
 * Timers are unref'd: an idle pool never keeps the process alive.
 */
import type { Socket } from 'node:net';
import { StreamFramer } from '../stream-framer.js';
import type { Destination, Endpoint, Flow, SipTransport, TransportName, TransportSink } from './transport.js';
import { TransportError, classifySocketError } from './transport-error.js';
import type { TlsInfo } from '../tls/tls-info.js';

export interface StreamTransportOptions {
  localAddress?: string;
  /** Give up connecting after this long. Default 10 s. */
  connectTimeoutMs?: number;
  /** Send a CRLF keep-alive this often on an open connection. Default 30 s; 0 disables. */
  keepAliveMs?: number;
  /** Close a connection nothing used for this long. Default 120 s. */
  idleTimeoutMs?: number;
}

const CRLFCRLF = Buffer.from('\r\n\r\n');

export class StreamFlow implements Flow {
  readonly reliable = true;
  closed = false;
  lastUsed = Date.now();
  lastPing = 0;
  constructor(
    readonly transport: TransportName,
    readonly socket: Socket,
    readonly local: Endpoint,
    readonly remote: Endpoint,
    readonly tls?: TlsInfo,
  ) {}
  send(data: Buffer, onError?: (err: Error) => void): void {
    if (this.closed || this.socket.destroyed) {
      onError?.(new TransportError('connection-closed', `${this.transport.toUpperCase()} connection to ${this.remote.address}:${this.remote.port} is closed`));
      return;
    }
    this.lastUsed = Date.now();
    this.socket.write(data, (err) => {
      if (err) onError?.(classifySocketError(err, false));
    });
  }
}

export abstract class StreamTransport implements SipTransport {
  abstract readonly name: TransportName;
  readonly reliable = true;
  readonly #pool = new Map<string, Promise<StreamFlow>>();
  readonly #open = new Set<StreamFlow>();
  #closed = false;
  #timer: NodeJS.Timeout | undefined;

  constructor(
    protected readonly sink: TransportSink,
    protected readonly opts: StreamTransportOptions = {},
  ) {}

  /** Opens a connected (and, for TLS, handshaken and checked) socket. */
  protected abstract open(dest: Destination, timeoutMs: number, signal?: AbortSignal): Promise<{ socket: Socket; tls?: TlsInfo }>;

  #key(dest: Destination): string {
    return `${dest.address}|${dest.port}|${dest.host ?? ''}`;
  }

  /** Connections open now (for tests and metrics). */
  get openConnections(): number {
    return this.#open.size;
  }

  flow(dest: Destination, signal?: AbortSignal): Promise<Flow> {
    if (this.#closed) return Promise.reject(new TransportError('send-failed', `${this.name.toUpperCase()} transport is closed`));
    const key = this.#key(dest);
    const existing = this.#pool.get(key);
    if (existing) return existing;
    const p = this.#connect(dest, signal);
    this.#pool.set(key, p);
    p.catch(() => {
      if (this.#pool.get(key) === p) this.#pool.delete(key);
    });
    return p;
  }

  async #connect(dest: Destination, signal?: AbortSignal): Promise<StreamFlow> {
    const { socket, tls } = await this.open(dest, this.opts.connectTimeoutMs ?? 10_000, signal);
    const key = this.#key(dest);
    const flow = new StreamFlow(
      this.name,
      socket,
      { address: socket.localAddress ?? '', port: socket.localPort ?? 0 },
      { address: socket.remoteAddress ?? dest.address, port: socket.remotePort ?? dest.port },
      tls,
    );
    if (this.#closed) {
      socket.destroy();
      throw new TransportError('send-failed', `${this.name.toUpperCase()} transport is closed`);
    }
    this.#open.add(flow);
    this.#ensureTimer();
    socket.setNoDelay(true);
    // RFC 5626 4.4.1: a CRLF CRLF "ping" from the server is answered with a single CRLF "pong".
    const framer = new StreamFramer({ onPing: () => socket.write('\r\n') });
    let failure: Error | undefined;
    socket.on('data', (chunk: Buffer) => {
      let messages;
      try {
        messages = framer.push(chunk);
      } catch (err) {
        // A stream that cannot be framed cannot be resynchronised: drop the connection.
        this.sink.onMalformed(err, flow);
        failure = new TransportError('connection-closed', 'the peer sent bytes that are not SIP; connection closed');
        socket.destroy();
        return;
      }
      if (messages.length > 0) flow.lastUsed = Date.now(); // keep-alive pongs are not use
      for (const m of messages) this.sink.onMessage(m, flow);
    });
    socket.on('error', (err) => {
      failure ??= classifySocketError(err, false);
    });
    socket.on('close', () => {
      flow.closed = true;
      this.#open.delete(flow);
      const cur = this.#pool.get(key);
      if (cur) void cur.then((f) => f === flow && this.#pool.get(key) === cur && this.#pool.delete(key), () => undefined);
      this.sink.onFlowClosed(flow, failure ?? new TransportError('connection-closed', `${this.name.toUpperCase()} connection closed by ${dest.address}:${dest.port}`));
    });
    return flow;
  }

  /** One unref'd timer for keep-alives and idle closing of every connection. */
  #ensureTimer(): void {
    if (this.#timer) return;
    const keepAlive = this.opts.keepAliveMs ?? 30_000;
    const idle = this.opts.idleTimeoutMs ?? 120_000;
    const tick = Math.max(20, Math.min(keepAlive || idle, idle) / 2);
    this.#timer = setInterval(() => {
      const now = Date.now();
      for (const f of this.#open) {
        if (now - f.lastUsed >= idle) {
          f.socket.end();
          f.socket.destroySoon?.();
        } else if (keepAlive > 0 && !f.socket.destroyed && now - f.lastPing >= keepAlive && now - f.lastUsed >= keepAlive) {
          // RFC 5626 4.4.1: the client sends a double CRLF ("ping") on a connection that carried
          // nothing for a while; the server answers CRLF. Pings do not count as use, so an
          // otherwise idle connection still reaches the idle timeout.
          f.lastPing = now;
          f.socket.write(CRLFCRLF);
        }
      }
      if (this.#open.size === 0 && this.#timer) {
        clearInterval(this.#timer);
        this.#timer = undefined;
      }
    }, tick);
    this.#timer.unref();
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    const pending = [...this.#pool.values()];
    this.#pool.clear();
    await Promise.allSettled(pending);
    await Promise.all(
      [...this.#open].map(
        (f) =>
          new Promise<void>((r) => {
            if (f.socket.destroyed) return r();
            f.socket.once('close', () => r());
            f.socket.destroy();
          }),
      ),
    );
  }
}

/**
 * Connects with a timeout and an AbortSignal; resolves with the socket once `readyEvent` fires.
 * Used by tcp.ts ('connect') and tls.ts ('secureConnect').
 */
export function awaitConnected<S extends Socket>(socket: S, readyEvent: string, timeoutMs: number, signal: AbortSignal | undefined, what: string): Promise<S> {
  return new Promise<S>((resolve, reject) => {
    const fail = (err: Error) => {
      cleanup();
      socket.destroy();
      reject(err);
    };
    const onError = (err: Error) => fail(classifySocketError(err, true));
    const onAbort = () => fail(new TransportError('aborted', `${what}: aborted`));
    const timer = setTimeout(() => fail(new TransportError('connect-timeout', `${what}: no connection within ${timeoutMs} ms`)), timeoutMs);
    const onReady = () => {
      cleanup();
      resolve(socket);
    };
    const cleanup = () => {
      clearTimeout(timer);
      socket.off('error', onError);
      socket.off(readyEvent, onReady);
      signal?.removeEventListener('abort', onAbort);
    };
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('error', onError);
    socket.once(readyEvent, onReady);
  });
}
