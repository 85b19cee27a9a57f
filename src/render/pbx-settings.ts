/**
 * The dial-plan settings of each PBX target: the model's `pbx` entry for that kind, or, when
 * the model names no entry for a target that is rendered anyway (every target is rendered
 * when none is named), the model's own defaults for that kind (src/model/rules/pbx-rule.ts),
 * so there is one set of defaults.
 */
import type { PbxKind, PbxTarget, TrunkModel } from '../model/types.js';
import { defaultPbxTarget } from '../model/rules/pbx-rule.js';

export interface PbxSettings {
  settings: PbxTarget;
  /** JSON pointer of the entry in the model, or undefined when these are the defaults. */
  path: string | undefined;
}

export function pbxSettings(model: TrunkModel, kind: PbxKind): PbxSettings {
  const index = model.pbx.findIndex((p) => p.kind === kind);
  if (index >= 0) return { settings: model.pbx[index]!, path: `/pbx/${index}` };
  return { settings: defaultPbxTarget(kind), path: undefined };
}

/** `+447937947990` -> `447937947990`: the carrier wants E.164 digits without `+` in SIP URIs. */
export function e164Digits(e164: string): string {
  return e164.startsWith('+') ? e164.slice(1) : e164;
}
