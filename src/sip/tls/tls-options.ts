/**
 * TLS client options for SIP over TLS (RFC 3261 26.2.1; RFC 5922 for the name check).
 *
 * - TLS 1.2 or later by default: the carrier accepts nothing older.
 * - SNI (RFC 6066 3) with the host name when the target is a name; never with an IP literal,
 *   which RFC 6066 forbids in server_name.
 * - The server certificate is verified against the system CA bundle unless `insecure` or a
 *   CA file is given. Node 20 has no `tls.getCACertificates('system')`: the system bundle is
 *   read from the usual Debian/RedHat/Alpine paths, and Node's bundled Mozilla roots are used
 *   when none exists.
 * - A client certificate and key when the user has one (`siptrunk cert` makes one).
 */
import { existsSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { checkServerIdentity as checkIdentity, type ConnectionOptions, type SecureVersion } from 'node:tls';
import type { Secret } from '../../util/secret.js';

export interface TlsClientOptions {
  /** Skip server certificate verification (still reported in the result). */
  insecure?: boolean;
  /** PEM CA certificates to trust instead of the system bundle. */
  ca?: string | Buffer;
  /** Client certificate (PEM) and its key. */
  cert?: string | Buffer;
  key?: Secret;
  /** Default TLSv1.2. */
  minVersion?: SecureVersion;
}

const SYSTEM_BUNDLES = ['/etc/ssl/certs/ca-certificates.crt', '/etc/pki/tls/certs/ca-bundle.crt', '/etc/ssl/cert.pem'];
let systemCa: string | null | undefined;

/** The system CA bundle, or null to fall back to Node's bundled roots. */
export function systemCaBundle(): string | null {
  if (systemCa !== undefined) return systemCa;
  systemCa = null;
  for (const p of SYSTEM_BUNDLES) {
    try {
      if (existsSync(p)) {
        systemCa = readFileSync(p, 'utf8');
        break;
      }
    } catch {
      /* unreadable: try the next */
    }
  }
  return systemCa;
}

/**
 * Options for tls.connect. Verification is done by the caller after the handshake (it reads
 * `socket.authorized`) so that an unverified server's certificate can still be reported; the
 * connection is closed before any SIP byte is sent when verification is required and failed.
 */
export function tlsConnectOptions(
  opts: TlsClientOptions,
  dest: { address: string; port: number; host?: string },
  localAddress?: string,
): ConnectionOptions {
  const name = dest.host && isIP(dest.host) === 0 ? dest.host : undefined;
  const ca = opts.ca ?? (opts.insecure ? undefined : systemCaBundle() ?? undefined);
  return {
    host: dest.address,
    port: dest.port,
    ...(name ? { servername: name } : {}),
    ...(localAddress ? { localAddress } : {}),
    minVersion: opts.minVersion ?? 'TLSv1.2',
    rejectUnauthorized: false,
    ...(ca ? { ca } : {}),
    ...(opts.cert ? { cert: opts.cert } : {}),
    ...(opts.key ? { key: opts.key.reveal() } : {}),
    // Name check against the host name when there is one, else the IP address (RFC 5922 7.2).
    checkServerIdentity: (_host, cert) => checkIdentity(name ?? dest.address, cert),
  };
}
