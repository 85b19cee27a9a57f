/** The region: one of the carrier profile's region ids (it orders the endpoints by distance). */
import type { Finding } from '../types.js';
import { finding, type RuleContext } from '../rule-context.js';

export function regionRule(ctx: RuleContext): Finding[] {
  if (!ctx.carrier) return [];
  const id = ctx.raw.region;
  if (ctx.carrier.regions.some((r) => r.id === id)) {
    ctx.model.region = id;
    return [];
  }
  const ids = ctx.carrier.regions.map((r) => r.id);
  const lower = ids.find((r) => r === id.toLowerCase());
  return [
    finding(ctx, 'error', 'MODEL_REGION_UNKNOWN', '/region', `"${id}" is not a region of ${ctx.carrier.name}${lower ? ` (did you mean "${lower}"?)` : ''}`, `one of ${ids.join(', ')}`),
  ];
}
