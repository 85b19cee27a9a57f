import type { DnsStep } from './plan.js';
import type { Resolution } from './resolve-target.js';

/** The resolution as the JSON the CLI prints (`siptrunk resolve --json`). */
export function resolutionJson(r: Resolution): Record<string, unknown> {
  return {
    ok: r.plan.length > 0,
    target: {
      input: r.target.input,
      scheme: r.target.scheme,
      host: r.target.host,
      hostKind: r.target.hostKind,
      port: r.target.port ?? null,
      transport: r.target.transport ?? null,
    },
    source: r.source,
    srvFound: r.srvFound,
    tree: r.tree,
    regional: r.regional ?? null,
    plan: r.plan.map((e, i) => ({ order: i + 1, ...e })),
    notes: r.notes,
  };
}

function stepLine(s: DnsStep<unknown>, records: string[]): string {
  const from = s.error ? `error ${s.error.code}: ${s.error.message}` : records.length === 0 ? 'no records' : records.join(', ');
  const via = s.server ? ` [${s.cached ? 'cache' : s.server}]` : '';
  return `  ${s.type.padEnd(5)} ${s.name}: ${from}${via}`;
}

/** The resolution tree and the attempt plan as text for a terminal. */
export function formatResolution(r: Resolution): string {
  const out: string[] = [];
  out.push(`${r.target.input} -> ${r.target.scheme}:${r.target.host}${r.target.port ? `:${r.target.port}` : ''}${r.target.transport ? ` (${r.target.transport})` : ''}`);
  out.push('Resolution (RFC 3263):');
  if (r.tree.naptr) {
    out.push(stepLine(r.tree.naptr, r.tree.naptr.records.map((n) => `${n.order} ${n.preference} "${n.flags}" "${n.services}" -> ${n.replacement} (ttl ${n.ttl})`)));
  }
  for (const s of r.tree.srv) {
    out.push(stepLine(s, s.records.map((x) => `${x.priority} ${x.weight} ${x.port} ${x.target} (ttl ${x.ttl})`)));
  }
  for (const s of r.tree.addresses) {
    out.push(stepLine(s, s.records.map((a) => `${a.address}${s.server === 'system' && a.ttl === 0 ? ' (hosts, no ttl)' : ` (ttl ${a.ttl})`}`)));
  }
  if (r.tree.naptr === undefined && r.tree.srv.length === 0 && r.tree.addresses.length === 0) out.push('  (no DNS lookup needed)');
  if (r.regional) {
    const by = r.regional.orderedBy === 'rtt' ? 'measured OPTIONS round-trip time' : 'great-circle distance';
    out.push(`Regional fallback of ${r.regional.carrier} from region ${r.regional.region}, by ${by}:`);
    for (const t of r.regional.tiers) {
      const eps = t.endpoints
        .map((e) => `${e.host} (${e.location}, ${e.distanceKm} km${e.rttMs !== undefined ? `, ${e.rttMs.toFixed(1)} ms` : r.regional?.orderedBy === 'rtt' ? ', no answer' : ''})`)
        .join(', ');
      out.push(`  tier ${t.tier}${t.tier === 1 ? ' (load-balanced, alternated per request)' : ' (backup)'}: ${eps}`);
    }
  }
  if (r.plan.length === 0) {
    out.push('Attempt plan: nothing resolved');
  } else {
    out.push('Attempt plan:');
    r.plan.forEach((e, i) => {
      const addr = e.family === 6 ? `[${e.address}]:${e.port}` : `${e.address}:${e.port}`;
      const extra = [
        e.host !== e.address ? e.host : undefined,
        e.priority !== undefined ? `priority ${e.priority} weight ${e.weight ?? 0}` : undefined,
        e.tier !== undefined ? `tier ${e.tier}` : undefined,
        e.ttl !== undefined ? `ttl ${e.ttl}` : undefined,
        e.source,
      ].filter(Boolean);
      out.push(`  ${String(i + 1).padStart(2)}. ${e.transport.toUpperCase().padEnd(3)} ${addr}  ${extra.join(', ')}`);
    });
  }
  if (r.notes.length) {
    out.push('Notes:');
    for (const n of r.notes) out.push(`  - ${n}`);
  }
  return out.join('\n') + '\n';
}
