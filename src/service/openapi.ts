/**
 * The OpenAPI 3.1 document served at /openapi.json, built from the same JSON Schemas
 * (schemas/api/*.json) that fastify validates the bodies with, so the two cannot drift.
 * `$ref`s to a schema's `$id` become `#/components/schemas/<Title>`.
 */
import { apiSchemas, type ApiSchema } from './api-schemas.js';

function rewriteRefs(value: unknown, byId: Map<string, string>): unknown {
  if (Array.isArray(value)) return value.map((v) => rewriteRefs(v, byId));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === '$id') continue;
      if (k === '$ref' && typeof v === 'string') {
        const title = byId.get(v.replace(/#$/, ''));
        out[k] = title ? `#/components/schemas/${title}` : v;
      } else out[k] = rewriteRefs(v, byId);
    }
    return out;
  }
  return value;
}

const ref = (title: string) => ({ $ref: `#/components/schemas/${title}` });
const json = (title: string) => ({ 'application/json': { schema: ref(title) } });
const problems = (...codes: number[]) =>
  Object.fromEntries(codes.map((c) => [String(c), { description: 'Problem', content: { 'application/problem+json': { schema: ref('Problem') } } }]));
const text = (description: string) => ({ description, content: { 'text/plain': { schema: { type: 'string' } } } });

export function openApiDocument(opts: { publicRoutes: string[]; serverUrl?: string }): object {
  const schemas = apiSchemas();
  const byId = new Map(schemas.map((s: ApiSchema) => [s.$id, s.title]));
  const components = Object.fromEntries(schemas.map((s) => [s.title, rewriteRefs(s, byId)]));
  const security = (path: string) => (opts.publicRoutes.includes(path) ? { security: [] } : {});
  const authErrors = (path: string) => (opts.publicRoutes.includes(path) ? [] : [401, 403, 429]);
  const modelBody = {
    required: true,
    content: {
      'application/json': { schema: ref('ModelRequest') },
      'application/yaml': { schema: { type: 'string' } },
    },
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'siptrunk service',
      version: '0.1.0',
      description: 'Health checks of SIP trunk endpoints and the trunk model tools over HTTP. Errors are RFC 9457 application/problem+json.',
    },
    ...(opts.serverUrl ? { servers: [{ url: opts.serverUrl }] } : {}),
    security: [{ basic: [] }, { app: [] }, { bearer: [] }],
    components: {
      securitySchemes: {
        basic: { type: 'http', scheme: 'basic', description: 'API key as user name, secret as password.' },
        app: { type: 'apiKey', in: 'header', name: 'Authorization', description: '`App <API key secret>`.' },
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'RS256 token from POST /v1/tokens.' },
      },
      schemas: components,
    },
    paths: {
      '/healthz': { get: { summary: 'Liveness', ...security('/healthz'), responses: { 200: { description: 'alive' }, ...problems(...authErrors('/healthz')) } } },
      '/readyz': { get: { summary: 'Readiness', ...security('/readyz'), responses: { 200: { description: 'ready' }, ...problems(503, ...authErrors('/readyz')) } } },
      '/metrics': { get: { summary: 'Prometheus metrics of the scheduler and the process', ...security('/metrics'), responses: { 200: text('Prometheus text format'), ...problems(...authErrors('/metrics')) } } },
      '/probe': {
        get: {
          summary: 'Probe one target now and return its metrics (blackbox_exporter convention)',
          ...security('/probe'),
          parameters: [
            { name: 'target', in: 'query', required: true, schema: { type: 'string' } },
            { name: 'module', in: 'query', required: false, schema: { type: 'string' } },
          ],
          responses: { 200: text('Prometheus text format: sip_probe_success, sip_probe_duration_seconds, ...'), ...problems(400, ...authErrors('/probe')) },
        },
      },
      '/openapi.json': { get: { summary: 'This document', ...security('/openapi.json'), responses: { 200: { description: 'OpenAPI 3.1' }, ...problems(...authErrors('/openapi.json')) } } },
      '/v1/tokens': {
        post: {
          summary: 'Exchange key and secret for an RS256 JWT',
          security: [],
          requestBody: { required: true, content: json('TokenRequest') },
          responses: { 201: { description: 'Token', content: json('TokenResponse') }, ...problems(400, 401, 403, 429) },
        },
      },
      '/v1/tokens/{jti}': {
        delete: {
          summary: 'Revoke a token by its id',
          parameters: [{ name: 'jti', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { 200: { description: 'Revoked', content: json('RevokeResponse') }, ...problems(401, 403, 429) },
        },
      },
      '/v1/validate': {
        post: { summary: 'Validate a trunk model', requestBody: modelBody, responses: { 200: { description: 'Findings', content: json('ValidateResponse') }, ...problems(400, 401, 403, 429) } },
      },
      '/v1/render': {
        post: { summary: 'Render PBX and firewall files (secrets as placeholders)', requestBody: modelBody, responses: { 200: { description: 'Files', content: json('RenderResponse') }, ...problems(400, 401, 403, 422, 429) } },
      },
      '/v1/uris/check': {
        post: { summary: 'Check SIP URIs or a forward-to-SIP list', requestBody: { required: true, content: json('UrisCheckRequest') }, responses: { 200: { description: 'Checks' }, ...problems(400, 401, 403, 429) } },
      },
      '/v1/numbers/check': {
        post: { summary: 'Check and normalise phone numbers to E.164', requestBody: { required: true, content: json('NumbersCheckRequest') }, responses: { 200: { description: 'Checks' }, ...problems(400, 401, 403, 429) } },
      },
      '/v1/targets': { get: { summary: 'State and recent history of each scheduled target', responses: { 200: { description: 'Targets', content: json('TargetsResponse') }, ...problems(401, 403, 429) } } },
      '/v1/probe': {
        post: { summary: 'Probe one target now', requestBody: { required: true, content: json('ProbeRequest') }, responses: { 200: { description: 'Result', content: json('ProbeResult') }, ...problems(400, 401, 403, 429) } },
      },
    },
  };
}
