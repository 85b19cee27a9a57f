/**
 * GET /metrics: the long-lived registry (scheduler results, up/down state, process metrics).
 * GET /probe?target=...&module=...: the blackbox_exporter convention. Runs one probe now and
 * answers with a fresh registry holding only that probe's metrics, so a Prometheus server can
 * drive the probing (its relabelling turns each configured target into `?target=`).
 */
import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../context.js';
import { ProbeMetrics } from '../metrics.js';
import { problem, sendProblem } from '../problem.js';

export function metricsRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get('/metrics', async (_req, reply) => {
    const text = await ctx.metrics.text();
    return reply.type(ctx.metrics.contentType).send(text);
  });

  app.get<{ Querystring: { target: string; module?: string } }>(
    '/probe',
    { schema: { querystring: { $ref: 'https://siptrunk.dev/schemas/api/probe-query.json#' } } },
    async (req, reply) => {
      const moduleName = req.query.module ?? Object.keys(ctx.config.modules)[0] ?? '';
      const module = ctx.config.modules[moduleName];
      if (!module) {
        return sendProblem(reply, problem(400, 'unknown-module', {
          code: 'SERVICE_NOT_FOUND',
          detail: `no module named "${moduleName}"; configured: ${Object.keys(ctx.config.modules).join(', ')}`,
        }));
      }
      const abort = new AbortController();
      req.raw.once('close', () => {
        if (!reply.sent) abort.abort(new Error('client went away'));
      });
      const result = await ctx.probe(req.query.target, moduleName, {}, abort.signal);
      const m = new ProbeMetrics();
      m.record(result);
      return reply.type(m.contentType).send(await m.text());
    },
  );
}
