/**
 * Call-ID values (RFC 3261 8.1.1.4, 20.8): `word`, unique across space and time, made of
 * cryptographically random bits (RECOMMENDED there) — and time-ordered, the way UUIDv7 is
 * (RFC 9562 6.2): a fixed-width creation time and sequence first, then 96 random bits.
 *
 *   0mwsgcakv000-pleE3X7a15APbb0g
 *   └──────────┘ └──────────────┘
 *   time + seq   96 random bits (base64url)
 *
 * Why ordered: peers keep Call-IDs in ordered indexes (sipp's std::map of calls, which holds
 * every call of the last 33 s to absorb retransmissions; the B-tree indexes of CDR and capture
 * databases). Random keys land all over such an index and each lookup misses the cache at
 * every level; keys that grow with time land next to each other. Measured against the sipp UAS
 * of the OPTIONS benchmark: 31-39 µs of UAS CPU per exchange with 16 random characters, 25-31 µs
 * with these (BENCHMARKS.md). The random part alone keeps the value unguessable;
 * the prefix tells only when the call was made, which the packet's arrival tells anyway.
 *
 * The prefix is base36 over [0-9a-z], fixed width, so byte order is numeric order: 9 digits of
 * milliseconds since 1970 (enough until the year 5188) and 3 of a sequence within the
 * millisecond. The clock is performance.timeOrigin + performance.now(), which never steps
 * back within a process; a 46,656th value within one millisecond borrows the next one, so the
 * values of one process always increase.
 */
import { randomToken } from '../transaction/branch.js';

const SEQ_LIMIT = 36 ** 3;
let lastMs = 0;
/** lastMs in base36, 9 digits (encoded once per millisecond). */
let lastMsText = '';
let seq = 0;

/** The time-and-sequence prefix: 12 characters of [0-9a-z] that increase with every call. */
export function callIdPrefix(nowMs = Math.floor(performance.timeOrigin + performance.now())): string {
  if (nowMs > lastMs) {
    lastMs = nowMs;
    lastMsText = lastMs.toString(36).padStart(9, '0');
    seq = 0;
  } else if (++seq === SEQ_LIMIT) {
    lastMs++;
    lastMsText = lastMs.toString(36).padStart(9, '0');
    seq = 0;
  }
  return lastMsText + seq.toString(36).padStart(3, '0');
}

/** A new Call-ID: time-ordered prefix, `-`, 96 random bits in base64url (29 characters). */
export function newCallId(): string {
  return `${callIdPrefix()}-${randomToken(12)}`;
}
