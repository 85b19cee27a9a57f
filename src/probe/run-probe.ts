/**
 * Runs one probe of one target text with one module: parses the target, resolves a host name
 * (timed, for sip_probe_dns_lookup_seconds), then calls the prober for the module's method.
 * Everything that can go wrong becomes a result, never an exception.
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { isSiptrunkError } from '../util/siptrunk-error.js';
import { parseProbeTarget } from './parse-target.js';
import { failedResult } from './result.js';
import type { ProbeLogger, ProbeMethod, ProbeModuleSettings, ProbeResult, ProbeTarget, Prober, ProbeTransport } from './types.js';

export type ProberTable = Record<ProbeMethod, Prober>;

/** Resolves `target.host` to an address unless it is one; returns the lookup time. */
export async function resolveHost(target: ProbeTarget): Promise<{ address: string; seconds: number }> {
  if (target.address) return { address: target.address, seconds: 0 };
  if (isIP(target.host)) return { address: target.host, seconds: 0 };
  const t0 = performance.now();
  const r = await lookup(target.host);
  return { address: r.address, seconds: (performance.now() - t0) / 1000 };
}

export async function probeTarget(
  target: ProbeTarget,
  module: ProbeModuleSettings,
  probers: ProberTable,
  signal: AbortSignal,
  logger: ProbeLogger,
): Promise<ProbeResult> {
  const started = performance.now();
  const at = new Date().toISOString();
  let dnsSeconds = 0;
  try {
    const r = await resolveHost(target);
    dnsSeconds = r.seconds;
    const result = await probers[module.method]({ target: { ...target, address: r.address }, module, signal, logger });
    return { ...result, dnsLookupSeconds: dnsSeconds, durationSeconds: (performance.now() - started) / 1000 };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return failedResult(target, {
      at,
      outcome: dnsSeconds === 0 && code && /^(ENOTFOUND|EAI_AGAIN|ENODATA|ESERVFAIL)$/.test(code) ? 'dns-error' : 'transport-error',
      error: isSiptrunkError(err) ? `${err.code}: ${err.message}` : `${code ?? 'error'}: ${(err as Error).message}`,
      durationSeconds: (performance.now() - started) / 1000,
      dnsLookupSeconds: dnsSeconds,
    });
  }
}

/** Parses then probes; a target that does not parse is a failed result too. */
export async function probeTargetText(
  text: string,
  module: ProbeModuleSettings,
  transport: ProbeTransport | undefined,
  probers: ProberTable,
  signal: AbortSignal,
  logger: ProbeLogger,
  name?: string,
): Promise<ProbeResult> {
  let target: ProbeTarget;
  try {
    target = parseProbeTarget(text, transport, name);
  } catch (err) {
    return failedResult(
      { name: name ?? text, host: text, port: 0, transport: transport ?? 'udp', role: 'target' },
      { outcome: 'transport-error', error: isSiptrunkError(err) ? `${err.code}: ${err.message}` : String(err) },
    );
  }
  return probeTarget(target, module, probers, signal, logger);
}
