/**
 * A failure below the transaction layer (RFC 3261 17.1.4: "the client transaction SHOULD
 * inform the TU that a transport failure has occurred"). It is an outcome the user agent
 * reports, not an exception thrown at the caller.
 */
export type TransportFailure =
  | 'connect-refused'
  | 'connect-timeout'
  | 'unreachable'
  | 'connection-closed'
  | 'tls-handshake'
  | 'tls-unauthorized'
  | 'send-failed'
  | 'aborted';

export class TransportError extends Error {
  override name = 'TransportError';
  constructor(
    readonly failure: TransportFailure,
    message: string,
    readonly detail?: { code?: string; tls?: import('../tls/tls-info.js').TlsInfo },
  ) {
    super(message);
  }
}

/** Maps a Node socket error to a TransportFailure. */
export function classifySocketError(err: unknown, whileConnecting: boolean): TransportError {
  if (err instanceof TransportError) return err;
  const e = err as NodeJS.ErrnoException;
  const code = e?.code ?? '';
  const msg = e?.message ?? String(err);
  if (code === 'ECONNREFUSED') return new TransportError('connect-refused', `connection refused (${msg})`, { code });
  if (code === 'ETIMEDOUT') return new TransportError('connect-timeout', `connection timed out (${msg})`, { code });
  if (['EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'EAFNOSUPPORT', 'EINVAL'].includes(code)) {
    return new TransportError('unreachable', `destination unreachable (${msg})`, { code });
  }
  if (code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS') || /SSL|TLS|certificate/i.test(msg)) {
    return new TransportError('tls-handshake', `TLS handshake failed (${msg})`, { code });
  }
  return new TransportError(whileConnecting ? 'connect-refused' : 'connection-closed', msg, { code });
}
