/**
 * The fastify application: body schemas from schemas/api, the authentication gate, the routes,
 * and RFC 9457 problem documents for every error (schema failures 400, unknown routes 404,
 * anything unexpected 500 with the detail kept in the log only).
 */
import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import { isSiptrunkError } from '../util/siptrunk-error.js';
import { apiSchemas } from './api-schemas.js';
import { authHook } from './auth-hook.js';
import type { ServiceContext } from './context.js';
import { openApiDocument } from './openapi.js';
import { problem, sendProblem } from './problem.js';
import { healthRoutes } from './routes/health.js';
import { metricsRoutes } from './routes/metrics.js';
import { modelRoutes } from './routes/model.js';
import { targetRoutes } from './routes/targets.js';
import { tokenRoutes } from './routes/tokens.js';

export function buildApp(ctx: ServiceContext): FastifyInstance {
  const app = Fastify({
    loggerInstance: ctx.logger as FastifyBaseLogger,
    bodyLimit: 1024 * 1024,
    // Bodies are validated exactly as written: no silent removal of unknown keys, no coercion.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: true, useDefaults: false, allowUnionTypes: true } },
    forceCloseConnections: true,
    return503OnClosing: true,
  });

  for (const s of apiSchemas()) app.addSchema(s);

  // A model may be posted as raw YAML text.
  app.addContentTypeParser(['application/yaml', 'application/x-yaml', 'text/yaml'], { parseAs: 'string' }, (_req, body, done) => done(null, body));

  app.addHook('onRequest', authHook(ctx));

  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err.validation) {
      return sendProblem(reply, problem(400, 'invalid-body', {
        code: 'SERVICE_BODY_INVALID',
        detail: `${err.validationContext ?? 'body'} ${err.validation.map((v) => `${v.instancePath || '/'} ${v.message ?? ''}`.trim()).join('; ')}`,
      }));
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Fastify's own client errors: malformed JSON, wrong content type, body too large.
      return sendProblem(reply, problem(status, 'client-error', { code: 'SERVICE_BODY_INVALID', detail: err.message }));
    }
    if (isSiptrunkError(err)) {
      return sendProblem(reply, problem(400, 'invalid-input', { code: err.code, detail: err.message + (err.expected ? ` (expected ${err.expected})` : '') }));
    }
    req.log.error({ err }, 'unexpected error');
    return sendProblem(reply, problem(500, 'internal', { code: 'SERVICE_INTERNAL', detail: 'an unexpected error; see the service log' }));
  });

  app.setNotFoundHandler((req, reply) =>
    sendProblem(reply, problem(404, 'not-found', { code: 'SERVICE_NOT_FOUND', detail: `no route ${req.method} ${req.url.split('?')[0]}` })),
  );

  healthRoutes(app, ctx);
  metricsRoutes(app, ctx);
  tokenRoutes(app, ctx);
  targetRoutes(app, ctx);
  modelRoutes(app, ctx);
  const doc = openApiDocument({ publicRoutes: ctx.config.auth.publicRoutes });
  app.get('/openapi.json', async () => doc);
  return app;
}
