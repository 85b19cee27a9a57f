/**
 * The authentication gate, run on every matched route before its handler. Public routes
 * (config auth.publicRoutes, `/healthz` by default) and `POST /v1/tokens` (which authenticates
 * with its body) pass; every other route needs Basic, App or Bearer credentials.
 *
 * Failed authentications are rate-limited per client address with a token bucket: each
 * failure takes a token, and a client with none left gets 429 with Retry-After before its
 * credentials are even looked at (so guessing costs time, and the check costs us nothing).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authenticate, WWW_AUTHENTICATE, type AuthOutcome } from './authenticator.js';
import type { ServiceContext } from './context.js';
import { problem, sendProblem } from './problem.js';

export const TOKEN_ROUTE = '/v1/tokens';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Extract<AuthOutcome, { ok: true }>;
  }
}

export function isPublic(ctx: ServiceContext, method: string, route: string): boolean {
  if (method === 'POST' && route === TOKEN_ROUTE) return true;
  return ctx.config.auth.publicRoutes.includes(route);
}

/** Sends 429 when the client has used up its failed-authentication budget. */
export function rateLimited(ctx: ServiceContext, req: FastifyRequest, reply: FastifyReply): boolean {
  if (ctx.failedAuth.allowed(req.ip, ctx.now())) return false;
  const retry = ctx.failedAuth.retryAfterSeconds(req.ip, ctx.now());
  reply.header('Retry-After', String(retry));
  sendProblem(reply, problem(429, 'auth-rate-limited', {
    code: 'SERVICE_AUTH_RATE_LIMITED',
    detail: `too many failed authentications from this address; retry in ${retry} s`,
  }));
  return true;
}

export function sendAuthFailure(ctx: ServiceContext, req: FastifyRequest, reply: FastifyReply, out: Extract<AuthOutcome, { ok: false }>): FastifyReply {
  ctx.failedAuth.take(req.ip, ctx.now());
  req.log.warn({ ip: req.ip, code: out.code, scheme: out.scheme, route: req.routeOptions.url }, 'authentication failed');
  if (out.status === 401) reply.header('WWW-Authenticate', WWW_AUTHENTICATE);
  return sendProblem(reply, problem(out.status, out.status === 401 ? 'unauthorized' : 'forbidden', { code: out.code, detail: out.detail }));
}

export function authHook(ctx: ServiceContext) {
  return async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const route = req.routeOptions.url;
    if (route === undefined) return; // unmatched: the not-found handler answers 404
    if (isPublic(ctx, req.method, route)) return;
    if (rateLimited(ctx, req, reply)) return;
    const out = authenticate(req.headers.authorization, {
      keys: ctx.keys,
      publicKey: ctx.signing.publicKey,
      revoked: ctx.revoked,
      skewSeconds: ctx.config.auth.jwt.clockSkewSeconds,
      now: ctx.now,
    });
    if (!out.ok) {
      await sendAuthFailure(ctx, req, reply, out);
      return;
    }
    req.principal = out;
  };
}
