import { isIPv4, isIPv6 } from 'node:net';

/** A carrier signalling address as ACLs and firewalls need it. */
export interface SignallingAddress {
  /** As written in the carrier profile. */
  input: string;
  family: 4 | 6;
  /** The address part, without prefix. */
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
  return {
    input,
    family,
    address,
    prefix,
    isNetwork: prefix < max,
    cidr: `${address}/${prefix}`,
  };
}
