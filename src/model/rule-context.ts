/**
 * What every semantic rule gets: the raw model (schema-checked, defaults applied), the resolved
 * carrier profile, the source map for positions, and the model being built. A rule is a small
 * named function `(ctx) => Finding[]` (src/model/rules/*-rule.ts); it fills in its part of
 * `ctx.model` and returns its findings.
 */
import type { CarrierProfile, Finding, Severity, TrunkModel } from './types.js';
import type { RawModel } from './raw-model.js';
import type { LocateOptions, SourceMap } from './source-map.js';

export interface RuleContext {
  raw: RawModel;
  /** Undefined when the carrier could not be resolved (its findings are already reported). */
  carrier: CarrierProfile | undefined;
  map: SourceMap;
  /** Folder relative paths in the model are relative to (the model file's folder). */
  baseDir: string | undefined;
  model: Partial<TrunkModel>;
}

export type Rule = (ctx: RuleContext) => Finding[];

/** A finding with its source position filled in from the path. */
export function finding(
  ctx: RuleContext,
  severity: Severity,
  code: string,
  path: string,
  message: string,
  expected?: string,
  loc?: LocateOptions,
): Finding {
  return { severity, code, message, path, ...(expected ? { expected } : {}), ...ctx.map.locate(path, loc) };
}
