/**
 * ajv's errors turned into findings: a stable code, the JSON path, the source position and
 * what would be valid in words (the allowed keys for an unknown key, the choices of an enum).
 */
import { readFileSync } from 'node:fs';
import type { Finding } from './types.js';
import type { SchemaError } from './schema-validator.js';
import type { SourceMap } from './source-map.js';
import { childPointer, parsePointer } from './json-pointer.js';
import { packagePath } from '../util/paths.js';
import { lazy } from './lazy-require.js';

type JsonSchema = Record<string, unknown>;

const rootSchema = lazy(() => JSON.parse(readFileSync(packagePath('schemas', 'trunk.schema.json'), 'utf8')) as JsonSchema);

/** Follows a local `$ref` (`#/$defs/...`). */
function deref(schema: JsonSchema | undefined): JsonSchema | undefined {
  let s = schema;
  for (let i = 0; s && typeof s['$ref'] === 'string' && i < 10; i++) {
    const target = parsePointer((s['$ref'] as string).replace(/^#/, '')).reduce<unknown>(
      (node, seg) => (node as Record<string, unknown> | undefined)?.[seg],
      rootSchema(),
    ) as JsonSchema | undefined;
    const { $ref: _ignored, ...own } = s;
    s = target ? { ...target, ...own, properties: { ...(target['properties'] as object), ...(own['properties'] as object) } } : own;
  }
  return s;
}

/** The schema that applies at an instance path (properties and items only, which is all ours uses). */
function schemaAt(instancePath: string): JsonSchema | undefined {
  let s = deref(rootSchema());
  for (const seg of parsePointer(instancePath)) {
    if (!s) return undefined;
    const props = s['properties'] as Record<string, JsonSchema> | undefined;
    if (props && props[seg]) s = deref(props[seg]);
    else if (/^\d+$/.test(seg) && s['items']) s = deref(s['items'] as JsonSchema);
    else return undefined;
  }
  return s;
}

/** Edit distance, for "did you mean". */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length]![b.length]!;
}

const HIDDEN = Symbol('hidden');

function describeValue(v: unknown): string {
  if (v === HIDDEN) return 'the value given (not shown: it may be the secret)';
  if (v === null) return 'null (an empty value)';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '...' : v)}`;
  return `${typeof v} ${JSON.stringify(v)}`;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping (key: value)',
};

const PATTERN_WORDS: Record<string, string> = {
  '^[a-z][a-z0-9_-]{0,31}$': 'a lower-case letter followed by up to 31 lower-case letters, digits, _ or -',
  '^[A-Za-z0-9._-]+$': 'letters, digits, dots, underscores and dashes',
  '^[A-Za-z_][A-Za-z0-9_]*$': 'an environment variable name (letters, digits, _; not starting with a digit)',
  '^[A-Za-z0-9_+*#-]{1,32}$': 'up to 32 letters, digits or _+*#-',
  '^[A-Za-z0-9_-]{1,79}$': 'up to 79 letters, digits, _ or -',
  '^[a-z][a-z0-9-]*$': 'a lower-case letter followed by lower-case letters, digits or -',
};

function valueAt(data: unknown, instancePath: string): unknown {
  return parsePointer(instancePath).reduce<unknown>((node, seg) => (node as Record<string, unknown> | null | undefined)?.[seg], data);
}

function where(path: string): string {
  return path === '' ? 'the top level' : path;
}

/** Findings for ajv's errors on `data` (the parsed model). */
export function schemaFindings(errors: readonly SchemaError[], data: unknown, map: SourceMap): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  const push = (f: Finding, key?: boolean) => {
    const id = `${f.code}|${f.path}|${f.message}`;
    if (seen.has(id)) return;
    seen.add(id);
    out.push({ ...f, ...map.locate(f.path, { key: key ?? false }) });
  };
  for (const e of errors) {
    const path = e.instancePath;
    // Never echo what is under /account/secret: a mistyped secret is still a secret.
    const value = path === '/account/secret' || path.startsWith('/account/secret/') ? HIDDEN : valueAt(data, path);
    switch (e.keyword) {
      case 'additionalProperties':
      case 'unevaluatedProperties': {
        const name = String(e.params['additionalProperty'] ?? e.params['unevaluatedProperty']);
        const allowed = Object.keys((schemaAt(path)?.['properties'] as object | undefined) ?? {});
        const close = allowed.filter((k) => distance(k.toLowerCase(), name.toLowerCase()) <= 2);
        push(
          {
            severity: 'error',
            code: 'MODEL_SCHEMA_UNKNOWN_KEY',
            message: `unknown key "${name}" in ${where(path)}${close.length ? ` (did you mean "${close[0]}"?)` : ''}`,
            path: childPointer(path, name),
            ...(allowed.length ? { expected: `one of the keys ${allowed.join(', ')}` } : {}),
          },
          true,
        );
        break;
      }
      case 'required': {
        const name = String(e.params['missingProperty']);
        const described = (schemaAt(childPointer(path, name))?.['description'] as string | undefined) ?? undefined;
        const fullCarrier = e.schemaPath.includes('/then/');
        push({
          severity: 'error',
          code: 'MODEL_SCHEMA_REQUIRED',
          message: `missing required key "${name}" in ${where(path)}${fullCarrier ? ' (a carrier without base: must describe every field)' : ''}`,
          path,
          expected: described ? `${name}: ${described}` : `a "${name}" key`,
        });
        break;
      }
      case 'type': {
        const t = String(e.params['type']);
        const words = t.split(',').map((x) => TYPE_WORDS[x] ?? x).join(' or ');
        push({ severity: 'error', code: 'MODEL_SCHEMA_TYPE', message: `${where(path)} must be ${words}, not ${describeValue(value)}`, path, expected: words });
        break;
      }
      case 'enum': {
        const allowed = (e.params['allowedValues'] as unknown[]).map(String);
        const close = typeof value === 'string' ? allowed.filter((k) => distance(k.toLowerCase(), value.toLowerCase()) <= 2) : [];
        push({
          severity: 'error',
          code: 'MODEL_SCHEMA_ENUM',
          message: `${describeValue(value)} is not allowed at ${where(path)}${close.length ? ` (did you mean "${close[0]}"?)` : ''}`,
          path,
          expected: `one of ${allowed.join(', ')}`,
        });
        break;
      }
      case 'pattern': {
        const pattern = String(e.params['pattern']);
        push({
          severity: 'error',
          code: 'MODEL_SCHEMA_PATTERN',
          message: `${describeValue(value)} at ${where(path)} does not have the required form`,
          path,
          expected: PATTERN_WORDS[pattern] ?? `text matching /${pattern}/`,
        });
        break;
      }
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
      case 'minItems':
      case 'maxItems':
      case 'minLength':
      case 'maxLength':
      case 'minProperties':
      case 'maxProperties': {
        const secret = path.endsWith('/secret') && e.keyword.endsWith('Properties');
        push({
          severity: 'error',
          code: 'MODEL_SCHEMA_RANGE',
          message: secret
            ? `${where(path)} must have exactly one of env: or file:`
            : `${where(path)} ${(e.message ?? e.keyword).replace(/^must/, 'must')}${typeof value === 'number' ? ` (it is ${value})` : ''}`,
          path,
          expected: secret ? '{ env: VARIABLE } or { file: ./path }' : rangeWords(e),
        });
        break;
      }
      case 'if':
        break; // the failing `then` branch reports the real problem
      default:
        push({ severity: 'error', code: 'MODEL_SCHEMA_INVALID', message: `${where(path)}: ${e.message ?? e.keyword}`, path, expected: `see ${e.schemaPath} in schemas/trunk.schema.json` });
    }
  }
  return out;
}

function rangeWords(e: SchemaError): string {
  const limit = e.params['limit'];
  switch (e.keyword) {
    case 'minimum': return `a number of at least ${limit}`;
    case 'maximum': return `a number of at most ${limit}`;
    case 'minItems': return `a list of at least ${limit} item${limit === 1 ? '' : 's'}`;
    case 'maxItems': return `a list of at most ${limit} items`;
    case 'minLength': return `at least ${limit} character${limit === 1 ? '' : 's'}`;
    case 'maxLength': return `at most ${limit} characters`;
    default: return e.message ?? e.keyword;
  }
}
