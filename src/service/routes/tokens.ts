/**
 * POST /v1/tokens: key and secret in a JSON body, an RS256 application JWT back, with when it
 * expires. DELETE /v1/tokens/:jti revokes a token id. It needs authentication, and any
 * authenticated key may revoke any jti: the service keeps no record of issued tokens, and a
 * revocation can only ever remove access, never grant it.
 */
import type { FastifyInstance } from 'fastify';
import { isSiptrunkError } from '../../util/siptrunk-error.js';
import { rateLimited, sendAuthFailure, TOKEN_ROUTE } from '../auth-hook.js';
import type { ServiceContext } from '../context.js';
import { parseDurationSeconds } from '../duration.js';
import { JWT_TTL_MAX_SECONDS, mintApplicationJwt } from '../jwt.js';
import { problem, sendProblem } from '../problem.js';

export function tokenRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.post<{ Body: { key: string; secret: string; ttl?: string | number } }>(
    TOKEN_ROUTE,
    { schema: { body: { $ref: 'https://siptrunk.dev/schemas/api/token-request.json#' } } },
    async (req, reply) => {
      if (rateLimited(ctx, req, reply)) return reply;
      const check = ctx.keys.checkKeySecret(req.body.key, req.body.secret);
      if (check.outcome === 'invalid') {
        return sendAuthFailure(ctx, req, reply, { ok: false, status: 401, code: 'SERVICE_AUTH_INVALID', detail: 'the key or secret is not valid' });
      }
      if (check.outcome === 'disabled') {
        return sendAuthFailure(ctx, req, reply, { ok: false, status: 403, code: 'SERVICE_AUTH_DISABLED', detail: `the API key ${check.key} is disabled` });
      }
      try {
        const ttl = req.body.ttl === undefined ? ctx.config.auth.jwt.defaultTtlSeconds : parseDurationSeconds(req.body.ttl, '/ttl');
        const minted = mintApplicationJwt({ applicationId: check.key, privateKey: ctx.signing.privateKey, ttlSeconds: ttl, now: ctx.now() });
        req.log.info({ key: check.key, jti: minted.claims.jti, exp: minted.claims.exp }, 'token issued');
        return reply.code(201).send({
          token: minted.token,
          tokenType: 'Bearer',
          jti: minted.claims.jti,
          applicationId: check.key,
          issuedAt: new Date(minted.claims.iat * 1000).toISOString(),
          expiresAt: minted.expiresAt,
          expiresIn: minted.expiresIn,
        });
      } catch (err) {
        if (isSiptrunkError(err)) {
          return sendProblem(reply, problem(400, 'invalid-ttl', { code: err.code, detail: err.message + (err.expected ? ` (expected ${err.expected})` : '') }));
        }
        throw err;
      }
    },
  );

  app.delete<{ Params: { jti: string } }>(
    `${TOKEN_ROUTE}/:jti`,
    { schema: { params: { type: 'object', required: ['jti'], properties: { jti: { type: 'string', minLength: 1, maxLength: 128 } } } } },
    async (req) => {
      // Kept for the longest a token can live (plus the skew), after which it would fail on exp anyway.
      const until = Math.floor(ctx.now() / 1000) + JWT_TTL_MAX_SECONDS + ctx.config.auth.jwt.clockSkewSeconds;
      ctx.revoked.revoke(req.params.jti, until);
      req.log.info({ jti: req.params.jti, by: req.principal?.key }, 'token revoked');
      return { jti: req.params.jti, revoked: true, until: new Date(until * 1000).toISOString() };
    },
  );
}
