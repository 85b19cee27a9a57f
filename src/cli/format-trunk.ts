/** The human summary of a valid trunk model (`siptrunk validate`). Never shows the secret. */
import type { PhoneNumber, TrunkModel } from '../model/types.js';
import { describeSecretRef } from '../model/resolve-secret.js';
import { paint } from './output.js';

function num(n: PhoneNumber): string {
  return `${n.e164}${n.country ? ` (${n.country})` : ''}`;
}

export function formatTrunk(m: TrunkModel, stream: NodeJS.WriteStream = process.stdout): string {
  const region = m.carrier.regions.find((r) => r.id === m.region);
  const rows: [string, string][] = [
    ['Carrier', `${m.carrier.name} (${m.carrier.id}), ${m.carrier.domain}`],
    ['Account', `API key ${m.account.apiKey}, secret from ${describeSecretRef(m.account.secretRef)}`],
    ['Caller ID', num(m.callerId)],
    ['DIDs', m.dids.length ? m.dids.map(num).join(', ') : 'none'],
    ['Codecs', m.codecs.join(', ')],
    ['Transports', m.transports.join(', ')],
    ['Region', `${m.region}${region ? ` (${region.name})` : ''}`],
    [
      'PBX targets',
      m.pbx.length
        ? m.pbx.map((p) => `${p.kind} (in: ${p.inboundContext} -> ${p.inboundExtension}, out: ${p.outboundContext} ${p.outboundPatterns.join(' ')})`).join('\n' + ' '.repeat(15))
        : 'none',
    ],
    ['Firewall', m.firewall.length ? m.firewall.join(', ') : 'none'],
  ];
  if (m.dnsServer) rows.push(['DNS server', m.dnsServer]);
  const lines = [paint(`Trunk ${m.name}`, 'bold', stream)];
  for (const [k, v] of rows) lines.push(`  ${k.padEnd(13)}${v}`);
  if (m.forward.length) {
    lines.push('  Forward to SIP, failover order (next entry on 5xx or timeout):');
    for (const e of m.forward) {
      lines.push(`    ${e.index + 1}. ${e.uri}  ${e.transport.toUpperCase()} port ${e.port}, timeout ${e.timeoutMs} ms`);
    }
  } else {
    lines.push(`  ${'Forward'.padEnd(13)}none`);
  }
  return lines.join('\n');
}
