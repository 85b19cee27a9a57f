/**
 * iptables: firewall/iptables.rules (and firewall/ip6tables.rules when the carrier has IPv6
 * addresses) in iptables-restore format, in a chain of their own, SIPTRUNK-<TRUNK>:
 * carrier addresses to the signalling ports are accepted, anyone else to those ports is dropped,
 * media from anywhere is accepted, everything else returns to INPUT untouched, so the chain
 * cannot lock the host out. Apply with `iptables-restore --noflush` (a declared chain is
 * flushed and refilled; nothing else is touched) and hook the chain into INPUT once.
 */
import type { TargetRenderer, RenderContext, RenderedFile } from '../types.js';
import { FindingList } from '../findings.js';
import { firewallPlan, type FirewallPlan } from './firewall-common.js';
import { hashComment, quotedComment } from '../escape/shell.js';
import { renderTemplate } from '../templates.js';
import type { SignallingAddress } from '../addresses.js';

const V4 = 'firewall/iptables.rules';
const V6 = 'firewall/ip6tables.rules';

export function iptablesChain(name: string): string {
  return `SIPTRUNK-${name.toUpperCase()}`;
}

function check(ctx: RenderContext) {
  const f = new FindingList();
  firewallPlan(ctx.model, f, V4);
  const chain = iptablesChain(ctx.model.name);
  // xtables chain names hold at most 28 characters (XT_EXTENSION_MAXNAMELEN 29, with the NUL).
  if (chain.length > 28) {
    f.check(`gives the chain name ${chain} (${chain.length} characters)`, '/name', V4, 'a trunk name of at most 19 characters', 'RENDER_NAME_TOO_LONG');
  }
  return f.items;
}

function rules(plan: FirewallPlan, addrs: SignallingAddress[], name: string) {
  const chain = iptablesChain(name);
  const c = (text: string) => `-m comment --comment ${quotedComment(`siptrunk ${name} ${text}`)}`;
  const out: string[] = [];
  for (const a of addrs) {
    for (const p of plan.udp) out.push(`-A ${chain} -s ${a.cidr} -p udp -m udp --dport ${p} ${c('signalling')} -j ACCEPT`);
    for (const p of plan.tcp) out.push(`-A ${chain} -s ${a.cidr} -p tcp -m tcp --dport ${p} ${c('signalling')} -j ACCEPT`);
  }
  for (const p of plan.udp) out.push(`-A ${chain} -p udp -m udp --dport ${p} ${c('signalling not from the carrier')} -j DROP`);
  for (const p of plan.tcp) out.push(`-A ${chain} -p tcp -m tcp --dport ${p} ${c('signalling not from the carrier')} -j DROP`);
  out.push(`-A ${chain} -p udp -m udp --dport ${plan.media.min}:${plan.media.max} ${c('media from anywhere')} -j ACCEPT`);
  return { chain, rules: out };
}

function render(ctx: RenderContext): RenderedFile[] {
  const { model } = ctx;
  const plan = firewallPlan(model, new FindingList(), V4);
  const files: RenderedFile[] = [];
  const make = (path: string, tool: string, addrs: SignallingAddress[]) => {
    const r = rules(plan, addrs, model.name);
    const header = hashComment(
      [
        ctx.generatedBy,
        `${tool} rules for the ${model.name} trunk: carrier signalling to ports ${[...plan.udp.map((p) => `${p}/udp`), ...plan.tcp.map((p) => `${p}/tcp`)].join(', ')},`,
        `media from anywhere to ${plan.media.min}-${plan.media.max}/udp (the carrier says not to allowlist media by address).`,
        `Apply: ${tool}-restore --noflush < ${path.split('/').pop()}`,
        `Hook once: ${tool} -C INPUT -j ${r.chain} 2>/dev/null || ${tool} -I INPUT -j ${r.chain}`,
      ].join('\n'),
    );
    files.push({ target: 'iptables', path, content: renderTemplate('iptables', 'rules', { header, ...r }) });
  };
  make(V4, 'iptables', plan.v4);
  if (plan.v6.length > 0) make(V6, 'ip6tables', plan.v6);
  return files;
}

export const iptables: TargetRenderer = { target: 'iptables', check, render };
