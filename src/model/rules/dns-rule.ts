/** The DNS server: `host:port` with an IP address, port 53 when none is written. */
import type { Finding } from '../types.js';
import { finding, type RuleContext } from '../rule-context.js';
import { isIPv4, isIPv6 } from './ip-address.js';

/** `127.0.0.1:5353`, `[::1]:53`, `192.0.2.53` -> { host, port }, or undefined. */
export function parseDnsServer(text: string): { host: string; port: number } | undefined {
  const m = /^(?:\[([^\]]+)\]|([^:[\]]+))(?::(\d{1,5}))?$/.exec(text);
  if (!m) return isIPv6(text) ? { host: text, port: 53 } : undefined;
  const host = m[1] ?? m[2] ?? '';
  const port = m[3] === undefined ? 53 : Number(m[3]);
  if (port < 1 || port > 65535) return undefined;
  if (m[1] !== undefined ? !isIPv6(host) : !isIPv4(host)) return undefined;
  return { host, port };
}

export function dnsRule(ctx: RuleContext): Finding[] {
  const server = ctx.raw.dns.server;
  ctx.model.dnsServer = server;
  if (server === undefined || parseDnsServer(server)) return [];
  return [finding(ctx, 'error', 'MODEL_DNS_SERVER_INVALID', '/dns/server', `"${server}" is not an IP address with an optional port`, 'host:port with an IP address, e.g. 127.0.0.1:5353 or [::1]:53 (port 53 when omitted)')];
}
