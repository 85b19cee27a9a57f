/**
 * `siptrunk resolve TARGET [--dns-server ADDR] [--region R] [--model FILE] [--measure] [--json]`:
 * the RFC 3263 resolution tree (NAPTR, SRV, addresses with TTLs) and the ordered attempt plan;
 * for the carrier's own domain without SRV, the carrier's regional fallback plan in tiers.
 * Exit 0 when something resolved, 2 when nothing did (DNS error or no records), 3 bad usage.
 */
import { resolveCliContext } from '../../resolve/cli-context.js';
import { formatResolution, resolutionJson } from '../../resolve/format-resolution.js';
import { dnsClientFor, resolveTarget } from '../../resolve/resolve-target.js';
import { printJson } from '../output.js';

export async function run(args: unknown[], opts: Record<string, unknown>): Promise<number> {
  const target = String(args[0] ?? '');
  const ctx = await resolveCliContext(opts);
  const dns = dnsClientFor(ctx.dnsServer);
  let measure: ((e: import('../../resolve/plan.js').PlanEntry) => Promise<number | undefined>) | undefined;
  let closeMeasure: (() => Promise<void>) | undefined;
  if (opts['measure']) {
    const { optionsRttProber } = await import('../../resolve/sip-attempt.js');
    const prober = optionsRttProber({ timeoutMs: 2000 });
    measure = prober.measure;
    closeMeasure = prober.close;
  }
  try {
    const r = await resolveTarget(target, {
      dns,
      carrier: ctx.carrier,
      region: ctx.region,
      transports: ctx.model?.transports,
      measure,
    });
    if (opts['json']) printJson({ ...resolutionJson(r), dnsServer: dns.system ? 'system' : (dns.servers[0] ? `${dns.servers[0].host}:${dns.servers[0].port}` : null) });
    else process.stdout.write(formatResolution(r));
    return r.plan.length > 0 ? 0 : 2;
  } finally {
    await closeMeasure?.();
  }
}
