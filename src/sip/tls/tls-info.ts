/**
 * What a TLS session negotiated, as the user agent reports it: protocol version, cipher, the
 * server certificate's expiry and whether it verified.
 */
import type { TLSSocket } from 'node:tls';

export interface TlsInfo {
  /** `TLSv1.2`, `TLSv1.3`. */
  version: string | null;
  /** OpenSSL cipher name. */
  cipher: string | null;
  /** Server certificate notAfter, ISO 8601. */
  certExpires: string | null;
  /** Whole days until the server certificate expires (negative when expired). */
  certDaysLeft: number | null;
  /** Server certificate subject CN. */
  certSubject: string | null;
  /** The certificate chain and name verified against the trusted CAs. */
  authorized: boolean;
  /** Why it did not verify (OpenSSL code such as DEPTH_ZERO_SELF_SIGNED_CERT), or null. */
  authorizationError: string | null;
}

export function describeTls(socket: TLSSocket, now = Date.now()): TlsInfo {
  const cert = socket.getPeerCertificate();
  const hasCert = cert && Object.keys(cert).length > 0;
  const expires = hasCert && cert.valid_to ? new Date(cert.valid_to) : null;
  const valid = expires && !Number.isNaN(expires.getTime()) ? expires : null;
  const cn = hasCert ? cert.subject?.CN : undefined;
  const authErr = socket.authorizationError as unknown;
  return {
    version: socket.getProtocol(),
    cipher: socket.getCipher()?.name ?? null,
    certExpires: valid ? valid.toISOString() : null,
    certDaysLeft: valid ? Math.floor((valid.getTime() - now) / 86_400_000) : null,
    certSubject: Array.isArray(cn) ? cn.join(',') : cn ?? null,
    authorized: socket.authorized,
    authorizationError: authErr == null ? null : authErr instanceof Error ? ((authErr as NodeJS.ErrnoException).code ?? authErr.message) : String(authErr),
  };
}
