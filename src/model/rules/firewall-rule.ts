/** Firewall flavours to render: each once (the schema checks the names). */
import type { Finding } from '../types.js';
import type { RuleContext } from '../rule-context.js';
import { duplicateFindings } from './list-duplicates.js';

export function firewallRule(ctx: RuleContext): Finding[] {
  ctx.model.firewall = [...new Set(ctx.raw.firewall)];
  return duplicateFindings(ctx, ctx.raw.firewall, '/firewall', 'MODEL_FIREWALL_DUPLICATE', 'firewall flavour');
}
