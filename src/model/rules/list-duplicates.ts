/** Findings for values listed more than once in a list of names (transports, firewall flavours). */
import type { Finding } from '../types.js';
import { finding, type RuleContext } from '../rule-context.js';

export function duplicateFindings(ctx: RuleContext, list: readonly string[], base: string, code: string, what: string): Finding[] {
  const out: Finding[] = [];
  const firstAt = new Map<string, number>();
  list.forEach((v, i) => {
    const first = firstAt.get(v);
    if (first !== undefined) out.push(finding(ctx, 'error', code, `${base}/${i}`, `${what} ${v} is listed twice (first at ${base}/${first})`, `each ${what} once`));
    else firstAt.set(v, i);
  });
  return out;
}
