/**
 * `siptrunk uris LIST [--json]`: a forward-to-SIP list (comma-separated, as the carrier's
 * dashboard takes it) checked with the built-in nexmo profile's rules; prints the failover
 * order. Exit 0 valid (warnings allowed), 1 invalid.
 */
import { parseForwardList } from '../../model/rules/forward-list.js';
import { loadCarrierProfile } from '../../carriers/load-carrier.js';
import { stableJson } from '../format-json.js';
import { printJson, paint } from '../output.js';
import { countFindings, formatFinding, plural } from '../format-findings.js';

export async function run(args: unknown[], opts: Record<string, unknown>): Promise<number> {
  const list = String(args[0]);
  const carrier = loadCarrierProfile('nexmo');
  const { entries, findings } = parseForwardList(list, { rules: carrier.forward, carrierName: carrier.name });
  const { errors, warnings } = countFindings(findings);
  const ok = errors === 0;
  if (opts['json']) {
    printJson(stableJson({ ok, errors, warnings, entries, findings }));
    return ok ? 0 : 1;
  }
  const lines: string[] = [];
  if (entries.length) lines.push('Failover order (next entry on 5xx or timeout):');
  for (const e of entries) {
    lines.push(`  ${e.index + 1}. ${e.uri}  ${e.transport.toUpperCase()} ${e.host} port ${e.port}${e.explicitPort ? '' : ' (default)'}, timeout ${e.timeoutMs} ms`);
  }
  for (const f of findings) lines.push(formatFinding(f));
  lines.push(`${ok ? paint('valid', 'green') : paint('invalid', 'red')} (${plural(entries.length, 'entry').replace('entrys', 'entries')}, ${plural(errors, 'error')}, ${plural(warnings, 'warning')})`);
  process.stdout.write(lines.join('\n') + '\n');
  return ok ? 0 : 1;
}
