/**
 * The prober contract, blackbox_exporter style: one function type for every probe kind,
 * `(ctx) => Promise<ProbeResult>`. A failed probe is a result (success false, an outcome saying
 * why), never an exception; only a programming error may throw.
 */
import type { Secret } from '../util/secret.js';

export type ProbeTransport = 'udp' | 'tcp' | 'tls';
export type ProbeMethod = 'options' | 'invite';

/** One endpoint to probe: a host or address, port and transport. */
export interface ProbeTarget {
  /** Name shown in metrics (`target` label) and reports: the URI or the configured name. */
  name: string;
  /** Host as written (domain or IP). */
  host: string;
  port: number;
  transport: ProbeTransport;
  /** Pre-resolved address, when a plan already resolved it. */
  address?: string;
  /** Request-URI to use, when it differs from sip:host:port. */
  uri?: string;
  /** Role in a model plan: primary endpoint, backup endpoint, or forward-to-SIP entry. */
  role?: 'primary' | 'backup' | 'forward' | 'target';
}

export interface ProbeModuleSettings {
  method: ProbeMethod;
  timeoutMs: number;
  credentials?: { username: string; password: Secret };
  insecure?: boolean;
  caFile?: string;
  /** INVITE probes: the callee and caller (E.164 or user parts). */
  call?: { to: string; from: string };
}

export interface ProbeLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface ProbeContext {
  target: ProbeTarget;
  module: ProbeModuleSettings;
  signal: AbortSignal;
  logger: ProbeLogger;
}

export type ProbeOutcome =
  | 'answered'
  | 'timeout'
  | 'transport-error'
  | 'tls-error'
  | 'dns-error'
  | 'auth-failed'
  | 'aborted';

export interface ProbeTls {
  version: string | undefined;
  cipher: string | undefined;
  /** ISO time the server certificate expires. */
  certExpires: string | undefined;
  certDaysLeft: number | undefined;
}

export interface ProbeResult {
  target: string;
  /** host:port as probed. */
  endpoint: string;
  transport: ProbeTransport;
  role: ProbeTarget['role'];
  /** The address the request went to. */
  address: string | undefined;
  success: boolean;
  outcome: ProbeOutcome;
  status: number | undefined;
  reason: string | undefined;
  rttMs: number | undefined;
  durationSeconds: number;
  dnsLookupSeconds: number;
  auth: 'none' | 'ok' | 'failed';
  algorithm: string | undefined;
  tls: ProbeTls | undefined;
  /** Why it failed, in words (never a secret). */
  error: string | undefined;
  /** ISO time the probe started. */
  at: string;
}

export type Prober = (ctx: ProbeContext) => Promise<ProbeResult>;
