/**
 * `siptrunk options TARGET [--transport udp|tcp|tls] [--key K --secret-env VAR | --secret-file F]
 *  [--timeout MS] [--dns-server H:P] [--insecure | --ca FILE] [--cert F --cert-key F] [--json]`
 *
 * Sends a Digest-authenticated OPTIONS. An IP target is sent to directly; a host name is
 * resolved with RFC 3263 (src/resolve, `--dns-server` or the system resolver) and the plan is
 * walked with failover. Exit 0 on a 2xx, 1 when the peer answered with a failure or
 * authentication failed, 2 on timeout or transport error, 3 on bad usage.
 *
 * The shared input readers (secret, TLS files, numbers, target walk) are exported for `call`.
 */
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { Secret } from '../../util/secret.js';
import { SiptrunkError } from '../../util/siptrunk-error.js';
import { printJson, paint } from '../output.js';
import { SipClient, type SipClientOptions } from '../../sip/user-agent/sip-client.js';
import type { Credentials } from '../../sip/user-agent/operation.js';
import { parseRequestTarget, parseTransport, type SipRequestTarget } from '../../sip/user-agent/target.js';
import type { OptionsResult } from '../../sip/user-agent/results.js';
import type { TlsClientOptions } from '../../sip/tls/tls-options.js';
import type { TlsInfo } from '../../sip/tls/tls-info.js';
import type { TransportName } from '../../sip/transport/transport.js';
import { resolveTarget } from '../../resolve/resolve-target.js';
import { builtInCarrierIds, loadCarrierProfile } from '../../carriers/load-carrier.js';
import type { CarrierProfile } from '../../model/types.js';
import { withFailover, type AttemptRecord, type AttemptResult } from '../../resolve/failover.js';
import type { PlanEntry } from '../../resolve/plan.js';

/** `--key` with `--secret-env` or `--secret-file`; the secret never comes from the command line. */
export function readCredentials(opts: Record<string, unknown>): Credentials | undefined {
  const key = typeof opts['key'] === 'string' ? opts['key'] : undefined;
  const env = typeof opts['secretEnv'] === 'string' ? opts['secretEnv'] : undefined;
  const file = typeof opts['secretFile'] === 'string' ? opts['secretFile'] : undefined;
  if (!key && !env && !file) return undefined;
  if (!key) throw new SiptrunkError('SIPUA_NO_SECRET', 'a secret was given without --key', { expected: '--key API_KEY together with --secret-env VAR or --secret-file FILE' });
  if (env && file) throw new SiptrunkError('SIPUA_NO_SECRET', 'both --secret-env and --secret-file were given', { expected: 'one of --secret-env VAR or --secret-file FILE' });
  if (env) {
    const v = process.env[env];
    if (v === undefined || v === '') {
      throw new SiptrunkError('SIPUA_NO_SECRET', `the environment variable ${env} is not set or is empty`, { expected: `export ${env}=... before running siptrunk` });
    }
    return { username: key, password: new Secret(v, `env:${env}`) };
  }
  if (file) {
    let v: string;
    try {
      v = readFileSync(file, 'utf8').replace(/\r?\n$/, '');
    } catch (err) {
      throw new SiptrunkError('SIPUA_SECRET_FILE', `cannot read the secret file (${(err as NodeJS.ErrnoException).code ?? 'error'})`, {
        location: { file },
        expected: 'a readable file holding the secret on its first line',
      });
    }
    if (!v) throw new SiptrunkError('SIPUA_NO_SECRET', 'the secret file is empty', { location: { file }, expected: 'the secret on the first line' });
    return { username: key, password: new Secret(v, `file:${file}`) };
  }
  throw new SiptrunkError('SIPUA_NO_SECRET', `--key ${key} was given without a secret`, { expected: '--secret-env VAR or --secret-file FILE (never the secret itself on the command line)' });
}

function readTlsFile(file: string, what: string): Buffer {
  try {
    return readFileSync(file);
  } catch (err) {
    throw new SiptrunkError('SIPUA_TLS_FILE', `cannot read the ${what} (${(err as NodeJS.ErrnoException).code ?? 'error'})`, {
      location: { file },
      expected: `a readable PEM file for ${what}`,
    });
  }
}

/** `--insecure`, `--ca`, `--cert`, `--cert-key`. */
export function readTlsOptions(opts: Record<string, unknown>): TlsClientOptions {
  const tls: TlsClientOptions = {};
  if (opts['insecure']) tls.insecure = true;
  if (typeof opts['ca'] === 'string') tls.ca = readTlsFile(opts['ca'], 'CA file');
  const cert = typeof opts['cert'] === 'string' ? opts['cert'] : undefined;
  const key = typeof opts['certKey'] === 'string' ? opts['certKey'] : undefined;
  if ((cert === undefined) !== (key === undefined)) {
    throw new SiptrunkError('SIPUA_TLS_FILE', `${cert ? '--cert' : '--cert-key'} was given without ${cert ? '--cert-key' : '--cert'}`, { expected: 'both --cert FILE and --cert-key FILE (siptrunk cert --out DIR makes them)' });
  }
  if (cert && key) {
    tls.cert = readTlsFile(cert, 'client certificate');
    tls.key = new Secret(readTlsFile(key, 'client certificate key').toString('utf8'), `file:${key}`);
  }
  return tls;
}

/** A whole number of milliseconds in [min, max], or undefined when the option is absent. */
export function readMs(opts: Record<string, unknown>, name: string, flag: string, min: number, max: number): number | undefined {
  const v = opts[name];
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!/^\d+$/.test(String(v).trim()) || !Number.isInteger(n) || n < min || n > max) {
    throw new SiptrunkError('SIPUA_BAD_NUMBER', `${flag} "${String(v)}" is not a whole number of milliseconds from ${min} to ${max}`, { expected: `${flag} ${Math.max(min, 1000)}` });
  }
  return n;
}

export function readTransport(opts: Record<string, unknown>): TransportName | undefined {
  return typeof opts['transport'] === 'string' ? parseTransport(opts['transport']) : undefined;
}

export interface WalkedResult<R> {
  result: R;
  /** Failover attempts, when the target was a host name resolved with RFC 3263. */
  attempts?: AttemptRecord[];
}

/**
 * Runs `op` against the target: directly for an IP literal; for a host name, against each
 * address of its RFC 3263 plan in turn (503, timeout and transport errors move on, RFC 3263 4.3).
 * Returns the last result `op` gave.
 */
export async function walkTarget<R extends { outcome: string; status: number | null; reason: string | null; retryAfterSeconds?: number | null; error?: { message: string } }>(
  text: string,
  opts: Record<string, unknown>,
  attemptTimeoutMs: number | undefined,
  op: (target: SipRequestTarget, signal: AbortSignal | undefined) => Promise<R>,
): Promise<WalkedResult<R> | { noAddress: string }> {
  const transport = readTransport(opts);
  const target = parseRequestTarget(text, transport);
  if (isIP(target.host)) return { result: await op(target, undefined) };
  // The carrier's own domain (sip.nexmo.com) falls back to its regional endpoints when it
  // publishes no SRV, as the carrier document says: the two nearest to --region first.
  const carrier = carrierForDomain(target.host);
  const resolution = await resolveTarget(text, {
    ...(typeof opts['dnsServer'] === 'string' ? { dnsServer: opts['dnsServer'] } : {}),
    ...(transport ? { transports: [transport] } : {}),
    ...(carrier ? { carrier } : {}),
    ...(typeof opts['region'] === 'string' ? { region: opts['region'] } : {}),
  });
  const plan = transport ? resolution.plan.filter((e) => e.transport === transport) : resolution.plan;
  if (plan.length === 0) return { noAddress: `no address found for ${target.host}${transport ? ` over ${transport}` : ''}: check the name, or give a resolver that knows it with --dns-server HOST[:PORT]` };
  let last: R | undefined;
  const walk = await withFailover(
    plan,
    async (entry: PlanEntry, ctx): Promise<AttemptResult> => {
      // RFC 5922 4: a server found through NAPTR/SRV must present the domain of the URI, so
      // SNI, the certificate check and the Request-URI use the target's host; the carrier's
      // regional endpoints (not derived from the URI) are checked against their own names.
      const regional = entry.source === 'regional';
      const r = await op(
        {
          host: regional ? entry.host : target.host,
          port: entry.port,
          transport: entry.transport as TransportName,
          address: entry.address,
          ...(target.uri && !regional ? { uri: target.uri } : {}),
        },
        ctx.signal,
      );
      last = r;
      if (r.status !== null) {
        return { kind: 'response', status: r.status, ...(r.reason ? { reason: r.reason } : {}), ...(r.retryAfterSeconds ? { retryAfterSeconds: r.retryAfterSeconds } : {}) };
      }
      if (r.outcome === 'timeout') return { kind: 'timeout', error: r.error?.message ?? 'timeout' };
      return { kind: 'transport-error', error: r.error?.message ?? r.outcome };
    },
    attemptTimeoutMs !== undefined ? { attemptTimeoutMs } : {},
  );
  if (!last) return { noAddress: `every address of ${target.host} was skipped (503 Retry-After): try again once the Retry-After time has passed` };
  return { result: last, attempts: walk.attempts };
}

/**
 * Prints what a walk gave (JSON or the human summary `format` writes) and returns the exit code:
 * 2 when no address could be tried, else by the last result's outcome.
 */
export function reportWalk<R extends { outcome: string; ok: boolean }>(
  method: string,
  text: string,
  walked: WalkedResult<R> | { noAddress: string },
  opts: Record<string, unknown>,
  format: (text: string, r: R, attempts: AttemptRecord[] | undefined) => string,
): number {
  if ('noAddress' in walked) {
    if (opts['json']) printJson({ ok: false, outcome: 'transport-error', target: text, error: { code: 'dns-error', message: walked.noAddress } });
    else process.stderr.write(`${method} ${text}: ${walked.noAddress}\n`);
    return 2;
  }
  const r = walked.result;
  if (opts['json']) printJson({ target: text, ...r, ...(walked.attempts ? { attempts: walked.attempts } : {}) });
  else process.stdout.write(format(text, r, walked.attempts) + '\n');
  return exitCodeOf(r.outcome, r.ok);
}

/** The built-in carrier profile whose SIP domain is `host`, if any. */
export function carrierForDomain(host: string): CarrierProfile | undefined {
  const h = host.toLowerCase();
  return builtInCarrierIds().map(loadCarrierProfile).find((c) => c.domain.toLowerCase() === h);
}

export function clientOptions(opts: Record<string, unknown>): SipClientOptions {
  return { tls: readTlsOptions(opts) };
}

export function exitCodeOf(outcome: string, ok: boolean): number {
  if (ok) return 0;
  if (outcome === 'answered' || outcome === 'auth-failed' || outcome === 'no-answer') return 1;
  return 2;
}

export function formatTls(t: TlsInfo): string {
  const verified = t.authorized ? paint('verified', 'green') : paint(`not verified (${t.authorizationError ?? 'unknown'})`, 'yellow');
  const expiry = t.certExpires ? `, certificate expires ${t.certExpires.slice(0, 10)} (${t.certDaysLeft} days)` : '';
  return `${t.version ?? '?'} ${t.cipher ?? '?'}${expiry}, ${verified}`;
}

function formatResult(target: string, r: OptionsResult, attempts: AttemptRecord[] | undefined): string {
  const lines: string[] = [];
  const head = `OPTIONS ${target} via ${r.transport.toUpperCase()} ${r.remote}`;
  if (r.status !== null) {
    const status = `${r.status} ${r.reason ?? ''}`.trim();
    lines.push(`${head}: ${r.ok ? paint(status, 'green') : paint(status, 'red')} in ${r.rttMs!.toFixed(1)} ms`);
  } else {
    lines.push(`${head}: ${paint(r.outcome, 'red')}${r.error ? ` (${r.error.message})` : ''}`);
  }
  lines.push(`  auth: ${r.auth}${r.algorithm ? ` (${r.algorithm})` : ''}${r.outcome === 'auth-failed' && r.error ? `: ${r.error.message}` : ''}`);
  if (r.server) lines.push(`  server: ${r.server}`);
  if (r.allow.length) lines.push(`  allow: ${r.allow.join(', ')}`);
  if (r.supported.length) lines.push(`  supported: ${r.supported.join(', ')}`);
  if (r.accept.length) lines.push(`  accept: ${r.accept.join(', ')}`);
  if (r.tls) lines.push(`  tls: ${formatTls(r.tls)}`);
  if (r.retransmissions) lines.push(`  retransmissions: ${r.retransmissions}`);
  if (attempts && attempts.length > 1) {
    lines.push('  attempts:');
    for (const a of attempts) lines.push(`    ${a.transport} ${a.address}:${a.port} (${a.target}): ${a.outcome}${a.status ? ` ${a.status}` : ''}`);
  }
  return lines.join('\n');
}

export async function run(args: unknown[], opts: Record<string, unknown>): Promise<number> {
  const text = String(args[0] ?? '');
  const credentials = readCredentials(opts);
  const timeoutMs = readMs(opts, 'timeout', '--timeout', 1, 3_600_000);
  const client = new SipClient(clientOptions(opts));
  try {
    const walked = await walkTarget(text, opts, timeoutMs, (target, signal) =>
      client.options(target, { ...(credentials ? { credentials } : {}), ...(timeoutMs ? { timeoutMs } : {}), ...(signal ? { signal } : {}) }),
    );
    return reportWalk('OPTIONS', text, walked, opts, formatResult);
  } finally {
    await client.close();
  }
}
