/**
 * The validation pipeline: YAML (with source positions) -> JSON Schema check with defaults ->
 * carrier profile -> semantic rules -> TrunkModel. Every problem found is reported, not just the
 * first; the model is returned only when there are no errors (warnings allowed).
 */
import { isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { Finding, TrunkModel, ValidationResult } from './types.js';
import type { RawModel } from './raw-model.js';
import { SourceMap } from './source-map.js';
import { validateTrunkSchema } from './schema-validator.js';
import { schemaFindings } from './schema-findings.js';
import { resolveCarrier } from './rules/carrier-profile.js';
import { MODEL_RULES } from './rules/index.js';
import type { RuleContext } from './rule-context.js';
import { parsePointer } from './json-pointer.js';

export interface ValidateOptions {
  /** File name shown in findings (and `model.source`); relative paths resolve from its folder. */
  file?: string;
  /** Folder that relative paths in the model resolve from (default: the file's folder). */
  baseDir?: string;
}

/** Above this size a model file is refused rather than parsed (a model is a few kilobytes). */
export const MAX_MODEL_BYTES = 1024 * 1024;

function result(findings: Finding[], model?: TrunkModel): ValidationResult {
  const ok = !findings.some((f) => f.severity === 'error');
  return { ok, model: ok ? model : undefined, findings };
}

function dirOf(file: string | undefined): string | undefined {
  if (!file) return undefined;
  const i = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return i >= 0 ? file.slice(0, i) || '/' : '.';
}

/** Validates the text of a YAML (or JSON) model. */
export function validateModel(text: string, opts: ValidateOptions = {}): ValidationResult {
  const file = opts.file;
  const lineCounter = new LineCounter();
  const where = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { ...(file !== undefined ? { file } : {}), line, column: col };
  };
  if (text.length > MAX_MODEL_BYTES) {
    return result([{ severity: 'error', code: 'MODEL_FILE_UNREADABLE', message: `the model is ${text.length} characters long; more than ${MAX_MODEL_BYTES} is not a trunk model`, path: '', ...(file !== undefined ? { file } : {}) }]);
  }
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false }) as Document.Parsed;
  if (doc.errors.length) {
    return result(
      doc.errors.map((e) => ({
        severity: 'error' as const,
        code: e.code === 'DUPLICATE_KEY' ? 'MODEL_YAML_DUPLICATE_KEY' : 'MODEL_YAML_SYNTAX',
        message: e.message.split('\n')[0] ?? e.message,
        path: '',
        expected: e.code === 'DUPLICATE_KEY' ? 'each key once in a mapping' : 'well-formed YAML',
        ...where(e.pos[0]),
      })),
    );
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    return result([{ severity: 'error', code: 'MODEL_YAML_SYNTAX', message: (err as Error).message, path: '', expected: 'well-formed YAML without excessive aliases', ...(file !== undefined ? { file } : {}) }]);
  }
  // Numbers written without quotes are YAML integers: +447937947990 would lose its "+" and a
  // long number its precision. Take their source text instead.
  const numberPaths = [['numbers', 'callerId']];
  const dids = doc.getIn(['numbers', 'dids']);
  if (dids && typeof dids === 'object' && 'items' in dids) {
    (dids as { items: unknown[] }).items.forEach((_, i) => numberPaths.push(['numbers', 'dids', String(i)]));
  }
  for (const p of numberPaths) {
    const node = doc.getIn(p.map((s) => (/^\d+$/.test(s) ? Number(s) : s)), true);
    if (isScalar(node) && typeof node.value === 'number' && typeof node.source === 'string') {
      let target = data as Record<string, unknown>;
      for (const seg of p.slice(0, -1)) target = target[seg] as Record<string, unknown>;
      target[p[p.length - 1]!] = node.source;
    }
  }
  return validateParsed(data, new SourceMap(doc, lineCounter, file), opts);
}

/** Validates an already-parsed model (the HTTP API's JSON body). The object is not changed. */
export function validateModelObject(obj: unknown, opts: ValidateOptions = {}): ValidationResult {
  let data: unknown;
  try {
    data = structuredClone(obj);
  } catch {
    return result([{ severity: 'error', code: 'MODEL_SCHEMA_TYPE', message: 'the model holds values that are not data (functions, symbols)', path: '', expected: 'plain JSON data' }]);
  }
  return validateParsed(data, new SourceMap(undefined, undefined, opts.file), opts);
}

function validateParsed(data: unknown, map: SourceMap, opts: ValidateOptions): ValidationResult {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return result([{ severity: 'error', code: 'MODEL_NOT_A_MAPPING', message: `the model must be a mapping of keys (name:, carrier:, account:, ...), not ${data === null || data === undefined ? 'an empty document' : Array.isArray(data) ? 'a list' : typeof data}`, path: '', expected: 'a YAML mapping at the top level, see fixtures/models/nexmo-example.yaml', ...map.locate('') }]);
  }
  const schemaErrors = validateTrunkSchema(data);
  const findings: Finding[] = schemaFindings(schemaErrors, data, map);
  // Top-level keys the schema found malformed (or missing): rules reading them are skipped.
  const broken = new Set<string>();
  for (const e of schemaErrors) {
    const top = parsePointer(e.instancePath)[0];
    if (top !== undefined) broken.add(top);
    else if (e.keyword === 'required') broken.add(String(e.params['missingProperty']));
  }
  const raw = data as RawModel;
  const carrier = broken.has('carrier') ? { profile: undefined, findings: [] } : resolveCarrier(raw.carrier, map);
  findings.push(...carrier.findings);
  const ctx: RuleContext = {
    raw,
    carrier: carrier.profile,
    map,
    baseDir: opts.baseDir ?? dirOf(opts.file),
    model: {},
  };
  for (const { rule, reads } of MODEL_RULES) {
    if (reads.some((k) => broken.has(k))) continue;
    findings.push(...rule(ctx));
  }
  if (findings.some((f) => f.severity === 'error') || !carrier.profile) return result(findings);
  const m = ctx.model;
  const model: TrunkModel = {
    source: opts.file,
    name: raw.name ?? carrier.profile.id,
    carrier: carrier.profile,
    account: m.account!,
    callerId: m.callerId!,
    dids: m.dids ?? [],
    codecs: m.codecs ?? [],
    transports: m.transports ?? [],
    region: m.region!,
    pbx: m.pbx ?? [],
    forward: m.forward ?? [],
    firewall: m.firewall ?? [],
    tls: m.tls ?? { certFile: undefined, keyFile: undefined, caFile: undefined },
    dnsServer: m.dnsServer,
  };
  return result(findings, model);
}
