import type { Finding } from '../model/types.js';

/** Collects render findings; each names the field (JSON pointer) and the format. */
export class FindingList {
  readonly items: Finding[] = [];

  /**
   * Adds an error when `problem` is defined. `field` is a JSON pointer into the model;
   * `format` names the file or format (`asterisk/pjsip.conf`); `expected` says what is valid.
   */
  check(problem: string | undefined, field: string, format: string, expected: string, code = 'RENDER_UNSAFE_VALUE'): void {
    if (problem === undefined) return;
    this.items.push({
      severity: 'error',
      code,
      message: `${field} ${problem}; it cannot be written to ${format}`,
      path: field,
      expected,
    });
  }

  add(f: Finding): void {
    this.items.push(f);
  }
}

/** Same finding only once (several targets check the same field for the same format). */
export function uniqueFindings(list: Finding[]): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const f of list) {
    const key = `${f.severity}|${f.code}|${f.path}|${f.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out;
}
