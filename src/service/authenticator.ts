/**
 * Decides who a request is from, for the three schemes of the carrier documents
 * (nexmo-authentication.txt): HTTP Basic with API key and secret (RFC 7617), an API key header
 * `Authorization: App KEY`, and a Bearer JWT (RFC 6750) minted by `POST /v1/tokens`.
 *
 * Outcomes, not exceptions: 401 for missing or wrong credentials (with WWW-Authenticate),
 * 403 for a key that exists but is disabled. Credentials never reach a log line or a message.
 */
import type { KeyObject } from 'node:crypto';
import { isSiptrunkError } from '../util/siptrunk-error.js';
import type { ApiKeyStore, CredentialCheck } from './api-keys.js';
import { verifyApplicationJwt } from './jwt.js';
import type { RevocationList } from './revocation-list.js';

export type AuthScheme = 'basic' | 'app' | 'bearer';

export type AuthOutcome =
  | { ok: true; key: string; scheme: AuthScheme; jti?: string; exp?: number }
  | { ok: false; status: 401 | 403; code: string; detail: string; scheme?: AuthScheme };

export interface AuthenticatorDeps {
  keys: ApiKeyStore;
  publicKey: KeyObject;
  revoked: RevocationList;
  skewSeconds: number;
  now?: () => number;
}

function fromCheck(check: CredentialCheck, scheme: AuthScheme): AuthOutcome {
  if (check.outcome === 'ok') return { ok: true, key: check.key, scheme };
  if (check.outcome === 'disabled') {
    return { ok: false, status: 403, code: 'SERVICE_AUTH_DISABLED', detail: `the API key ${check.key} is disabled`, scheme };
  }
  return { ok: false, status: 401, code: 'SERVICE_AUTH_INVALID', detail: 'the credentials are not valid', scheme };
}

export function authenticate(header: string | undefined, deps: AuthenticatorDeps): AuthOutcome {
  if (header === undefined || header.trim() === '') {
    return { ok: false, status: 401, code: 'SERVICE_AUTH_MISSING', detail: 'no Authorization header' };
  }
  const m = /^([A-Za-z]+) +(\S+)\s*$/.exec(header);
  if (!m) {
    return { ok: false, status: 401, code: 'SERVICE_AUTH_INVALID', detail: 'the Authorization header is not "<scheme> <credentials>"' };
  }
  const scheme = (m[1] as string).toLowerCase();
  const value = m[2] as string;
  if (scheme === 'basic') {
    const decoded = /^[A-Za-z0-9+/]+={0,2}$/.test(value) ? Buffer.from(value, 'base64').toString('utf8') : '';
    const colon = decoded.indexOf(':');
    if (colon <= 0) {
      return { ok: false, status: 401, code: 'SERVICE_AUTH_INVALID', detail: 'Basic credentials are not base64 of "key:secret"', scheme: 'basic' };
    }
    return fromCheck(deps.keys.checkKeySecret(decoded.slice(0, colon), decoded.slice(colon + 1)), 'basic');
  }
  if (scheme === 'app') return fromCheck(deps.keys.checkAppKey(value), 'app');
  if (scheme === 'bearer') {
    const now = deps.now?.() ?? Date.now();
    try {
      const claims = verifyApplicationJwt(value, deps.publicKey, { now, skewSeconds: deps.skewSeconds });
      if (deps.revoked.isRevoked(claims.jti, now)) {
        return { ok: false, status: 401, code: 'SERVICE_JWT_REVOKED', detail: 'the token has been revoked', scheme: 'bearer' };
      }
      const state = deps.keys.keyState(claims.application_id);
      if (state === 'unknown') {
        return { ok: false, status: 401, code: 'SERVICE_AUTH_INVALID', detail: 'the token names an unknown application_id', scheme: 'bearer' };
      }
      if (state === 'disabled') {
        return { ok: false, status: 403, code: 'SERVICE_AUTH_DISABLED', detail: `the API key ${claims.application_id} is disabled`, scheme: 'bearer' };
      }
      return { ok: true, key: claims.application_id, scheme: 'bearer', jti: claims.jti, exp: claims.exp };
    } catch (err) {
      if (isSiptrunkError(err)) return { ok: false, status: 401, code: err.code, detail: err.message, scheme: 'bearer' };
      throw err;
    }
  }
  return { ok: false, status: 401, code: 'SERVICE_AUTH_INVALID', detail: `the scheme ${m[1]} is not accepted`, };
}

/** The WWW-Authenticate challenge sent with a 401 (RFC 9110 11.6.1). */
export const WWW_AUTHENTICATE = 'Basic realm="siptrunk", charset="UTF-8", Bearer realm="siptrunk", App realm="siptrunk"';
