/**
 * Generic header parameters: `*( SEMI generic-param )` (RFC 3261 25.1), where
 * `generic-param = token [ EQUAL gen-value ]` and `gen-value = token / host / quoted-string`.
 * SEMI and EQUAL allow whitespace around them (SWS), which the RFC 4475 wsinv message exercises.
 */

export type Params = Record<string, string | null>;

export interface ParamsResult {
  params: Params;
  /** Index in `text` just after the last parameter (at a ',' or the end). */
  end: number;
  /** Empty parameters (`;;`) seen: legal for no grammar, noticed as a defect. */
  empty: number;
}

function isWs(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
}

/** A fresh parameter table without a prototype, so names such as `__proto__` are plain keys. */
export function newParams(): Params {
  return Object.create(null) as Params;
}

/**
 * Parses parameters starting at `from` (which should point at ';' or whitespace before it).
 * Names are lower-cased (they are case-insensitive); values keep their case, and quoted values
 * keep their quotes. Stops at the end or at a character that cannot start a parameter; `end`
 * tells where. Throws `Error` (caught and typed by callers) when a ';' is followed by '='.
 */
export function parseParams(text: string, from: number): ParamsResult {
  const params = newParams();
  let empty = 0;
  let i = from;
  const n = text.length;
  for (;;) {
    while (i < n && isWs(text.charCodeAt(i))) i++;
    if (i >= n || text.charCodeAt(i) !== 0x3b /* ; */) break;
    i++;
    while (i < n && isWs(text.charCodeAt(i))) i++;
    const nameStart = i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (isWs(c) || c === 0x3d || c === 0x3b || c === 0x2c) break;
      i++;
    }
    const name = text.slice(nameStart, i).toLowerCase();
    let j = i;
    while (j < n && isWs(text.charCodeAt(j))) j++;
    let value: string | null = null;
    if (j < n && text.charCodeAt(j) === 0x3d /* = */) {
      j++;
      while (j < n && isWs(text.charCodeAt(j))) j++;
      const vStart = j;
      if (j < n && text.charCodeAt(j) === 0x22) {
        j++;
        while (j < n && text.charCodeAt(j) !== 0x22) {
          if (text.charCodeAt(j) === 0x5c) j++;
          j++;
        }
        if (j >= n) throw new Error(`unterminated quoted string in parameter "${name}"`);
        j++;
      } else {
        while (j < n) {
          const c = text.charCodeAt(j);
          if (isWs(c) || c === 0x3b || c === 0x2c) break;
          j++;
        }
      }
      value = text.slice(vStart, j);
      i = j;
    }
    if (name.length === 0) {
      if (value !== null) throw new Error('parameter with a value but no name');
      empty++;
      continue;
    }
    params[name] = value;
  }
  return { params, end: i, empty };
}

/** Formats parameters as `;name=value;flag`. */
export function formatParams(params: Params | undefined): string {
  if (!params) return '';
  let out = '';
  for (const [k, v] of Object.entries(params)) out += v === null ? `;${k}` : `;${k}=${v}`;
  return out;
}
