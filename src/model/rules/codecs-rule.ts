/** The codec list (rules/codecs.ts), or the default for the region when the model has none. */
import type { Finding } from '../types.js';
import { checkCodecs, defaultCodecs } from './codecs.js';
import { finding, type RuleContext } from '../rule-context.js';

export function codecsRule(ctx: RuleContext): Finding[] {
  const carrier = ctx.carrier;
  if (!carrier) return [];
  const region = carrier.regions.find((r) => r.id === ctx.raw.region);
  if (ctx.raw.codecs === undefined) {
    ctx.model.codecs = defaultCodecs(region?.ulaw ?? false, carrier.codecs);
    return [];
  }
  const check = checkCodecs(ctx.raw.codecs, {
    supported: carrier.codecs,
    carrierName: carrier.name,
    region: region ? { id: region.id, ulaw: region.ulaw } : undefined,
  });
  ctx.model.codecs = check.codecs;
  return check.problems.map((p) =>
    finding(ctx, p.severity, p.code, p.index === undefined ? '/codecs' : `/codecs/${p.index}`, p.message, p.expected),
  );
}
