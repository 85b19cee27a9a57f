/**
 * The service configuration (`siptrunk serve --config FILE`): YAML, checked against
 * schemas/service.schema.json. As blackbox_exporter does: defaults first (ajv useDefaults),
 * then validation, unknown keys rejected; then the checks a schema cannot express (a target
 * naming an unknown module, a duplicate key). Errors say file:line:column, the JSON path and
 * what would be valid. The schema is compiled once per process.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve as resolvePath } from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { LineCounter, parseDocument, isMap, isNode, isScalar, type Document } from 'yaml';
import { packagePath } from '../util/paths.js';
import { SiptrunkError } from '../util/siptrunk-error.js';
import { parseDurationSeconds } from './duration.js';
import type { ApiKeyEntry } from './api-keys.js';

export type ProbeMethod = 'options' | 'invite';
export type ProbeTransport = 'udp' | 'tcp' | 'tls';

export interface ProbeModule {
  name: string;
  method: ProbeMethod;
  transport: ProbeTransport | undefined;
  timeoutMs: number;
  intervalMs: number;
  jitterMs: number;
  key: string | undefined;
  secretEnv: string | undefined;
  secretFile: string | undefined;
  insecure: boolean;
  caFile: string | undefined;
  /** INVITE probes: callee and caller. */
  call: { to: string; from: string } | undefined;
}

export interface Thresholds {
  down: number;
  up: number;
}

export interface ServiceTarget {
  name: string;
  target: string;
  module: string;
  thresholds: Thresholds;
  /** Set for a target expanded from a model: the endpoint already resolved, and its credentials. */
  resolved?: import('../probe/types.js').ProbeTarget;
  credentials?: { username: string; password: import('../util/secret.js').Secret };
}

export interface ModelWatch {
  file: string;
  module: string;
  transports: ProbeTransport[] | undefined;
  thresholds: Thresholds;
}

export interface ServiceConfig {
  source: string | undefined;
  listen: { host: string; port: number };
  auth: {
    publicRoutes: string[];
    keys: ApiKeyEntry[];
    jwt: { privateKeyFile: string; createKey: boolean; defaultTtlSeconds: number; clockSkewSeconds: number };
    failedAuthRateLimit: { burst: number; refillPerSecond: number };
  };
  logging: { level: string };
  shutdownTimeoutMs: number;
  concurrency: number;
  history: number;
  thresholds: Thresholds;
  modules: Record<string, ProbeModule>;
  targets: ServiceTarget[];
  models: ModelWatch[];
}

let validator: ValidateFunction | undefined;

function compiled(): ValidateFunction {
  if (!validator) {
    const schema = JSON.parse(readFileSync(packagePath('schemas', 'service.schema.json'), 'utf8')) as object;
    const ajv = new Ajv2020({ allErrors: true, useDefaults: true, strict: true, allowUnionTypes: true });
    validator = ajv.compile(schema);
  }
  return validator;
}

function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function position(doc: Document | undefined, lc: LineCounter | undefined, pointer: string, atKey = false): { line?: number; column?: number } {
  if (!doc || !lc) return {};
  const path = pointerToPath(pointer);
  if (atKey && path.length > 0) {
    // An unknown key: point at the key itself, not at its value.
    const parent = doc.getIn(path.slice(0, -1), true);
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === path[path.length - 1]);
      if (pair && isNode(pair.key) && pair.key.range) {
        const p = lc.linePos(pair.key.range[0]);
        return { line: p.line, column: p.col };
      }
    }
  }
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) {
      const p = lc.linePos(node.range[0]);
      return { line: p.line, column: p.col };
    }
  }
  return {};
}

function describe(e: ErrorObject): { path: string; message: string; expected: string; atKey?: boolean } {
  const path = e.instancePath || '/';
  switch (e.keyword) {
    case 'additionalProperties': {
      const extra = (e.params as { additionalProperty: string }).additionalProperty;
      return { path: `${e.instancePath}/${extra}`, message: `unknown key "${extra}"`, expected: 'only the keys listed in schemas/service.schema.json', atKey: true };
    }
    case 'required':
      return { path, message: `missing key "${(e.params as { missingProperty: string }).missingProperty}"`, expected: 'the required keys of this object' };
    case 'enum':
      return { path, message: 'value not allowed', expected: `one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}` };
    default:
      return { path, message: e.message ?? 'invalid', expected: JSON.stringify(e.params) };
  }
}

/** Validates and normalises a configuration object (already parsed). Throws SiptrunkError. */
export function normaliseServiceConfig(
  raw: unknown,
  source?: string,
  positions?: { doc: Document; lc: LineCounter },
): ServiceConfig {
  const data = structuredClone(raw ?? {});
  const validate = compiled();
  if (!validate(data)) {
    const errs = (validate.errors ?? []).map(describe);
    const first = errs[0] as ReturnType<typeof describe>;
    const pos = position(positions?.doc, positions?.lc, first.path, first.atKey);
    const more = errs.length > 1 ? ` (and ${errs.length - 1} more: ${errs.slice(1, 4).map((x) => `${x.path} ${x.message}`).join('; ')})` : '';
    throw new SiptrunkError('SERVICE_CONFIG_INVALID', `${first.message}${more}`, {
      location: { ...(source ? { file: source } : {}), ...pos, path: first.path },
      expected: first.expected,
    });
  }
  const c = data as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const baseDir = source ? dirname(source) : process.cwd();
  const fail = (path: string, message: string, expected: string): never => {
    throw new SiptrunkError('SERVICE_CONFIG_INVALID', message, {
      location: { ...(source ? { file: source } : {}), ...position(positions?.doc, positions?.lc, path), path },
      expected,
    });
  };
  const dur = (v: string | number, path: string): number => {
    try {
      return parseDurationSeconds(v, path);
    } catch (err) {
      return fail(path, (err as Error).message, 'a duration like 500ms, 2s, 1m');
    }
  };
  const modules: Record<string, ProbeModule> = {};
  for (const [name, m] of Object.entries(c['modules'] as Record<string, any>)) { // eslint-disable-line @typescript-eslint/no-explicit-any
    const p = `/modules/${name}`;
    if (m.secretEnv && m.secretFile) fail(p, 'secretEnv and secretFile are both set', 'at most one of secretEnv, secretFile');
    if ((m.secretEnv || m.secretFile) && !m.key) fail(p, 'a secret is set without a key', 'key: the Digest username');
    const timeoutMs = dur(m.timeout, `${p}/timeout`) * 1000;
    const intervalMs = dur(m.interval, `${p}/interval`) * 1000;
    if (timeoutMs <= 0) fail(`${p}/timeout`, 'timeout must be above 0', 'a positive duration');
    if (intervalMs < 100) fail(`${p}/interval`, 'interval below 100ms', 'an interval of at least 100ms');
    modules[name] = {
      name,
      method: m.method,
      transport: m.transport,
      timeoutMs,
      intervalMs,
      jitterMs: dur(m.jitter, `${p}/jitter`) * 1000,
      key: m.key,
      secretEnv: m.secretEnv,
      secretFile: m.secretFile ? resolvePath(baseDir, m.secretFile) : undefined,
      insecure: m.insecure,
      caFile: m.caFile ? resolvePath(baseDir, m.caFile) : undefined,
      call: m.to || m.from ? { to: m.to ?? 'probe', from: m.from ?? 'siptrunk' } : undefined,
    };
  }
  const thresholds: Thresholds = { down: c['thresholds'].down, up: c['thresholds'].up };
  const names = new Set<string>();
  const targets: ServiceTarget[] = (c['targets'] as any[]).map((t, i) => { // eslint-disable-line @typescript-eslint/no-explicit-any
    if (!modules[t.module]) fail(`/targets/${i}/module`, `unknown module "${t.module}"`, `one of ${Object.keys(modules).join(', ') || '(no modules defined)'}`);
    const name = t.name ?? t.target;
    if (names.has(name)) fail(`/targets/${i}/name`, `duplicate target name "${name}"`, 'distinct target names');
    names.add(name);
    return { name, target: t.target, module: t.module, thresholds: { ...thresholds, ...(t.thresholds ?? {}) } };
  });
  const models: ModelWatch[] = (c['models'] as any[]).map((m, i) => { // eslint-disable-line @typescript-eslint/no-explicit-any
    if (!modules[m.module]) fail(`/models/${i}/module`, `unknown module "${m.module}"`, `one of ${Object.keys(modules).join(', ') || '(no modules defined)'}`);
    return { file: resolvePath(baseDir, m.file), module: m.module, transports: m.transports, thresholds: { ...thresholds, ...(m.thresholds ?? {}) } };
  });
  const keys = new Set<string>();
  (c['auth'].keys as ApiKeyEntry[]).forEach((k, i) => {
    if (keys.has(k.key)) fail(`/auth/keys/${i}/key`, `duplicate API key "${k.key}"`, 'distinct keys');
    keys.add(k.key);
  });
  const jwt = c['auth'].jwt;
  return {
    source,
    listen: { host: c['listen'].host, port: c['listen'].port },
    auth: {
      publicRoutes: c['auth'].publicRoutes,
      keys: c['auth'].keys,
      jwt: {
        privateKeyFile: resolvePath(baseDir, jwt.privateKeyFile),
        createKey: jwt.createKey,
        defaultTtlSeconds: dur(jwt.defaultTtl, '/auth/jwt/defaultTtl'),
        clockSkewSeconds: dur(jwt.clockSkew, '/auth/jwt/clockSkew'),
      },
      failedAuthRateLimit: { ...c['auth'].failedAuthRateLimit },
    },
    logging: { level: c['logging'].level },
    shutdownTimeoutMs: dur(c['shutdownTimeout'], '/shutdownTimeout') * 1000,
    concurrency: c['concurrency'],
    history: c['history'],
    thresholds,
    modules,
    targets,
    models,
  };
}

/** Reads and validates a YAML configuration file. */
export function loadServiceConfig(file: string): ServiceConfig {
  const abs = resolvePath(file);
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch (err) {
    throw new SiptrunkError('SERVICE_CONFIG_UNREADABLE', `cannot read the configuration: ${(err as NodeJS.ErrnoException).code ?? 'error'}`, {
      location: { file: abs },
      expected: 'a readable YAML file',
      cause: err,
    });
  }
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
  const yerr = doc.errors[0];
  if (yerr) {
    const p = lc.linePos(yerr.pos[0]);
    throw new SiptrunkError('SERVICE_CONFIG_INVALID', `YAML syntax: ${yerr.message.split('\n')[0]}`, {
      location: { file: abs, line: p.line, column: p.col },
      expected: 'valid YAML',
    });
  }
  return normaliseServiceConfig(doc.toJS(), abs, { doc, lc });
}
