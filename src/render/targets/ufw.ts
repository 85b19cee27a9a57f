/**
 * ufw: firewall/ufw.sh, a POSIX sh script of `ufw allow` commands. ufw's default incoming
 * policy is deny, so allowing only the carrier's addresses on the signalling ports is the
 * allowlist; media is allowed from anywhere. Each word is single-quoted where it is not a
 * checked address or number.
 */
import type { TargetRenderer, RenderContext, RenderedFile } from '../types.js';
import { FindingList } from '../findings.js';
import { firewallFindings, firewallPlan } from './firewall-common.js';
import { hashComment, shellQuote } from '../escape/shell.js';
import { renderTemplate } from '../templates.js';

const FILE = 'firewall/ufw.sh';

function check(ctx: RenderContext) {
  return firewallFindings(ctx.model, FILE);
}

function render(ctx: RenderContext): RenderedFile[] {
  const { model } = ctx;
  const plan = firewallPlan(model, new FindingList(), FILE);
  const commands: string[] = [];
  const comment = (t: string) => `comment ${shellQuote(`siptrunk ${model.name} ${t}`)}`;
  for (const a of [...plan.v4, ...plan.v6]) {
    for (const p of plan.udp) commands.push(`ufw allow proto udp from ${a.cidr} to any port ${p} ${comment('signalling')}`);
    for (const p of plan.tcp) commands.push(`ufw allow proto tcp from ${a.cidr} to any port ${p} ${comment('signalling')}`);
  }
  commands.push(`ufw allow proto udp from any to any port ${plan.media.min}:${plan.media.max} ${comment('media')}`);
  const header = hashComment(
    [
      ctx.generatedBy,
      `ufw rules for the ${model.name} trunk. Run as root: sh ufw.sh`,
      'ufw denies other incoming traffic by default, so only the carrier reaches the signalling ports;',
      'media is allowed from anywhere, as the carrier says not to allowlist media by address.',
    ].join('\n'),
  );
  return [{ target: 'ufw', path: FILE, content: renderTemplate('ufw', 'ufw.sh', { header, commands }), mode: 0o755 }];
}

export const ufw: TargetRenderer = { target: 'ufw', check, render };
