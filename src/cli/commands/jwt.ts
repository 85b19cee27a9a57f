/**
 * `siptrunk jwt --application-id ID --private-key FILE [--ttl 15m] [--json]`: mints an RS256
 * application JWT for the carrier's Voice API, the same kind the service issues: header
 * `{ alg: RS256, typ: JWT }`, claims application_id, iat, nbf, exp, jti; lifetime 30 s to 24 h.
 * Prints the token alone (for `$(siptrunk jwt ...)`), or with --json the token, its claims and
 * when it expires. The private key never appears in output or errors.
 */
import { parseDurationSeconds } from '../../service/duration.js';
import { checkTtl, mintApplicationJwt } from '../../service/jwt.js';
import { readPrivateKey } from '../../service/signing-keys.js';
import { SiptrunkError } from '../../util/siptrunk-error.js';
import { printJson } from '../output.js';

export async function run(_args: unknown[], opts: Record<string, unknown>): Promise<number> {
  const appId = String(opts['applicationId'] ?? '').trim();
  if (!appId) {
    throw new SiptrunkError('SERVICE_ARGUMENT_INVALID', '--application-id is empty', { expected: 'the application id, e.g. aaaaaaaa-bbbb-cccc-dddd-0123456789ab' });
  }
  const ttl = checkTtl(parseDurationSeconds(String(opts['ttl'] ?? '15m'), '--ttl'), `--ttl ${String(opts['ttl'] ?? '15m')}`);
  const key = readPrivateKey(String(opts['privateKey']));
  const minted = mintApplicationJwt({ applicationId: appId, privateKey: key, ttlSeconds: ttl });
  if (opts['json']) {
    printJson({ ok: true, token: minted.token, header: { alg: 'RS256', typ: 'JWT' }, claims: minted.claims, expiresAt: minted.expiresAt, expiresIn: minted.expiresIn });
  } else {
    process.stdout.write(minted.token + '\n');
  }
  return 0;
}
