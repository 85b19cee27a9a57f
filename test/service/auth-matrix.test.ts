/**
 * The authentication matrix: every scheme (Basic key+secret, App key, Bearer JWT) right, wrong
 * and missing, plus expired, not-yet-valid, tampered, revoked and wrong-algorithm tokens and a
 * disabled key, against EVERY protected route of the real service listening on loopback.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintApplicationJwt } from '../../src/service/jwt.js';
import { startSippUas, type SippProcess } from '../helpers/sipp.js';
import { basic, KEYS, startTestService, type TestService } from './helpers/service.js';

const HOST = '127.0.30.1';
const PEER = '127.0.30.2';
const SCENARIO = new URL('../probe/peers/options-200.xml', import.meta.url).pathname;
const MODEL_YAML = readFileSync(new URL('../../fixtures/models/nexmo-example.yaml', import.meta.url), 'utf8');

let svc: TestService;
let peer: SippProcess;

interface Route {
  name: string;
  method: 'GET' | 'POST' | 'DELETE';
  path: () => string;
  body?: () => unknown;
  /** Status with right credentials. */
  ok: number;
}

const ROUTES: Route[] = [
  { name: 'GET /readyz', method: 'GET', path: () => '/readyz', ok: 200 },
  { name: 'GET /metrics', method: 'GET', path: () => '/metrics', ok: 200 },
  { name: 'GET /probe', method: 'GET', path: () => `/probe?target=${encodeURIComponent(`sip:${PEER}:${peer.port}`)}&module=sip_options`, ok: 200 },
  { name: 'GET /openapi.json', method: 'GET', path: () => '/openapi.json', ok: 200 },
  { name: 'GET /v1/targets', method: 'GET', path: () => '/v1/targets', ok: 200 },
  { name: 'POST /v1/probe', method: 'POST', path: () => '/v1/probe', body: () => ({ target: `sip:${PEER}:${peer.port}` }), ok: 200 },
  { name: 'POST /v1/validate', method: 'POST', path: () => '/v1/validate', body: () => ({ yaml: MODEL_YAML }), ok: 200 },
  { name: 'POST /v1/render', method: 'POST', path: () => '/v1/render', body: () => ({ yaml: MODEL_YAML }), ok: 200 },
  { name: 'POST /v1/uris/check', method: 'POST', path: () => '/v1/uris/check', body: () => ({ uris: ['sip:1234@example.com'] }), ok: 200 },
  { name: 'POST /v1/numbers/check', method: 'POST', path: () => '/v1/numbers/check', body: () => ({ numbers: ['+14155550100'] }), ok: 200 },
  { name: 'DELETE /v1/tokens/some-jti', method: 'DELETE', path: () => '/v1/tokens/some-jti', ok: 200 },
];

type Case = { name: string; header: () => string | undefined; status: number; code?: string };

function token(over: Partial<Parameters<typeof mintApplicationJwt>[0]> = {}): string {
  return mintApplicationJwt({ applicationId: KEYS.ok.key, privateKey: svc.ctx.signing.privateKey, ...over }).token;
}

const revokedJti = 'revoked-token-id';

const CASES: Case[] = [
  { name: 'basic right', header: () => basic(KEYS.ok.key, KEYS.ok.secret), status: 0 },
  { name: 'basic wrong secret', header: () => basic(KEYS.ok.key, KEYS.other.secret), status: 401, code: 'SERVICE_AUTH_INVALID' },
  { name: 'basic unknown key', header: () => basic('nobody', KEYS.ok.secret), status: 401, code: 'SERVICE_AUTH_INVALID' },
  { name: 'basic disabled key', header: () => basic(KEYS.disabled.key, KEYS.disabled.secret), status: 403, code: 'SERVICE_AUTH_DISABLED' },
  { name: 'basic not base64', header: () => 'Basic %%%', status: 401, code: 'SERVICE_AUTH_INVALID' },
  { name: 'app right', header: () => `App ${KEYS.ok.secret}`, status: 0 },
  { name: 'app wrong', header: () => `App ${KEYS.ok.secret.slice(0, -1)}0`, status: 401, code: 'SERVICE_AUTH_INVALID' },
  { name: 'app disabled key', header: () => `App ${KEYS.disabled.secret}`, status: 403, code: 'SERVICE_AUTH_DISABLED' },
  { name: 'bearer right', header: () => `Bearer ${token()}`, status: 0 },
  { name: 'bearer expired', header: () => `Bearer ${token({ now: Date.now() - 3600_000, ttlSeconds: 60 })}`, status: 401, code: 'SERVICE_JWT_EXPIRED' },
  { name: 'bearer not yet valid', header: () => `Bearer ${token({ nbfOffsetSeconds: 600 })}`, status: 401, code: 'SERVICE_JWT_NOT_YET_VALID' },
  {
    name: 'bearer tampered',
    header: () => {
      const [h, p, s] = token().split('.') as [string, string, string];
      const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
      claims.application_id = KEYS.other.key;
      return `Bearer ${h}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${s}`;
    },
    status: 401,
    code: 'SERVICE_JWT_SIGNATURE',
  },
  {
    name: 'bearer alg none',
    header: () => {
      const [, p] = token().split('.') as [string, string];
      return `Bearer ${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${p}.`;
    },
    status: 401,
    code: 'SERVICE_JWT_ALGORITHM',
  },
  { name: 'bearer revoked', header: () => `Bearer ${token({ jti: revokedJti })}`, status: 401, code: 'SERVICE_JWT_REVOKED' },
  { name: 'bearer of a disabled key', header: () => `Bearer ${token({ applicationId: KEYS.disabled.key })}`, status: 403, code: 'SERVICE_AUTH_DISABLED' },
  { name: 'bearer garbage', header: () => 'Bearer not.a.jwt', status: 401, code: 'SERVICE_JWT_MALFORMED' },
  { name: 'missing', header: () => undefined, status: 401, code: 'SERVICE_AUTH_MISSING' },
  { name: 'unknown scheme', header: () => `Digest username="${KEYS.ok.key}"`, status: 401, code: 'SERVICE_AUTH_INVALID' },
];

async function call(r: Route, authorization: string | undefined): Promise<Response> {
  const body = r.body?.();
  return fetch(svc.url + r.path(), {
    method: r.method,
    headers: {
      ...(authorization !== undefined ? { authorization } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    signal: AbortSignal.timeout(10_000),
  });
}

beforeAll(async () => {
  peer = await startSippUas({ scenario: SCENARIO, host: PEER });
  svc = await startTestService(HOST, { modules: { sip_options: { timeout: '1s' } } });
  svc.ctx.revoked.revoke(revokedJti, Math.floor(Date.now() / 1000) + 3600);
});

afterAll(async () => {
  await svc?.stop();
  await peer?.stop();
});

describe('authentication matrix', () => {
  for (const route of ROUTES) {
    describe(route.name, () => {
      it.each(CASES)('$name', async (c) => {
        const res = await call(route, c.header());
        const text = await res.text();
        if (c.status === 0) {
          expect(res.status, text).toBe(route.ok);
          return;
        }
        expect(res.status, text).toBe(c.status);
        expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        const p = JSON.parse(text);
        expect(p).toMatchObject({ status: c.status, code: c.code });
        expect(typeof p.type).toBe('string');
        expect(typeof p.title).toBe('string');
        if (c.status === 401) expect(res.headers.get('www-authenticate')).toContain('Bearer');
      });
    });
  }

  it('leaves /healthz open', async () => {
    const res = await fetch(`${svc.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('never writes a secret or a token to the log', async () => {
    const t = token();
    await call(ROUTES[0]!, `Bearer ${t}`);
    await call(ROUTES[0]!, basic(KEYS.ok.key, KEYS.ok.secret));
    const log = svc.logs.join('');
    expect(log.length).toBeGreaterThan(0);
    for (const s of [KEYS.ok.secret, KEYS.other.secret, KEYS.disabled.secret, t, t.split('.')[2]!]) expect(log).not.toContain(s);
  });
});
