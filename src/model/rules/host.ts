/**
 * Hosts of SIP URIs (RFC 3261 section 25.1: host = hostname / IPv4address / IPv6reference)
 * and whether the carrier can reach them.
 */
import { inPrefix, isIPv4, isIPv6 } from './ip-address.js';

export type HostKind = 'domain' | 'ipv4' | 'ipv6';

// hostname = *( domainlabel "." ) toplabel [ "." ]; domainlabel = alphanum / alphanum *( alphanum / "-" ) alphanum;
// toplabel = ALPHA / ALPHA *( alphanum / "-" ) alphanum
const DOMAIN_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;
const TOP_LABEL = /^[A-Za-z](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;

/**
 * The kind of a host as written in a URI (IPv6 in brackets), or a reason it is not valid.
 * RFC 1035 limits apply on top of the RFC 3261 grammar: labels of at most 63 characters,
 * 253 in all.
 */
export function classifyHost(host: string): { kind: HostKind; address: string } | { error: string } {
  if (host.startsWith('[')) {
    if (!host.endsWith(']')) return { error: `"${host}" opens a bracket for an IPv6 address but does not close it` };
    const inner = host.slice(1, -1);
    if (!isIPv6(inner)) return { error: `"${inner}" in brackets is not an IPv6 address` };
    return { kind: 'ipv6', address: inner.toLowerCase() };
  }
  if (isIPv6(host)) return { error: `the IPv6 address ${host} must be written in brackets ([${host}])` };
  if (/^[0-9.]+$/.test(host)) {
    if (isIPv4(host)) return { kind: 'ipv4', address: host };
    return { error: `"${host}" is not a valid IPv4 address (four numbers 0-255 separated by dots)` };
  }
  const name = host.endsWith('.') ? host.slice(0, -1) : host;
  if (name.length === 0) return { error: 'the host is empty' };
  if (name.length > 253) return { error: `the host name is ${name.length} characters long; at most 253 are allowed` };
  const labels = name.split('.');
  for (const [i, label] of labels.entries()) {
    const last = i === labels.length - 1;
    if (label.length > 63) return { error: `the label "${label.slice(0, 20)}..." of "${host}" is longer than 63 characters` };
    if (!(last ? TOP_LABEL : DOMAIN_LABEL).test(label)) {
      return {
        error: last
          ? `the last label "${label}" of "${host}" must start with a letter and hold only letters, digits and inner dashes`
          : `the label "${label}" of "${host}" must hold only letters, digits and inner dashes`,
      };
    }
  }
  return { kind: 'domain', address: name.toLowerCase() };
}

/** RFC 6890 special-purpose ranges the carrier's servers cannot reach. */
const V4_RANGES: [string, number, string][] = [
  ['0.0.0.0', 8, 'this-network'],
  ['10.0.0.0', 8, 'private (RFC 1918)'],
  ['100.64.0.0', 10, 'carrier-grade NAT shared (RFC 6598)'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private (RFC 1918)'],
  ['192.0.2.0', 24, 'documentation (TEST-NET-1)'],
  ['192.168.0.0', 16, 'private (RFC 1918)'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation (TEST-NET-2)'],
  ['203.0.113.0', 24, 'documentation (TEST-NET-3)'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];
const V6_RANGES: [string, number, string][] = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['fe80::', 10, 'link-local'],
  ['fc00::', 7, 'unique local (private)'],
  ['ff00::', 8, 'multicast'],
  ['2001:db8::', 32, 'documentation'],
];

const LOCAL_SUFFIXES = ['localhost', 'local', 'internal', 'lan', 'home', 'home.arpa', 'corp', 'intranet', 'test', 'invalid', 'example'];

/**
 * Why a host is not reachable from the internet (private, loopback, link-local address,
 * local-only name), or undefined when it may be.
 */
export function unreachableReason(address: string, kind: HostKind): string | undefined {
  if (kind === 'ipv4') {
    for (const [net, prefix, why] of V4_RANGES) if (inPrefix(address, net, prefix)) return `${address} is a ${why} address`;
    return undefined;
  }
  if (kind === 'ipv6') {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return unreachableReason(mapped[1]!, 'ipv4');
    for (const [net, prefix, why] of V6_RANGES) if (inPrefix(address, net, prefix)) return `${address} is an IPv6 ${why} address`;
    return undefined;
  }
  const name = address.toLowerCase();
  if (!name.includes('.')) return `"${address}" is a single-label name, which only resolves on a local network`;
  for (const suffix of LOCAL_SUFFIXES) {
    if (name === suffix || name.endsWith('.' + suffix)) return `"${address}" is under .${suffix}, a name that only resolves locally`;
  }
  return undefined;
}
