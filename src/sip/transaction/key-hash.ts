/**
 * A 64-bit hash of a transaction key for the layer's own hash tables (TransactionTable,
 * RetiredTransactions), as two 32-bit halves: FNV-1a and a multiply-xorshift over the UTF-16
 * code units. Not a defence against chosen keys: the tables only hold keys we made (random
 * branches), and a peer's lookup can at worst miss or, with odds of 1 in 2^63, be taken for a
 * retired key. The result is left in `hashHi` and `hashLo` (no array made per call); read them
 * right after calling `hashKey`. The last key is remembered: a transaction's key is looked up,
 * removed from the running table and added to the retired ones in one go, hashed once.
 */

/** High half, made odd so that it is never 0 (0 marks an empty slot). */
export let hashHi = 0;
export let hashLo = 0;

let lastKey: string | undefined;

export function hashKey(key: string): void {
  if (key === lastKey) return;
  lastKey = key;
  let a = 0x811c9dc5;
  let b = 0x2545f491 ^ key.length;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  hashHi = (a | 1) >>> 0;
  hashLo = b >>> 0;
}
