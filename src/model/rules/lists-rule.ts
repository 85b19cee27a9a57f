/** Transports and firewall flavours: each listed once (the schema checks the names). */
import type { Finding } from '../types.js';
import { finding, type RuleContext } from '../rule-context.js';

function duplicates(ctx: RuleContext, list: readonly string[], base: string, code: string, what: string): Finding[] {
  const out: Finding[] = [];
  const firstAt = new Map<string, number>();
  list.forEach((v, i) => {
    const first = firstAt.get(v);
    if (first !== undefined) out.push(finding(ctx, 'error', code, `${base}/${i}`, `${what} ${v} is listed twice (first at ${base}/${first})`, `each ${what} once`));
    else firstAt.set(v, i);
  });
  return out;
}

export function transportsRule(ctx: RuleContext): Finding[] {
  ctx.model.transports = [...new Set(ctx.raw.transports)];
  return duplicates(ctx, ctx.raw.transports, '/transports', 'MODEL_TRANSPORT_DUPLICATE', 'transport');
}

export function firewallRule(ctx: RuleContext): Finding[] {
  ctx.model.firewall = [...new Set(ctx.raw.firewall)];
  return duplicates(ctx, ctx.raw.firewall, '/firewall', 'MODEL_FIREWALL_DUPLICATE', 'firewall flavour');
}
