/**
 * The service's API keys. Each entry has a public `key` (an identifier, shown in logs and used
 * as the JWT `application_id`) and a secret stored only as its SHA-256 hash.
 *
 * Why SHA-256 and not scrypt: the secrets are generated, high-entropy values (the docs ask for
 * at least 128 bits, e.g. `openssl rand -hex 24`), so a fast hash is already preimage-proof; a
 * slow KDF protects low-entropy passwords, and would cost tens of milliseconds of CPU on every
 * Basic-authenticated request, which an attacker could use to exhaust the service. Short
 * falls: a hash cannot show the entropy of its secret, so a person-chosen secret stored here
 * would be guessable offline from a leaked config; docs/service.md says to generate secrets.
 *
 * Comparison is constant-time (crypto.timingSafeEqual over equal-length digests), and a lookup
 * walks every entry so the time does not depend on which one matched.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export interface ApiKeyEntry {
  key: string;
  /** Hex SHA-256 of the secret. */
  secretSha256: string;
  disabled: boolean;
}

export type CredentialCheck =
  | { outcome: 'ok'; key: string }
  | { outcome: 'disabled'; key: string }
  | { outcome: 'invalid' };

export function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

export class ApiKeyStore {
  readonly #entries: { key: string; keyDigest: Buffer; secretDigest: Buffer; disabled: boolean }[];

  constructor(entries: readonly ApiKeyEntry[]) {
    this.#entries = entries.map((e) => ({
      key: e.key,
      keyDigest: sha256(e.key),
      secretDigest: Buffer.from(e.secretSha256.toLowerCase(), 'hex'),
      disabled: e.disabled,
    }));
  }

  /** Key and secret (Basic, POST /v1/tokens). */
  checkKeySecret(key: string, secret: string): CredentialCheck {
    const kd = sha256(key);
    const sd = sha256(secret);
    let found: { key: string; disabled: boolean } | undefined;
    for (const e of this.#entries) {
      // Both comparisons always run, whatever the outcome of the first.
      const keyOk = timingSafeEqual(kd, e.keyDigest);
      const secretOk = e.secretDigest.length === 32 && timingSafeEqual(sd, e.secretDigest);
      if (keyOk && secretOk && !found) found = e;
    }
    if (!found) return { outcome: 'invalid' };
    return found.disabled ? { outcome: 'disabled', key: found.key } : { outcome: 'ok', key: found.key };
  }

  /** `Authorization: App KEY`: the presented value is the secret-bearing API key itself. */
  checkAppKey(presented: string): CredentialCheck {
    const sd = sha256(presented);
    let found: { key: string; disabled: boolean } | undefined;
    for (const e of this.#entries) {
      const ok = e.secretDigest.length === 32 && timingSafeEqual(sd, e.secretDigest);
      if (ok && !found) found = e;
    }
    if (!found) return { outcome: 'invalid' };
    return found.disabled ? { outcome: 'disabled', key: found.key } : { outcome: 'ok', key: found.key };
  }

  /** The state of a key named in a token (`application_id`). */
  keyState(key: string): 'ok' | 'disabled' | 'unknown' {
    const e = this.#entries.find((x) => x.key === key);
    if (!e) return 'unknown';
    return e.disabled ? 'disabled' : 'ok';
  }
}
