/**
 * The model layer behind the REST API: validate, render (secrets always placeholders), URI and
 * number checks. Modules load on first use, so `siptrunk serve` starts without them.
 */
import type { ModelApi, ModelFinding } from './model-api.js';
import type { Finding, TrunkModel, ValidationResult } from '../model/types.js';

function findings(list: readonly Finding[]): ModelFinding[] {
  return list.map((f) => ({
    severity: f.severity,
    code: f.code,
    message: f.message,
    path: f.path,
    ...(f.line !== undefined ? { line: f.line } : {}),
    ...(f.column !== undefined ? { column: f.column } : {}),
    ...(f.expected !== undefined ? { expected: f.expected } : {}),
  }));
}

/** What the API shows of a valid model: never the secret, only where it comes from. */
function summary(m: TrunkModel): object {
  const ref = m.account.secretRef;
  return {
    name: m.name,
    carrier: m.carrier.id,
    domain: m.carrier.domain,
    apiKey: m.account.apiKey,
    secret: ref.kind === 'env' ? `env:${ref.name}` : ref.kind === 'file' ? `file:${ref.path}` : 'inline',
    callerId: m.callerId.e164,
    dids: m.dids.map((d) => ({ e164: d.e164, country: d.country })),
    codecs: m.codecs,
    transports: m.transports,
    region: m.region,
    pbx: m.pbx.map((p) => p.kind),
    firewall: m.firewall,
    forward: m.forward.map((f) => ({ index: f.index, uri: f.uri, transport: f.transport, port: f.port, timeoutMs: f.timeoutMs })),
  };
}

async function validateInput(input: { yaml?: string; model?: object }): Promise<ValidationResult> {
  const { validateModel, validateModelObject } = await import('../model/validate-model.js');
  return input.yaml !== undefined ? validateModel(input.yaml, { file: 'request' }) : validateModelObject(input.model, { file: 'request' });
}

export function createModelApi(): ModelApi {
  return {
    async validate(input) {
      const r = await validateInput(input);
      return { ok: r.ok, findings: findings(r.findings), ...(r.model ? { summary: summary(r.model) } : {}) };
    },
    async render(input) {
      const r = await validateInput(input);
      if (!r.ok || !r.model) return { ok: false, findings: findings(r.findings), files: [] };
      const { checkRenderable, renderModel } = await import('../render/render-model.js');
      const { isRenderTarget } = await import('../render/registry.js');
      const bad = (input.targets ?? []).filter((t) => !isRenderTarget(t));
      if (bad.length > 0) {
        return {
          ok: false,
          findings: [{ severity: 'error', code: 'RENDER_UNKNOWN_TARGET', message: `unknown render target ${bad.map((b) => JSON.stringify(b)).join(', ')}`, path: '/targets' }],
          files: [],
        };
      }
      const targets = input.targets as Parameters<typeof renderModel>[1]['targets'];
      const opts = { secrets: 'placeholder' as const, ...(targets && targets.length ? { targets } : {}) };
      const problems = checkRenderable(r.model, opts);
      const all = [...r.findings, ...problems];
      if (problems.some((p) => p.severity === 'error')) return { ok: false, findings: findings(all), files: [] };
      const files = renderModel(r.model, opts).map((f) => ({ target: f.target, path: f.path, content: f.content, ...(f.mode !== undefined ? { mode: f.mode } : {}) }));
      return { ok: true, findings: findings(all), files };
    },
    async checkUris(input) {
      const out: Record<string, unknown> = {};
      if (input.uris) {
        const { checkSipUri } = await import('../model/rules/sip-uri.js');
        out['uris'] = input.uris.map((u) => checkSipUri(u));
      }
      if (input.forward !== undefined) {
        const { parseForwardList } = await import('../model/rules/forward-list.js');
        const { loadCarrierProfile } = await import('../carriers/load-carrier.js');
        const carrier = loadCarrierProfile('nexmo');
        const r = parseForwardList(input.forward, { rules: carrier.forward, carrierName: carrier.name });
        out['forward'] = { ok: !r.findings.some((f) => f.severity === 'error'), entries: r.entries, findings: findings(r.findings) };
      }
      return out;
    },
    async checkNumbers(numbers) {
      const { checkNumber } = await import('../model/rules/e164.js');
      const results = numbers.map((n) => checkNumber(n));
      return { ok: results.every((r) => r.valid), numbers: results };
    },
  };
}
