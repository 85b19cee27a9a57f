/** GET /v1/targets (state and recent history per scheduled target) and POST /v1/probe (probe now). */
import type { FastifyInstance } from 'fastify';
import type { ProbeMethod, ProbeTransport } from '../../probe/types.js';
import type { ServiceContext } from '../context.js';
import { problem, sendProblem } from '../problem.js';

export function targetRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get('/v1/targets', async () => ({
    targets: (ctx.scheduler?.states() ?? []).map((s) => ({ ...s.snapshot(), skipped: ctx.scheduler?.skipped(s.name) ?? 0 })),
  }));

  app.post<{ Body: { target: string; module?: string; method?: ProbeMethod; transport?: ProbeTransport } }>(
    '/v1/probe',
    { schema: { body: { $ref: 'https://siptrunk.dev/schemas/api/probe-request.json#' } } },
    async (req, reply) => {
      const moduleName = req.body.module ?? Object.keys(ctx.config.modules)[0] ?? '';
      if (!ctx.config.modules[moduleName]) {
        return sendProblem(reply, problem(400, 'unknown-module', {
          code: 'SERVICE_NOT_FOUND',
          detail: `no module named "${moduleName}"; configured: ${Object.keys(ctx.config.modules).join(', ')}`,
        }));
      }
      const abort = new AbortController();
      req.raw.once('close', () => {
        if (!reply.sent) abort.abort(new Error('client went away'));
      });
      const overrides = {
        ...(req.body.method ? { method: req.body.method } : {}),
        ...(req.body.transport ? { transport: req.body.transport } : {}),
      };
      return ctx.probe(req.body.target, moduleName, overrides, abort.signal);
    },
  );
}
