/**
 * nftables: firewall/nftables.conf, an `nft -f` ruleset in a table of its own,
 * `inet siptrunk_<trunk>` (IPv4 and IPv6 in one table; '-' in the trunk name becomes '_', as nft
 * identifiers cannot hold '-').
 *
 * Why its input chain has policy accept: in nftables every base chain on a hook sees the packet,
 * and an accept ends the evaluation of its own table only; a drop anywhere is final. A table of
 * our own with policy drop would therefore lock the host out (SSH included), and its accepts
 * cannot open anything another table drops. So this table only restricts: carrier addresses
 * to the signalling ports are accepted, anyone else to those ports is dropped, media is accepted,
 * and everything else passes on to the host's own ruleset. When the host's ruleset drops by
 * default, it must accept the signalling and media ports itself (docs/render.md shows the rules).
 * The file starts by deleting the table, so loading it again replaces it.
 */
import type { TargetRenderer, RenderContext, RenderedFile } from '../types.js';
import { FindingList } from '../findings.js';
import { firewallFindings, firewallPlan } from './firewall-common.js';
import { hashComment, quotedComment } from '../escape/shell.js';
import { renderTemplate } from '../templates.js';

const FILE = 'firewall/nftables.conf';

export function nftTable(name: string): string {
  return `siptrunk_${name.replace(/-/g, '_')}`;
}

function check(ctx: RenderContext) {
  return firewallFindings(ctx.model, FILE);
}

function portSet(ports: number[]): string {
  return ports.length === 1 ? String(ports[0]) : `{ ${ports.join(', ')} }`;
}

function render(ctx: RenderContext): RenderedFile[] {
  const { model } = ctx;
  const plan = firewallPlan(model, new FindingList(), FILE);
  const c = (text: string) => `comment ${quotedComment(`siptrunk ${model.name} ${text}`)}`;
  const rules: string[] = [];
  const sets: { name: string; type: string; elements: string }[] = [];
  for (const [fam, list, setName, type] of [
    ['ip', plan.v4, 'carrier_v4', 'ipv4_addr'],
    ['ip6', plan.v6, 'carrier_v6', 'ipv6_addr'],
  ] as const) {
    if (list.length === 0) continue;
    sets.push({ name: setName, type, elements: list.map((a) => (a.isNetwork ? a.cidr : a.address)).join(', ') });
    if (plan.udp.length) rules.push(`${fam} saddr @${setName} udp dport ${portSet(plan.udp)} counter accept ${c('signalling')}`);
    if (plan.tcp.length) rules.push(`${fam} saddr @${setName} tcp dport ${portSet(plan.tcp)} counter accept ${c('signalling')}`);
  }
  if (plan.udp.length) rules.push(`udp dport ${portSet(plan.udp)} counter drop ${c('signalling not from the carrier')}`);
  if (plan.tcp.length) rules.push(`tcp dport ${portSet(plan.tcp)} counter drop ${c('signalling not from the carrier')}`);
  rules.push(`udp dport ${plan.media.min}-${plan.media.max} counter accept ${c('media from anywhere')}`);
  const header = hashComment(
    [
      ctx.generatedBy,
      `nftables ruleset for the ${model.name} trunk, in its own table. Load with: nft -f nftables.conf`,
      'Policy accept on purpose: this table only restricts the signalling ports to the carrier\'s',
      'addresses; it cannot lock the host out. If your own ruleset drops by default, accept',
      `${[...plan.udp.map((p) => `${p}/udp`), ...plan.tcp.map((p) => `${p}/tcp`)].join(', ')} and ${plan.media.min}-${plan.media.max}/udp there too.`,
    ].join('\n'),
  );
  const table = nftTable(model.name);
  return [{ target: 'nftables', path: FILE, content: renderTemplate('nftables', 'nftables.conf', { header, table, sets, rules }) }];
}

export const nftables: TargetRenderer = { target: 'nftables', check, render };
