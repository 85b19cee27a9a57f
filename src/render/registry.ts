/** The render targets, in the order they are rendered and listed. */
import type { RenderTarget } from '../model/types.js';
import type { TargetRenderer } from './types.js';
import { asteriskChansip } from './targets/asterisk-chansip.js';
import { asteriskPjsip } from './targets/asterisk-pjsip.js';
import { freepbx } from './targets/freepbx.js';
import { freeswitch } from './targets/freeswitch.js';
import { iptables } from './targets/iptables.js';
import { nftables } from './targets/nftables.js';
import { ufw } from './targets/ufw.js';
import { firewalld } from './targets/firewalld.js';

export const RENDERERS: readonly TargetRenderer[] = [asteriskChansip, asteriskPjsip, freepbx, freeswitch, iptables, nftables, ufw, firewalld];

export const RENDER_TARGETS: readonly RenderTarget[] = RENDERERS.map((r) => r.target);

export function isRenderTarget(name: string): name is RenderTarget {
  return (RENDER_TARGETS as readonly string[]).includes(name);
}

/** The given targets in registry order, each once; all of them when none is given. */
export function selectTargets(targets: readonly RenderTarget[] | undefined): RenderTarget[] {
  if (!targets || targets.length === 0) return [...RENDER_TARGETS];
  return RENDER_TARGETS.filter((t) => targets.includes(t));
}
