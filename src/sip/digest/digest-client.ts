import { randomBytes } from 'node:crypto';
import type { Secret } from '../../util/secret.js';
import type { SipMessage } from '../message.js';
import { SipParseError } from '../parse-error.js';
import { quote } from '../headers/auth.js';
import { digestAlgorithm, type DigestAlgorithm } from './algorithms.js';
import { parseChallenges, type DigestChallenge } from './challenge.js';
import { digestResponse, hashedUsername } from './response.js';

/**
 * The client side of SIP Digest authentication (RFC 3261 22.2-22.4, RFC 7616, RFC 8760).
 *
 * - A 401 carries WWW-Authenticate and is answered with Authorization; a 407 carries
 *   Proxy-Authenticate and is answered with Proxy-Authorization (RFC 3261 22.2, 22.3).
 * - Among several challenges for one realm, the strongest supported algorithm wins
 *   (SHA-512-256 > SHA-256 > MD5; a -sess variant ranks with its base; ties keep header order).
 *   Challenges for different realms are each answered (RFC 3261 22.3: "SHOULD add a credential
 *   for each realm"). Unsupported algorithms or qop values are skipped.
 * - qop: `auth` when offered, else `auth-int` (hash over the real body), else none (RFC 2069).
 *   `preferAuthInt` flips the first two.
 * - nonce-count runs per nonce (00000001, 00000002, ...) and a fresh random cnonce is drawn for
 *   every answer (RFC 7616 3.4).
 * - `stale=true` is answered again with the new nonce and is not a failure (RFC 7616 3.3). A
 *   challenge for a realm already answered within the same request (same Call-ID and CSeq method)
 *   without `stale=true` means the credentials were refused: `SIP_AUTH_REJECTED`, "wrong key or
 *   secret". Stale challenges repeating the same nonce, or more than `maxStaleRetries` in a row,
 *   are refused the same way, so a caller never loops.
 * - The password is a Secret: it is hashed and never appears in results or errors.
 *
 * Falls short: `username*` (RFC 7616 3.4.4, RFC 8187 extended notation for non-ASCII user names)
 * is not produced; the `domain` list is not used to pre-authorise other URIs; the server's
 * Authentication-Info (rspauth) is not checked.
 */
export interface DigestClientOptions {
  username: string;
  password: Secret;
  /** Prefer qop=auth-int over auth when both are offered. Default false. */
  preferAuthInt?: boolean;
  /** Stale challenges accepted in a row for one request and realm. Default 3. */
  maxStaleRetries?: number;
  /** cnonce generator; tests inject a fixed one. Default: 16 random bytes, hex. */
  cnonce?: () => string;
}

export type AuthHeaderName = 'Authorization' | 'Proxy-Authorization';

export interface DigestRequest {
  method: string;
  /** The Request-URI of the request being authorised (the digest-uri). */
  uri: string;
  body: Buffer;
}

export type AuthorizeResult =
  | {
      ok: true;
      header: AuthHeaderName;
      value: string;
      algorithm: string;
      realm: string;
      /** Whether this answers a stale=true challenge. */
      stale: boolean;
      /** Every credential this challenge response produced (one per realm challenged), first one above. */
      credentials: { header: AuthHeaderName; value: string; realm: string; algorithm: string }[];
    }
  | { ok: false; code: 'SIP_AUTH_NO_CHALLENGE' | 'SIP_AUTH_CHALLENGE_INVALID' | 'SIP_AUTH_UNSUPPORTED' | 'SIP_AUTH_REJECTED'; reason: string };

interface RealmState {
  header: AuthHeaderName;
  challenge: DigestChallenge;
  algorithm: DigestAlgorithm;
}

interface AttemptState {
  nonce: string;
  staleStreak: number;
}

const MAX_NONCES = 1024;
const MAX_ATTEMPTS = 4096;

export class DigestClient {
  readonly #username: string;
  readonly #password: Secret;
  readonly #preferAuthInt: boolean;
  readonly #maxStale: number;
  readonly #cnonce: () => string;
  /** Latest challenge per header kind and realm, for credentialsFor(). */
  readonly #realms = new Map<string, RealmState>();
  /** nonce -> last nonce-count used (made on first use: most clients answer one challenge). */
  #ncMap: Map<string, number> | undefined;
  /** "callId|method|header|realm" -> what we answered, to detect repeated challenges. */
  #attemptMap: Map<string, AttemptState> | undefined;

  constructor(opts: DigestClientOptions) {
    this.#username = opts.username;
    this.#password = opts.password;
    this.#preferAuthInt = opts.preferAuthInt ?? false;
    this.#maxStale = opts.maxStaleRetries ?? 3;
    this.#cnonce = opts.cnonce ?? (() => randomBytes(16).toString('hex'));
  }

  get #nc(): Map<string, number> {
    return (this.#ncMap ??= new Map());
  }

  get #attempts(): Map<string, AttemptState> {
    return (this.#attemptMap ??= new Map());
  }

  get username(): string {
    return this.#username;
  }

  /**
   * Answers a 401 or 407 response to `request`. The result's `value` goes in the retried request
   * under `header`; for a retry after both a 407 and a 401, use credentialsFor(), which gives
   * every header (Proxy-Authorization and Authorization) at once.
   */
  authorize(challengeResponse: SipMessage, request: DigestRequest): AuthorizeResult {
    const status = challengeResponse.status;
    const challengeHeader = status === 407 ? 'Proxy-Authenticate' : 'WWW-Authenticate';
    const header: AuthHeaderName = status === 407 ? 'Proxy-Authorization' : 'Authorization';
    if (challengeResponse.isRequest || (status !== 401 && status !== 407)) {
      return { ok: false, code: 'SIP_AUTH_NO_CHALLENGE', reason: `status ${status} is not a 401 or 407 challenge` };
    }
    const values = challengeResponse.getAll(challengeHeader);
    if (values.length === 0) {
      return { ok: false, code: 'SIP_AUTH_NO_CHALLENGE', reason: `the ${status} response carries no ${challengeHeader} header` };
    }
    // Parse each header value on its own so that one malformed challenge does not hide others.
    const challenges: DigestChallenge[] = [];
    let parseError: SipParseError | undefined;
    for (const v of values) {
      try {
        for (const c of parseChallenges([v], challengeHeader)) challenges.push(c);
      } catch (e) {
        if (e instanceof SipParseError) parseError = e;
        else throw e;
      }
    }
    if (challenges.length === 0 && parseError) return { ok: false, code: 'SIP_AUTH_CHALLENGE_INVALID', reason: parseError.message };
    // Strongest supported challenge per realm, in order of first appearance of each realm (an
    // array: one or two realms at most in practice).
    const best: { realm: string; c: DigestChallenge; alg: DigestAlgorithm }[] = [];
    for (const c of challenges) {
      const alg = digestAlgorithm(c.algorithm);
      if (alg === undefined || this.#chooseQop(c) === null) continue;
      const prev = best.find((b) => b.realm === c.realm);
      if (prev === undefined) best.push({ realm: c.realm, c, alg });
      else if (alg.strength > prev.alg.strength) {
        prev.c = c;
        prev.alg = alg;
      }
    }
    if (best.length === 0) {
      const skipped = challenges.map((c) => `${c.algorithm ?? 'MD5'}${c.qop.length ? ` qop=${c.qop.join(',')}` : ''}`);
      return {
        ok: false,
        code: 'SIP_AUTH_UNSUPPORTED',
        reason: `no supported Digest challenge in ${challengeHeader}${skipped.length ? ` (offered: ${skipped.join('; ')})` : ''}; supported: MD5, MD5-sess, SHA-256, SHA-256-sess, SHA-512-256, SHA-512-256-sess with qop auth, auth-int or none`,
      };
    }
    const callId = challengeResponse.get('Call-ID') ?? '';
    let cseqMethod = request.method;
    try {
      cseqMethod = challengeResponse.cseq().method;
    } catch {
      // keep the request's method
    }
    const credentials: { header: AuthHeaderName; value: string; realm: string; algorithm: string }[] = [];
    let anyStale = false;
    for (const { realm, c, alg } of best) {
      const attemptKey = `${callId}|${cseqMethod}|${header}|${realm}`;
      const prev = this.#attempts.get(attemptKey);
      if (prev !== undefined) {
        if (!c.stale) {
          return {
            ok: false,
            code: 'SIP_AUTH_REJECTED',
            reason: `${challengeHeader} challenged realm "${realm}" again after our answer: wrong key or secret`,
          };
        }
        if (c.nonce === prev.nonce || prev.staleStreak >= this.#maxStale) {
          return {
            ok: false,
            code: 'SIP_AUTH_REJECTED',
            reason: c.nonce === prev.nonce
              ? `${challengeHeader} for realm "${realm}" says stale=true but repeats the nonce already answered: wrong key or secret, or a broken server`
              : `${challengeHeader} for realm "${realm}" was stale ${prev.staleStreak + 1} times in a row; giving up`,
          };
        }
      }
      if (c.stale) anyStale = true;
      this.#remember(this.#attempts, attemptKey, { nonce: c.nonce, staleStreak: prev === undefined ? 0 : prev.staleStreak + 1 }, MAX_ATTEMPTS);
      this.#realms.set(`${header}|${realm}`, { header, challenge: c, algorithm: alg });
      credentials.push({ header, value: this.#answer(c, alg, request), realm, algorithm: alg.name });
    }
    const first = credentials[0]!;
    return { ok: true, header: first.header, value: first.value, algorithm: first.algorithm, realm: first.realm, stale: anyStale, credentials };
  }

  /**
   * Credentials for a new request (or a retry) from every challenge answered so far: each
   * Proxy-Authorization and Authorization header, with the next nonce-count for its nonce
   * (RFC 3261 22.3: a UAC "MAY cache" credentials for a realm and reuse them).
   */
  credentialsFor(request: DigestRequest): { header: AuthHeaderName; value: string }[] {
    const out: { header: AuthHeaderName; value: string }[] = [];
    // Proxy-Authorization first: proxies look at it before the UAS sees Authorization.
    const states = [...this.#realms.values()].sort((a, b) => (a.header === b.header ? 0 : a.header === 'Proxy-Authorization' ? -1 : 1));
    for (const s of states) out.push({ header: s.header, value: this.#answer(s.challenge, s.algorithm, request) });
    return out;
  }

  /** Forgets every challenge, nonce and attempt (e.g. after changing the credentials' target). */
  reset(): void {
    this.#realms.clear();
    this.#nc.clear();
    this.#attempts.clear();
  }

  #chooseQop(c: DigestChallenge): 'auth' | 'auth-int' | undefined | null {
    if (c.qop.length === 0) return undefined;
    const hasAuth = c.qop.includes('auth');
    const hasInt = c.qop.includes('auth-int');
    if (hasAuth && hasInt) return this.#preferAuthInt ? 'auth-int' : 'auth';
    if (hasAuth) return 'auth';
    if (hasInt) return 'auth-int';
    return null; // only unknown qop values: unsupported
  }

  #remember<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
    map.delete(key);
    map.set(key, value);
    if (map.size > max) map.delete(map.keys().next().value as K);
  }

  #answer(c: DigestChallenge, alg: DigestAlgorithm, request: DigestRequest): string {
    const qop = this.#chooseQop(c) ?? undefined;
    // nonce-count and cnonce only where they are sent (RFC 7616 3.4: nc with qop; cnonce with
    // qop or a -sess algorithm, whose H(A1) takes it).
    let nc = '';
    if (qop !== undefined) {
      const ncValue = (this.#nc.get(c.nonce) ?? 0) + 1;
      this.#remember(this.#nc, c.nonce, ncValue, MAX_NONCES);
      nc = ncValue.toString(16).padStart(8, '0');
    }
    const cnonce = qop !== undefined || alg.sess ? this.#cnonce() : '';
    const response = digestResponse({
      algorithm: alg,
      username: this.#username,
      password: this.#password,
      realm: c.realm,
      method: request.method,
      uri: request.uri,
      nonce: c.nonce,
      qop,
      nc,
      cnonce,
      body: request.body,
    });
    const username = c.userhash ? hashedUsername(alg, this.#username, c.realm) : this.#username;
    let v = `Digest username=${quote(username)}, realm=${quote(c.realm)}, nonce=${quote(c.nonce)}, uri=${quote(request.uri)}, response="${response}"`;
    if (c.algorithm !== undefined) v += `, algorithm=${alg.name}`;
    if (qop !== undefined || alg.sess) v += `, cnonce=${quote(cnonce)}`;
    if (c.opaque !== undefined) v += `, opaque=${quote(c.opaque)}`;
    if (qop !== undefined) v += `, qop=${qop}, nc=${nc}`;
    if (c.userhash) v += ', userhash=true';
    return v;
  }
}
