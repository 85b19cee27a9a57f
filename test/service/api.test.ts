/**
 * The REST API of the running service: token exchange, use and revocation; lifetimes; bodies
 * that break the schemas; problem documents; the failed-authentication rate limit; the model
 * routes; the OpenAPI document.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyApplicationJwt } from '../../src/service/jwt.js';
import { basic, KEYS, startTestService, type TestService } from './helpers/service.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const MODEL_YAML = readFileSync(new URL('../../fixtures/models/nexmo-example.yaml', import.meta.url), 'utf8');
let svc: TestService;
let limited: TestService;
const auth = () => basic(KEYS.ok.key, KEYS.ok.secret);

async function post(s: TestService, path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(s.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { res, text, json: text ? JSON.parse(text) : undefined };
}

beforeAll(async () => {
  svc = await startTestService('127.0.30.3');
  limited = await startTestService('127.0.30.4', { auth: { failedAuthRateLimit: { burst: 3, refillPerSecond: 0.01 } } });
});
afterAll(async () => {
  await svc?.stop();
  await limited?.stop();
});

describe('POST /v1/tokens', () => {
  it('exchanges key and secret for an RS256 token that says when it expires', async () => {
    const { res, json } = await post(svc, '/v1/tokens', { key: KEYS.ok.key, secret: KEYS.ok.secret });
    expect(res.status).toBe(201);
    expect(json).toMatchObject({ tokenType: 'Bearer', applicationId: 'ops', expiresIn: 900 });
    expect(Date.parse(json.expiresAt) - Date.parse(json.issuedAt)).toBe(900_000);
    const claims = verifyApplicationJwt(json.token, svc.ctx.signing.publicKey);
    expect(claims.jti).toBe(json.jti);
    const use = await fetch(`${svc.url}/v1/targets`, { headers: { authorization: `Bearer ${json.token}` } });
    expect(use.status).toBe(200);
  });

  it('honours a requested lifetime within 30 s .. 24 h, and refuses one outside', async () => {
    expect((await post(svc, '/v1/tokens', { key: KEYS.ok.key, secret: KEYS.ok.secret, ttl: '30s' })).json.expiresIn).toBe(30);
    expect((await post(svc, '/v1/tokens', { key: KEYS.ok.key, secret: KEYS.ok.secret, ttl: 86400 })).json.expiresIn).toBe(86400);
    for (const ttl of ['10s', '25h', 29]) {
      const { res, json } = await post(svc, '/v1/tokens', { key: KEYS.ok.key, secret: KEYS.ok.secret, ttl });
      expect(res.status).toBe(400);
      expect(json.code).toBe('SERVICE_JWT_TTL_RANGE');
    }
  });

  it('answers wrong credentials with 401 and a disabled key with 403, as problem+json', async () => {
    const wrong = await post(svc, '/v1/tokens', { key: KEYS.ok.key, secret: 'nope' });
    expect(wrong.res.status).toBe(401);
    expect(wrong.res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(wrong.json).toMatchObject({ status: 401, title: 'Unauthorized', code: 'SERVICE_AUTH_INVALID' });
    const disabled = await post(svc, '/v1/tokens', { key: KEYS.disabled.key, secret: KEYS.disabled.secret });
    expect(disabled.res.status).toBe(403);
    expect(disabled.json.code).toBe('SERVICE_AUTH_DISABLED');
  });

  it('revokes a token by its jti: the same token is refused afterwards', async () => {
    const { json } = await post(svc, '/v1/tokens', { key: KEYS.ok.key, secret: KEYS.ok.secret });
    const bearer = { authorization: `Bearer ${json.token}` };
    const del = await fetch(`${svc.url}/v1/tokens/${json.jti}`, { method: 'DELETE', headers: bearer });
    expect(del.status).toBe(200);
    expect(await del.json()).toMatchObject({ jti: json.jti, revoked: true });
    const after = await fetch(`${svc.url}/v1/targets`, { headers: bearer });
    expect(after.status).toBe(401);
    expect((await after.json() as Json).code).toBe('SERVICE_JWT_REVOKED');
  });
});

describe('malformed requests', () => {
  it.each([
    ['broken JSON', '{"key": "ops",', 'application/json'],
    ['an unknown key', JSON.stringify({ key: 'ops', secret: 'x', admin: true }), 'application/json'],
    ['a wrong type', JSON.stringify({ key: 1, secret: 'x' }), 'application/json'],
    ['a missing key', JSON.stringify({ secret: 'x' }), 'application/json'],
    ['an empty body', '', 'application/json'],
  ])('answers %s with 400 problem+json', async (_name, body, type) => {
    const res = await fetch(`${svc.url}/v1/tokens`, { method: 'POST', headers: { 'content-type': type }, body });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const p = (await res.json()) as Json;
    expect(p).toMatchObject({ status: 400, title: 'Bad Request', code: 'SERVICE_BODY_INVALID' });
    expect(typeof p.type).toBe('string');
  });

  it('answers a body that breaks a route schema with 400 naming the field', async () => {
    const { res, json } = await post(svc, '/v1/numbers/check', { numbers: 'not a list' }, { authorization: auth() });
    expect(res.status).toBe(400);
    expect(json.detail).toContain('/numbers');
  });

  it('answers an unknown route with 404 problem+json', async () => {
    const res = await fetch(`${svc.url}/v2/nothing`, { headers: { authorization: auth() } });
    expect(res.status).toBe(404);
    expect((await res.json() as Json).code).toBe('SERVICE_NOT_FOUND');
  });
});

describe('failed-authentication rate limit', () => {
  it('answers 429 with Retry-After once the per-address budget is used, even for right credentials', async () => {
    for (let i = 0; i < 3; i++) {
      const r = await fetch(`${limited.url}/v1/targets`, { headers: { authorization: basic(KEYS.ok.key, 'wrong') } });
      expect(r.status).toBe(401);
    }
    const r = await fetch(`${limited.url}/v1/targets`, { headers: { authorization: auth() } });
    expect(r.status).toBe(429);
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await r.json() as Json).code).toBe('SERVICE_AUTH_RATE_LIMITED');
    const token = await post(limited, '/v1/tokens', { key: KEYS.ok.key, secret: KEYS.ok.secret });
    expect(token.res.status).toBe(429);
    expect((await fetch(`${limited.url}/healthz`)).status).toBe(200);
  });
});

describe('model routes', () => {
  it('validates a model sent as YAML text in JSON, and as a raw YAML body', async () => {
    const a = await post(svc, '/v1/validate', { yaml: MODEL_YAML }, { authorization: auth() });
    expect(a.res.status).toBe(200);
    expect(a.json.ok).toBe(true);
    expect(a.json.summary.name).toBeTruthy();
    const b = await fetch(`${svc.url}/v1/validate`, { method: 'POST', headers: { 'content-type': 'application/yaml', authorization: auth() }, body: MODEL_YAML });
    expect((await b.json() as Json).ok).toBe(true);
  });

  it('reports findings with codes and positions for an invalid model', async () => {
    const { res, json } = await post(svc, '/v1/validate', { yaml: MODEL_YAML.replace(/^name: .*$/m, 'name: "Bad Name!"') }, { authorization: auth() });
    expect(res.status).toBe(200);
    expect(json.ok).toBe(false);
    expect(json.findings[0]).toMatchObject({ severity: 'error', path: '/name' });
    expect(json.findings[0].line).toBeGreaterThan(0);
  });

  it('renders files with the secret as a placeholder only', async () => {
    const secret = 'TopSecretTrunkPassword123';
    const yaml = MODEL_YAML.replace(/^(\s*)secret: .*$/m, `$1secret: { file: /nonexistent/secret.txt }`);
    const { res, json, text } = await post(svc, '/v1/render', { yaml, targets: ['asterisk-pjsip'] }, { authorization: auth() });
    expect(res.status, text).toBe(200);
    expect(json.files.length).toBeGreaterThan(0);
    expect(json.files.every((f: { target: string }) => f.target === 'asterisk-pjsip')).toBe(true);
    expect(text).toContain('<secret>');
    expect(text).not.toContain(secret);
  });

  it('answers 422 with the findings for a model that cannot be rendered', async () => {
    const { res, json } = await post(svc, '/v1/render', { yaml: 'name: x\n' }, { authorization: auth() });
    expect(res.status).toBe(422);
    expect(json.errors.length).toBeGreaterThan(0);
  });

  it('checks numbers and URIs', async () => {
    const n = await post(svc, '/v1/numbers/check', { numbers: ['+14155550100', '12'] }, { authorization: auth() });
    expect(n.json.numbers.map((x: { valid: boolean }) => x.valid)).toEqual([true, false]);
    const u = await post(svc, '/v1/uris/check', { uris: ['sip:1234@example.com', 'http://x'], forward: 'sip:a@pbx.example.com, sips:b@pbx.example.com' }, { authorization: auth() });
    expect(u.json.uris.map((x: { valid: boolean }) => x.valid)).toEqual([true, false]);
    expect(u.json.forward.entries.map((e: { port: number }) => e.port)).toEqual([5060, 5061]);
  });
});

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1, lists every route, and resolves every $ref', async () => {
    const doc = (await (await fetch(`${svc.url}/openapi.json`, { headers: { authorization: auth() } })).json()) as Json;
    expect(doc.openapi).toBe('3.1.0');
    const routes = svc.app.printRoutes({ commonPrefix: false });
    for (const p of ['/healthz', '/readyz', '/metrics', '/probe', '/v1/tokens', '/v1/tokens/{jti}', '/v1/validate', '/v1/render', '/v1/uris/check', '/v1/numbers/check', '/v1/targets', '/v1/probe']) {
      expect(doc.paths[p], p).toBeDefined();
    }
    expect(routes).toContain('/v1/probe');
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(10);
    for (const r of refs) {
      const target = r.slice(8, -1);
      expect(target.startsWith('#/components/schemas/'), target).toBe(true);
      expect(doc.components.schemas[target.split('/').pop()!], target).toBeDefined();
    }
    expect(doc.paths['/healthz'].get.security).toEqual([]);
  });
});

describe('health', () => {
  it('is ready while running', async () => {
    const r = await fetch(`${svc.url}/readyz`, { headers: { authorization: auth() } });
    expect(r.status).toBe(200);
  });
});
