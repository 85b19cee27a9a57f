/**
 * A 64-bit hash of a transaction key for the layer's own hash tables (TransactionTable,
 * RetiredTransactions), as two 32-bit halves: FNV-1a and a multiply-xorshift over the UTF-16
 * code units, each finished with MurmurHash3's fmix32. Not a defence against chosen keys: the
 * tables only hold keys we made (random branches), and a peer's lookup can at worst miss or be
 * taken for a retired key (odds of about 1 in 2^63 if the hash were ideal; take that as an
 * estimate). The result is left in `hashHi` and `hashLo` (no array made per call); read them
 * right after calling `hashKey`. The last key is remembered: a transaction's key is looked up,
 * removed from the running table and added to the retired ones in one go, hashed once.
 */

/** High half, made odd so that it is never 0 (0 marks an empty slot). */
export let hashHi = 0;
export let hashLo = 0;

let lastKey: string | undefined;

export function hashKey(key: string): void {
  if (key === lastKey) return;
  let a = 0x811c9dc5;
  let b = 0x2545f491 ^ key.length;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  hashHi = (fmix32(a) | 1) >>> 0;
  hashLo = fmix32(b) >>> 0;
  lastKey = key;
}

/** MurmurHash3's finalizer: every input bit affects every output bit. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
