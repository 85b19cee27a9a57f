/**
 * firewalld: firewall/firewalld.sh, a POSIX sh script of permanent rich rules in a zone (the
 * ZONE environment variable, public by default): accept each carrier address on the
 * signalling ports, open the media range to anyone, then reload. Zones reject by default, so
 * this is the allowlist. Rich rules are single-quoted shell words; their own values are checked
 * addresses and numbers.
 */
import type { TargetRenderer, RenderContext, RenderedFile } from '../types.js';
import { FindingList } from '../findings.js';
import { firewallFindings, firewallPlan } from './firewall-common.js';
import { hashComment, shellQuote } from '../escape/shell.js';
import { renderTemplate } from '../templates.js';

const FILE = 'firewall/firewalld.sh';

function check(ctx: RenderContext) {
  return firewallFindings(ctx.model, FILE);
}

function render(ctx: RenderContext): RenderedFile[] {
  const { model } = ctx;
  const plan = firewallPlan(model, new FindingList(), FILE);
  const commands: string[] = [];
  for (const a of [...plan.v4, ...plan.v6]) {
    const family = a.family === 4 ? 'ipv4' : 'ipv6';
    for (const [proto, ports] of [['udp', plan.udp], ['tcp', plan.tcp]] as const) {
      for (const p of ports) {
        const rule = `rule family="${family}" source address="${a.cidr}" port port="${p}" protocol="${proto}" accept`;
        commands.push(`firewall-cmd --permanent --zone="$ZONE" --add-rich-rule=${shellQuote(rule)}`);
      }
    }
  }
  commands.push(`firewall-cmd --permanent --zone="$ZONE" --add-port=${plan.media.min}-${plan.media.max}/udp`);
  commands.push('firewall-cmd --reload');
  const header = hashComment(
    [
      ctx.generatedBy,
      `firewalld rich rules for the ${model.name} trunk. Run as root: ZONE=public sh firewalld.sh`,
      'The zone rejects other incoming traffic, so only the carrier reaches the signalling ports;',
      'media is opened to anyone, as the carrier says not to allowlist media by address.',
    ].join('\n'),
  );
  return [{ target: 'firewalld', path: FILE, content: renderTemplate('firewalld', 'firewalld.sh', { header, commands }), mode: 0o755 }];
}

export const firewalld: TargetRenderer = { target: 'firewalld', check, render };
