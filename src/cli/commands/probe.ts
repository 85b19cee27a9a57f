/**
 * `siptrunk probe (FILE | --target URI) [--method options|invite] [--transport udp|tcp|tls|all]
 *  [--warn-rtt MS] [--crit-rtt MS] [--json | --nagios]`: a Nagios/Icinga plugin.
 * Exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (src/probe/evaluate.ts has the rules). With
 * --nagios an UNKNOWN is printed as a status line on stdout too, as monitoring expects.
 */
import { isSiptrunkError, SiptrunkError } from '../../util/siptrunk-error.js';
import { Secret } from '../../util/secret.js';
import { evaluate, nagiosLine, NAGIOS, NAGIOS_NAMES, type Thresholds } from '../../probe/evaluate.js';
import { formatResultLine } from '../../probe/format.js';
import { parseProbeTarget } from '../../probe/parse-target.js';
import { planModelProbes, type PlannedProbe } from '../../probe/plan-model.js';
import { probeMany } from '../../probe/probe-many.js';
import { readSecret } from '../../probe/read-secret.js';
import { failedResult } from '../../probe/result.js';
import { createSipProbers } from '../../probe/sip-probers.js';
import type { ProbeMethod, ProbeModuleSettings, ProbeResult, ProbeTransport } from '../../probe/types.js';
import { paint, printJson } from '../output.js';

const CONCURRENCY = 16;
const silentLogger = { debug() {}, info() {}, warn() {} };

function argError(message: string, expected: string): SiptrunkError {
  return new SiptrunkError('PROBE_ARGUMENT_INVALID', message, { expected });
}

function ms(v: unknown, name: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw argError(`${name} "${String(v)}" is not a number of milliseconds`, `${name} 200`);
  return n;
}

interface Parsed {
  method: ProbeMethod;
  transports: ProbeTransport[] | undefined;
  thresholds: Thresholds;
  timeoutMs: number;
}

function parseOptions(opts: Record<string, unknown>): Parsed {
  const method = String(opts['method'] ?? 'options').toLowerCase();
  if (method !== 'options' && method !== 'invite') throw argError(`--method "${method}" is not options or invite`, 'options or invite');
  const tr = opts['transport'] === undefined ? undefined : String(opts['transport']).toLowerCase();
  if (tr !== undefined && !['udp', 'tcp', 'tls', 'all'].includes(tr)) throw argError(`--transport "${tr}" is not udp, tcp, tls or all`, 'udp, tcp, tls or all');
  const thresholds = { warnRttMs: ms(opts['warnRtt'], '--warn-rtt'), critRttMs: ms(opts['critRtt'], '--crit-rtt') };
  if (thresholds.warnRttMs !== undefined && thresholds.critRttMs !== undefined && thresholds.warnRttMs > thresholds.critRttMs) {
    throw argError(`--warn-rtt ${thresholds.warnRttMs} is above --crit-rtt ${thresholds.critRttMs}`, 'a warning threshold at or below the critical one');
  }
  const timeoutMs = ms(opts['timeout'], '--timeout') ?? 5000;
  if (timeoutMs <= 0) throw argError('--timeout must be above 0', '--timeout 5000');
  if (opts['json'] && opts['nagios']) throw argError('--json and --nagios are both given', 'one output format');
  return {
    method,
    transports: tr === undefined ? undefined : tr === 'all' ? ['udp', 'tcp', 'tls'] : [tr as ProbeTransport],
    thresholds,
    timeoutMs,
  };
}

async function credentials(opts: Record<string, unknown>, fallback?: { key: string; secret: () => Promise<Secret> }) {
  const key = opts['key'] === undefined ? undefined : String(opts['key']);
  const secret = readSecret({ env: opts['secretEnv'] as string | undefined, file: opts['secretFile'] as string | undefined });
  if (secret && !key && !fallback) throw argError('a secret is given without --key', '--key <API key> with --secret-env or --secret-file');
  if (key && secret) return { username: key, password: secret };
  if (key && !secret) throw argError('--key is given without --secret-env or --secret-file', 'the secret from a variable or a file, never on the command line');
  if (fallback) return { username: fallback.key, password: secret ?? (await fallback.secret()) };
  return undefined;
}

async function plan(file: string | undefined, opts: Record<string, unknown>, p: Parsed): Promise<{ probes: PlannedProbe[]; failed: ProbeResult[]; module: ProbeModuleSettings }> {
  const base = { method: p.method, timeoutMs: p.timeoutMs, insecure: Boolean(opts['insecure']), ...(opts['ca'] ? { caFile: String(opts['ca']) } : {}) };
  if (opts['target'] !== undefined) {
    const targets = p.transports ?? [undefined];
    const probes = targets.map((t) => ({ target: parseProbeTarget(String(opts['target']), t), dnsLookupSeconds: 0 }));
    const creds = await credentials(opts);
    return { probes, failed: [], module: { ...base, ...(creds ? { credentials: creds } : {}) } };
  }
  const { loadModel } = await import('../../model/load-model.js');
  const loaded = await loadModel(file as string).catch((err: unknown) => {
    throw new SiptrunkError('PROBE_MODEL_UNREADABLE', `cannot read the model: ${(err as Error).message}`, { location: { file: file as string }, expected: 'a readable trunk model (siptrunk validate FILE)' });
  });
  if (!loaded.ok || !loaded.model) {
    const first = loaded.findings.find((f) => f.severity === 'error');
    throw new SiptrunkError('PROBE_MODEL_UNREADABLE', `the model is invalid: ${first ? `${first.code} at ${first.path}: ${first.message}` : 'errors'}`, {
      location: { file: file as string, ...(first?.line ? { line: first.line } : {}), ...(first?.column ? { column: first.column } : {}) },
      expected: 'a model that passes siptrunk validate',
    });
  }
  const model = loaded.model;
  const { resolveSecret } = await import('../../model/resolve-secret.js');
  const baseDir = model.source ? model.source.replace(/\/[^/]*$/, '') : undefined;
  const creds = await credentials(opts, { key: model.account.apiKey, secret: () => resolveSecret(model.account.secretRef, baseDir) });
  const transports = p.transports?.filter((t) => model.transports.includes(t)) ?? model.transports;
  if (transports.length === 0) throw argError(`--transport ${p.transports?.join(',')} is not enabled in the model (${model.transports.join(', ')})`, `one of ${model.transports.join(', ')} or all`);
  const dnsServer = opts['dnsServer'] === undefined ? undefined : String(opts['dnsServer']);
  const planned = await planModelProbes(model, { transports, dnsServer });
  const failed = planned.unresolved.map((u) =>
    failedResult({ name: u.name, host: u.host, port: u.port, transport: u.transport, role: u.role }, { outcome: 'dns-error', error: u.error, dnsLookupSeconds: u.dnsLookupSeconds }),
  );
  return { probes: planned.probes, failed, module: { ...base, ...(creds ? { credentials: creds } : {}) } };
}

export async function run(args: unknown[], opts: Record<string, unknown>): Promise<number> {
  const file = args[0] === undefined ? undefined : String(args[0]);
  try {
    if (file !== undefined && opts['target'] !== undefined) throw argError('both a model FILE and --target are given', 'either a model FILE or --target URI');
    if (file === undefined && opts['target'] === undefined) throw argError('nothing to probe', 'a model FILE or --target URI');
    const p = parseOptions(opts);
    const { probes, failed, module } = await plan(file, opts, p);
    const probers = createSipProbers();
    const progress = process.stderr.isTTY && !opts['json'] && !opts['nagios'];
    let results: ProbeResult[];
    try {
      results = await probeMany(probes, module, probers.table, {
        concurrency: CONCURRENCY,
        signal: AbortSignal.timeout(p.timeoutMs * Math.ceil(probes.length / CONCURRENCY) + 10_000),
        logger: silentLogger,
        onDone: progress ? (done, total) => process.stderr.write(`\rprobing ${done}/${total}`) : undefined,
      });
    } finally {
      if (progress) process.stderr.write('\r\x1b[K');
      await probers.close();
    }
    results = [...results, ...failed];
    const e = evaluate(results, p.thresholds);
    const line = nagiosLine(e, p.thresholds);
    if (opts['json']) {
      printJson({ ok: e.status === NAGIOS.OK, status: e.status, state: NAGIOS_NAMES[e.status], reasons: e.reasons, answered: e.answered, total: e.total, maxRttMs: e.maxRttMs ?? null, thresholds: p.thresholds, results });
    } else if (opts['nagios']) {
      process.stdout.write(line + '\n');
    } else {
      for (const r of results) process.stdout.write(formatResultLine(r) + '\n');
      const colour = e.status === 0 ? 'green' : e.status === 1 ? 'yellow' : 'red';
      process.stdout.write(paint(line, colour) + '\n');
    }
    return e.status;
  } catch (err) {
    if (opts['nagios'] && isSiptrunkError(err)) {
      process.stdout.write(`SIP UNKNOWN - ${err.code}: ${err.message}${err.expected ? ` (expected ${err.expected})` : ''}\n`);
      return NAGIOS.UNKNOWN;
    }
    throw err;
  }
}
