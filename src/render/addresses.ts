import { isIPv4, isIPv6 } from 'node:net';

/** A carrier signalling address as ACLs and firewalls need it. */
export interface SignallingAddress {
  /** As written in the carrier profile. */
  input: string;
  family: 4 | 6;
  /** The address part, without prefix, in canonical form (IPv6 as RFC 5952 writes it). */
  address: string;
  /** Prefix length: 32/128 for a single host. */
  prefix: number;
  /** True when the input had an explicit prefix shorter than a single host. */
  isNetwork: boolean;
  /** `173.193.199.24/32`, `2001:db8::/32`. */
  cidr: string;
}

/**
 * Parses an IPv4/IPv6 address or CIDR. Returns undefined for anything else: a host name, a
 * range, text with spaces or any other character, so that only these exact forms ever reach a
 * firewall rule or an ACL.
 */
export function parseSignallingAddress(input: string): SignallingAddress | undefined {
  if (typeof input !== 'string' || input.length === 0 || input.length > 64) return undefined;
  const slash = input.indexOf('/');
  const address = slash === -1 ? input : input.slice(0, slash);
  const prefixText = slash === -1 ? undefined : input.slice(slash + 1);
  const family = isIPv4(address) ? 4 : isIPv6(address) ? 6 : 0;
  if (family === 0) return undefined;
  // Zone ids (fe80::1%eth0) are host-local: they have no place in an allowlist.
  if (address.includes('%')) return undefined;
  const max = family === 4 ? 32 : 128;
  let prefix = max;
  if (prefixText !== undefined) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(prefixText)) return undefined;
    prefix = Number(prefixText);
    if (prefix > max) return undefined;
  }
  const canonical = family === 4 ? address : canonicalIPv6(address);
  return {
    input,
    family,
    address: canonical,
    prefix,
    isNetwork: prefix < max,
    cidr: `${canonical}/${prefix}`,
  };
}

/**
 * An IPv6 address (already checked by isIPv6) in the form RFC 5952 section 4 recommends:
 * lower case, no leading zeros, the longest run of two or more zero groups as `::` (the first
 * one on a tie), and no embedded dotted IPv4 (nft's parser refuses forms like `::0:0.0.0.0`).
 */
export function canonicalIPv6(address: string): string {
  let text = address.toLowerCase();
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  if (tail.includes('.')) {
    const o = tail.split('.').map(Number);
    const hi = ((o[0]! << 8) | o[1]!).toString(16);
    const lo = ((o[2]! << 8) | o[3]!).toString(16);
    text = `${text.slice(0, lastColon + 1)}${hi}:${lo}`;
  }
  const [head, rest] = text.includes('::') ? (text.split('::') as [string, string]) : [text, undefined];
  const h = head === '' ? [] : head.split(':');
  const r = rest === undefined || rest === '' ? [] : rest.split(':');
  const zeros = rest === undefined ? 0 : 8 - h.length - r.length;
  const groups = [...h, ...Array<string>(zeros).fill('0'), ...r].map((g) => parseInt(g, 16));
  let best = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestLen < 2) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}
