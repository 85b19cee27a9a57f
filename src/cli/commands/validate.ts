/** `siptrunk validate FILE [--json]`: exit 0 valid (warnings allowed), 1 invalid, 2 unreadable. */
import { loadModel } from '../../model/load-model.js';
import { stableJson } from '../format-json.js';
import { printJson, paint } from '../output.js';
import { countFindings, formatFinding, plural } from '../format-findings.js';
import { formatTrunk } from '../format-trunk.js';

export async function run(args: unknown[], opts: Record<string, unknown>): Promise<number> {
  const file = String(args[0]);
  const result = await loadModel(file);
  const { errors, warnings } = countFindings(result.findings);
  if (opts['json']) {
    printJson(stableJson({ ok: result.ok, file, errors, warnings, findings: result.findings, model: result.model ?? null }));
    return result.ok ? 0 : 1;
  }
  const out: string[] = [];
  if (result.model) out.push(formatTrunk(result.model));
  for (const f of result.findings) out.push(formatFinding(f));
  const verdict = result.ok ? paint('valid', 'green') : paint('invalid', 'red');
  out.push(`${file}: ${verdict} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`);
  process.stdout.write(out.join('\n') + '\n');
  return result.ok ? 0 : 1;
}
