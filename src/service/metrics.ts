/**
 * Prometheus metrics of the prober (prom-client). The same families serve the long-lived
 * registry behind GET /metrics and the throw-away registry of one GET /probe request (the
 * blackbox_exporter convention: `sip_probe_success` and `sip_probe_duration_seconds` are always
 * present in a /probe answer, whatever happened).
 *
 * Labels: target (configured name or URI), endpoint (host:port probed), transport.
 */
import { Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ProbeResult } from '../probe/types.js';

const LABELS = ['target', 'endpoint', 'transport'] as const;
type Labels = Record<(typeof LABELS)[number], string>;

const LINT_FAILING_DEFAULTS = ['nodejs_active_handles_total', 'nodejs_active_requests_total', 'nodejs_active_resources_total'];

export const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export class ProbeMetrics {
  readonly registry: Registry;
  readonly success: Gauge<(typeof LABELS)[number]>;
  readonly duration: Histogram<(typeof LABELS)[number]>;
  readonly statusCode: Gauge<(typeof LABELS)[number]>;
  readonly dnsLookup: Gauge<(typeof LABELS)[number]>;
  readonly certExpiry: Gauge<(typeof LABELS)[number]>;
  readonly up: Gauge<(typeof LABELS)[number]>;

  constructor(opts: { registry?: Registry; processMetrics?: boolean } = {}) {
    this.registry = opts.registry ?? new Registry();
    const registers = [this.registry];
    this.success = new Gauge({ name: 'sip_probe_success', help: 'Whether the last SIP probe succeeded (1) or not (0).', labelNames: LABELS, registers });
    this.duration = new Histogram({
      name: 'sip_probe_duration_seconds',
      help: 'Duration of SIP probes in seconds, DNS included.',
      labelNames: LABELS,
      buckets: DURATION_BUCKETS,
      registers,
    });
    this.statusCode = new Gauge({ name: 'sip_probe_status_code', help: 'SIP status code of the final response of the last probe (0 when none arrived).', labelNames: LABELS, registers });
    this.dnsLookup = new Gauge({ name: 'sip_probe_dns_lookup_seconds', help: 'Time spent resolving the target host in the last probe.', labelNames: LABELS, registers });
    this.certExpiry = new Gauge({
      name: 'sip_probe_tls_cert_expiry_timestamp_seconds',
      help: 'Expiry of the server TLS certificate seen by the last probe, as a Unix timestamp.',
      labelNames: LABELS,
      registers,
    });
    this.up = new Gauge({ name: 'sip_probe_up', help: 'Target state after the up/down thresholds: 1 up, 0 down (absent while unknown).', labelNames: LABELS, registers });
    if (opts.processMetrics) {
      collectDefaultMetrics({ register: this.registry });
      // prom-client names three gauges with a `_total` suffix, which the Prometheus naming rules
      // keep for counters (promtool check metrics refuses them); the handle and request counts
      // they carry are left out rather than published under names that break the convention.
      for (const name of LINT_FAILING_DEFAULTS) this.registry.removeSingleMetric(name);
    }
  }

  static labels(r: Pick<ProbeResult, 'target' | 'endpoint' | 'transport'>): Labels {
    return { target: r.target, endpoint: r.endpoint, transport: r.transport };
  }

  record(r: ProbeResult): void {
    const l = ProbeMetrics.labels(r);
    this.success.set(l, r.success ? 1 : 0);
    this.duration.observe(l, r.durationSeconds);
    this.statusCode.set(l, r.status ?? 0);
    this.dnsLookup.set(l, r.dnsLookupSeconds);
    if (r.tls?.certExpires) {
      const t = Date.parse(r.tls.certExpires);
      if (Number.isFinite(t)) this.certExpiry.set(l, Math.floor(t / 1000));
    }
  }

  setUp(r: Pick<ProbeResult, 'target' | 'endpoint' | 'transport'>, up: boolean | undefined): void {
    const l = ProbeMetrics.labels(r);
    if (up === undefined) this.up.remove(l);
    else this.up.set(l, up ? 1 : 0);
  }

  async text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
