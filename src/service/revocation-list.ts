/**
 * Revoked token ids (`jti`). An entry is kept until the token would have expired anyway (plus
 * the clock-skew allowance), so the list stays as small as the set of live revoked tokens.
 * In memory only: a restart forgets revocations (documented; tokens live at most 24 h, and a
 * restart with a new signing key invalidates every token).
 */
export class RevocationList {
  readonly #revoked = new Map<string, number>();

  /** Revokes `jti` until `untilEpochSeconds`. */
  revoke(jti: string, untilEpochSeconds: number): void {
    this.#revoked.set(jti, untilEpochSeconds);
  }

  isRevoked(jti: string, now = Date.now()): boolean {
    const until = this.#revoked.get(jti);
    if (until === undefined) return false;
    if (until * 1000 < now) {
      this.#revoked.delete(jti);
      return false;
    }
    return true;
  }

  prune(now = Date.now()): void {
    for (const [jti, until] of this.#revoked) if (until * 1000 < now) this.#revoked.delete(jti);
  }

  get size(): number {
    return this.#revoked.size;
  }
}
