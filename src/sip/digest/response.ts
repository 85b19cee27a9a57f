import type { Secret } from '../../util/secret.js';
import { hashHex, type DigestAlgorithm } from './algorithms.js';

/**
 * The Digest `response` value (RFC 2617 3.2.2, RFC 7616 3.4.1-3.4.3, RFC 3261 22.4):
 *   A1 = username ":" realm ":" password            (H(A1):nonce:cnonce for -sess, 3.4.2)
 *   A2 = method ":" digest-uri                      (":" H(entity-body) added for auth-int, 3.4.3)
 *   response = KD(H(A1), nonce ":" nc ":" cnonce ":" qop ":" H(A2))   with qop
 *   response = KD(H(A1), nonce ":" H(A2))                           without qop (RFC 2069)
 * `username` is the real user name, even when the header carries its hash (userhash, 3.4.4).
 */
export interface DigestInputs {
  algorithm: DigestAlgorithm;
  username: string;
  password: Secret;
  realm: string;
  method: string;
  uri: string;
  nonce: string;
  /** `auth`, `auth-int`, or undefined for RFC 2069 compatibility. */
  qop: 'auth' | 'auth-int' | undefined;
  /** 8 hex digits, e.g. `00000001`; unused without qop. */
  nc: string;
  cnonce: string;
  /** The request body, hashed for auth-int (RFC 7616 3.4.3: "entity-body"). */
  body: Buffer;
}

/**
 * H(A1) = H(username ":" realm ":" password) is the same for every request of a user, realm and
 * hash: computed once per password Secret (the cache lives and dies with it) and reused. The
 * last one found is checked first, with no key string to build: a probe asks one realm again
 * and again.
 */
interface Ha1Memo {
  hash: DigestAlgorithm['hash'];
  username: string;
  realm: string;
  ha1: string;
  byKey: Map<string, string>;
}
const HA1_CACHE = new WeakMap<Secret, Ha1Memo>();
const HA1_PER_SECRET = 16;

function ha1Of(hash: DigestAlgorithm['hash'], username: string, realm: string, password: Secret): string {
  const memo = HA1_CACHE.get(password);
  if (memo !== undefined && memo.hash === hash && memo.username === username && memo.realm === realm) return memo.ha1;
  const byKey = memo?.byKey ?? new Map<string, string>();
  const key = `${hash}\0${username}\0${realm}`;
  let ha1 = byKey.get(key);
  if (ha1 === undefined) {
    ha1 = hashHex(hash, `${username}:${realm}:${password.reveal()}`);
    if (byKey.size >= HA1_PER_SECRET) byKey.clear();
    byKey.set(key, ha1);
  }
  HA1_CACHE.set(password, { hash, username, realm, ha1, byKey });
  return ha1;
}

/**
 * H(A2) without auth-int = H(method ":" digest-uri) is the same for every request with that
 * method and URI, and a probe asks the same target again and again: kept for the last 256
 * (it is derived from public values only), the last one checked first without building a key.
 */
const HA2_CACHE = new Map<string, string>();
const HA2_MAX = 256;
let lastHa2: { hash: DigestAlgorithm['hash']; method: string; uri: string; ha2: string } | undefined;

function ha2Of(hash: DigestAlgorithm['hash'], method: string, uri: string): string {
  const last = lastHa2;
  if (last !== undefined && last.hash === hash && last.method === method && last.uri === uri) return last.ha2;
  const a2 = `${method}:${uri}`;
  const key = `${hash}\0${a2}`;
  let ha2 = HA2_CACHE.get(key);
  if (ha2 === undefined) {
    ha2 = hashHex(hash, a2);
    if (HA2_CACHE.size >= HA2_MAX) HA2_CACHE.clear();
    HA2_CACHE.set(key, ha2);
  }
  lastHa2 = { hash, method, uri, ha2 };
  return ha2;
}

export function digestResponse(i: DigestInputs): string {
  const h = i.algorithm.hash;
  let ha1 = ha1Of(h, i.username, i.realm, i.password);
  if (i.algorithm.sess) ha1 = hashHex(h, `${ha1}:${i.nonce}:${i.cnonce}`);
  const ha2 = i.qop === 'auth-int' ? hashHex(h, `${i.method}:${i.uri}:${hashHex(h, i.body)}`) : ha2Of(h, i.method, i.uri);
  if (i.qop === undefined) return hashHex(h, `${ha1}:${i.nonce}:${ha2}`);
  return hashHex(h, `${ha1}:${i.nonce}:${i.nc}:${i.cnonce}:${i.qop}:${ha2}`);
}

/** RFC 7616 3.4.4: username = H(unq(username) ":" unq(realm)) when the server asked for userhash. */
export function hashedUsername(algorithm: DigestAlgorithm, username: string, realm: string): string {
  return hashHex(algorithm.hash, `${username}:${realm}`);
}
