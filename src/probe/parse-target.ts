/**
 * Parses a probe target written as a SIP URI (`sip:host:port;transport=tcp`, `sips:host`) or
 * `host[:port]`, with IPv6 in brackets. Defaults follow RFC 3261 19.1.2 and 26.2: port 5060
 * (5061 for sips or TLS), transport UDP for sip and TLS for sips.
 *
 * Falls short of RFC 3263: a domain without an explicit port is probed at its A/AAAA address on
 * the default port; NAPTR/SRV are not consulted here (the model probe uses the resolver's plan).
 */
import { SiptrunkError } from '../util/siptrunk-error.js';
import type { ProbeTarget, ProbeTransport } from './types.js';

const TRANSPORTS = new Set(['udp', 'tcp', 'tls']);

export function parseProbeTarget(text: string, transportOverride?: ProbeTransport, name?: string): ProbeTarget {
  const input = text.trim();
  const bad = (why: string): never => {
    throw new SiptrunkError('PROBE_TARGET_INVALID', `target "${input}": ${why}`, {
      expected: 'a SIP URI such as sip:sip.example.com:5060;transport=tcp, or host[:port]',
    });
  };
  let rest = input;
  let scheme: 'sip' | 'sips' = 'sip';
  const sm = /^(sips?):/i.exec(rest);
  if (sm) {
    scheme = (sm[1] as string).toLowerCase() as 'sip' | 'sips';
    rest = rest.slice(sm[0].length);
  } else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(rest)) {
    bad('the scheme is not sip or sips');
  }
  const at = rest.indexOf('@');
  if (at >= 0) rest = rest.slice(at + 1);
  const [hostport = '', ...params] = rest.split(';');
  let host: string;
  let portText: string | undefined;
  if (hostport.startsWith('[')) {
    const end = hostport.indexOf(']');
    if (end < 0) bad('an IPv6 address lacks its closing ]');
    host = hostport.slice(1, end);
    const after = hostport.slice(end + 1);
    if (after && !after.startsWith(':')) bad('text after the IPv6 address');
    portText = after ? after.slice(1) : undefined;
  } else {
    const parts = hostport.split(':');
    if (parts.length > 2) bad('an IPv6 address must be in brackets');
    host = parts[0] as string;
    portText = parts[1];
  }
  if (!host || !/^[A-Za-z0-9.:_-]+$/.test(host)) bad('the host is empty or has characters a host cannot have');
  let transport: ProbeTransport | undefined;
  for (const p of params) {
    const [k, v] = p.split('=');
    if (k?.toLowerCase() === 'transport') {
      const t = (v ?? '').toLowerCase();
      if (!TRANSPORTS.has(t)) bad(`transport=${v ?? ''} is not udp, tcp or tls`);
      transport = t as ProbeTransport;
    }
  }
  transport = transportOverride ?? transport ?? (scheme === 'sips' ? 'tls' : 'udp');
  if (scheme === 'sips' && transport !== 'tls') bad('a sips URI needs TLS');
  let port = transport === 'tls' ? 5061 : 5060;
  if (portText !== undefined) {
    if (!/^\d{1,5}$/.test(portText) || Number(portText) < 1 || Number(portText) > 65535) bad(`port "${portText}" is not 1-65535`);
    port = Number(portText);
  }
  return { name: name ?? input, host, port, transport, role: 'target' };
}
