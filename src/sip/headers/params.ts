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

/**
 * A fresh parameter table. A plain object (V8 keeps it fast, unlike a prototype-less one);
 * setParam stores a `__proto__` name as an own property so no input can change its prototype.
 */
export function newParams(): Params {
  return {};
}

/** Sets a parameter; `__proto__` becomes an ordinary own property. */
export function setParam<V>(obj: Record<string, V>, name: string, value: V): void {
  if (name === '__proto__') Object.defineProperty(obj, name, { value, enumerable: true, writable: true, configurable: true });
  else obj[name] = value;
}

/**
 * setParam for parsed names. The common names (of Via, From/To, Contact and the Digest
 * headers) get named stores: a keyed store of a freshly sliced or lower-cased string makes V8
 * internalise it first, which dominated Via parsing.
 */
export function storeParam<V>(obj: Record<string, V>, name: string, value: V): void {
  switch (name) {
    case 'branch':
      obj.branch = value;
      return;
    case 'tag':
      obj.tag = value;
      return;
    case 'rport':
      obj.rport = value;
      return;
    case 'received':
      obj.received = value;
      return;
    case 'lr':
      obj.lr = value;
      return;
    case 'transport':
      obj.transport = value;
      return;
    case 'expires':
      obj.expires = value;
      return;
    case 'realm':
      obj.realm = value;
      return;
    case 'nonce':
      obj.nonce = value;
      return;
    case 'algorithm':
      obj.algorithm = value;
      return;
    case 'qop':
      obj.qop = value;
      return;
    case 'opaque':
      obj.opaque = value;
      return;
    default:
      setParam(obj, name, value);
  }
}

/**
 * Parses parameters starting at `from` (which should point at ';' or whitespace before it).
 * Names are lower-cased (they are case-insensitive); values keep their case, and quoted values
 * keep their quotes. Stops at the end or at a character that cannot start a parameter; `end`
 * tells where. Throws `Error` (caught and typed by callers) when a ';' is followed by '='.
 */
export function parseParams(text: string, from: number): ParamsResult {
  const params = newParams();
  const n = text.length;
  // Fast path: ";a=b;c" up to the end with no whitespace, quotes or commas (the common case).
  if (text.charCodeAt(from) === 0x3b) {
    let simple = true;
    for (let k = from; k < n; k++) {
      const c = text.charCodeAt(k);
      if (c <= 0x20 || c === 0x22 || c === 0x2c) {
        simple = false;
        break;
      }
    }
    if (simple) {
      let empty = 0;
      let p = from + 1;
      for (;;) {
        let semi = text.indexOf(';', p);
        if (semi < 0) semi = n;
        let eq = -1;
        let upper = false;
        for (let k = p; k < semi; k++) {
          const c = text.charCodeAt(k);
          if (c === 0x3d) {
            eq = k;
            break;
          }
          if (c >= 0x41 && c <= 0x5a) upper = true;
        }
        const nameEnd = eq < 0 ? semi : eq;
        if (nameEnd === p) {
          if (eq >= 0) throw new Error('parameter with a value but no name');
          empty++;
        } else {
          const name = upper ? text.slice(p, nameEnd).toLowerCase() : text.slice(p, nameEnd);
          storeParam(params, name, eq < 0 ? null : text.slice(eq + 1, semi));
        }
        if (semi >= n) break;
        p = semi + 1;
      }
      return { params, end: n, empty };
    }
  }
  let empty = 0;
  let i = from;
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
    storeParam(params, name, value);
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
