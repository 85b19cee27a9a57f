/** Enabled transports, in preference order: each once (the schema checks the names). */
import type { Finding } from '../types.js';
import type { RuleContext } from '../rule-context.js';
import { duplicateFindings } from './list-duplicates.js';

export function transportsRule(ctx: RuleContext): Finding[] {
  ctx.model.transports = [...new Set(ctx.raw.transports)];
  return duplicateFindings(ctx, ctx.raw.transports, '/transports', 'MODEL_TRANSPORT_DUPLICATE', 'transport');
}
