import { isIP } from 'node:net';
import { SiptrunkError } from '../util/siptrunk-error.js';

/** Where DNS queries go: a numeric address and a port. */
export interface DnsServerAddress {
  host: string;
  port: number;
}

/**
 * Parses `--dns-server` / the model's `dnsServer`: `127.0.0.1`, `127.0.0.1:5353`, `::1`,
 * `[::1]:5353`. The host must be a numeric address: resolving the resolver's own name would
 * need a resolver.
 */
export function parseDnsServer(text: string, where = '--dns-server'): DnsServerAddress {
  const t = text.trim();
  const bad = (why: string): SiptrunkError =>
    new SiptrunkError('RESOLVE_DNS_SERVER_INVALID', `DNS server "${text}" ${why}`, {
      location: { path: where },
      expected: 'a numeric address with an optional port: 127.0.0.1:5353, [::1]:53 or 192.0.2.53',
    });
  let host: string;
  let portText: string | undefined;
  const bracket = /^\[([^\]]+)\](?::(.*))?$/.exec(t);
  if (bracket) {
    host = bracket[1] ?? '';
    portText = bracket[2];
  } else if (isIP(t) === 6) {
    host = t;
  } else {
    const i = t.lastIndexOf(':');
    host = i < 0 ? t : t.slice(0, i);
    portText = i < 0 ? undefined : t.slice(i + 1);
  }
  if (isIP(host) === 0) throw bad('is not a numeric IPv4 or IPv6 address');
  let port = 53;
  if (portText !== undefined) {
    if (!/^[0-9]{1,5}$/.test(portText)) throw bad(`has port "${portText}", not a number`);
    port = Number(portText);
    if (port < 1 || port > 65535) throw bad(`has port ${port}, outside 1-65535`);
  }
  return { host, port };
}

/** `127.0.0.1:53`, `[::1]:53`. */
export function formatDnsServer(s: DnsServerAddress): string {
  return isIP(s.host) === 6 ? `[${s.host}]:${s.port}` : `${s.host}:${s.port}`;
}
