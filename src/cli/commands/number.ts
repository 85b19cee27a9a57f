/** `siptrunk number NUMBER... [--json]`: E.164 check of each number; exit 0 all valid, 1 otherwise. */
import { checkNumber } from '../../model/rules/e164.js';
import { stableJson } from '../format-json.js';
import { printJson, paint } from '../output.js';

export async function run(args: unknown[], opts: Record<string, unknown>): Promise<number> {
  const inputs = (Array.isArray(args[0]) ? args[0] : args).map(String);
  const checks = inputs.map((n) => checkNumber(n));
  const ok = checks.every((c) => c.valid);
  if (opts['json']) {
    printJson(stableJson({ ok, numbers: checks }));
    return ok ? 0 : 1;
  }
  const lines: string[] = [];
  for (const c of checks) {
    if (c.valid) {
      lines.push(`${c.input}: ${paint('valid', 'green')} ${c.e164} country ${c.country ?? '-'} (+${c.callingCode}) national number ${c.nationalNumber}`);
    } else {
      for (const e of c.errors) lines.push(`${c.input}: ${paint('invalid', 'red')} ${paint(e.code, 'bold')} ${e.message} (expected ${e.expected})`);
    }
  }
  process.stdout.write(lines.join('\n') + '\n');
  return ok ? 0 : 1;
}
