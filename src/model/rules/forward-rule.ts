/** The forward-to-SIP list (rules/forward-list.ts), positioned in the YAML source. */
import type { Finding } from '../types.js';
import { parseForwardList } from './forward-list.js';
import type { RuleContext } from '../rule-context.js';

export function forwardRule(ctx: RuleContext): Finding[] {
  const carrier = ctx.carrier;
  if (!carrier) return [];
  const input = ctx.raw.forwardToSip;
  const { entries, findings } = parseForwardList(input, { rules: carrier.forward, carrierName: carrier.name });
  ctx.model.forward = entries;
  return findings.map((f) => {
    const { column, ...rest } = f;
    if (typeof input === 'string') {
      // One string: point at the entry inside it.
      const path = '/forwardToSip';
      return { ...rest, path, ...ctx.map.locate(path, column === undefined ? {} : { offset: column - 1 }) };
    }
    const path = `/forwardToSip${f.path}`;
    return { ...rest, path, ...ctx.map.locate(path) };
  });
}
