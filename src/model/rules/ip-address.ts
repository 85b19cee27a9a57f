/**
 * IPv4 and IPv6 address parsing and prefix matching, written out here instead of node:net,
 * whose import pulls in the stream and socket machinery (about 15 ms of a cold
 * `siptrunk validate` on the project machines) for what is string work.
 *
 * IPv4: dotted decimal, four numbers 0-255, no leading zeros (RFC 3986 section 3.2.2
 * dec-octet, as node's isIPv4). IPv6: RFC 4291 section 2.2 text forms, `::` compression and an
 * IPv4 tail; zone ids (`%eth0`) are not accepted.
 */

const DEC_OCTET = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** The four octets of a dotted-decimal IPv4 address, or undefined. */
export function parseIPv4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => DEC_OCTET.test(p))) return undefined;
  return parts.map(Number);
}

/** The eight 16-bit groups of an IPv6 address, or undefined. */
export function parseIPv6(text: string): number[] | undefined {
  if (text.length > 45 || !/^[0-9A-Fa-f:.]+$/.test(text)) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (s: string): number[] | undefined => {
    if (s === '') return [];
    const out: number[] = [];
    const parts = s.split(':');
    for (const [i, p] of parts.entries()) {
      if (i === parts.length - 1 && p.includes('.')) {
        const v4 = parseIPv4(p);
        if (!v4) return undefined;
        out.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
      } else if (/^[0-9A-Fa-f]{1,4}$/.test(p)) {
        out.push(parseInt(p, 16));
      } else {
        return undefined;
      }
    }
    return out;
  };
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  if (!head || !tail) return undefined;
  if (halves.length === 1) return head.length === 8 ? head : undefined;
  const missing = 8 - head.length - tail.length;
  if (missing < 1) return undefined;
  return [...head, ...Array<number>(missing).fill(0), ...tail];
}

export function isIPv4(text: string): boolean {
  return parseIPv4(text) !== undefined;
}

export function isIPv6(text: string): boolean {
  return parseIPv6(text) !== undefined;
}

/** 4 or 6 for an address, 0 otherwise (as node's net.isIP). */
export function ipFamily(text: string): 0 | 4 | 6 {
  return isIPv4(text) ? 4 : isIPv6(text) ? 6 : 0;
}

/** Whether the first `prefix` bits of two equal-length word lists (of `width` bits each) agree. */
function samePrefix(a: number[], b: number[], width: number, prefix: number): boolean {
  let left = prefix;
  for (let i = 0; i < a.length && left > 0; i++, left -= width) {
    const take = Math.min(width, left);
    const shift = width - take;
    if (a[i]! >>> shift !== b[i]! >>> shift) return false;
  }
  return true;
}

/** Whether `address` lies in `network/prefix` (both of the same family). */
export function inPrefix(address: string, network: string, prefix: number): boolean {
  const a4 = parseIPv4(address);
  const n4 = parseIPv4(network);
  if (a4 && n4) return samePrefix(a4, n4, 8, prefix);
  const a6 = parseIPv6(address);
  const n6 = parseIPv6(network);
  if (a6 && n6) return samePrefix(a6, n6, 16, prefix);
  return false;
}
