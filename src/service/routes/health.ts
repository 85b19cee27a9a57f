/** GET /healthz (the process answers) and GET /readyz (keys loaded, scheduler running, not shutting down). */
import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../context.js';
import { problem, sendProblem } from '../problem.js';

export function healthRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_req, reply) => {
    const schedulerOk = ctx.scheduler ? ctx.scheduler.running : true;
    if (!ctx.state.ready || ctx.state.shuttingDown || !schedulerOk) {
      return sendProblem(reply, problem(503, 'not-ready', {
        code: 'SERVICE_UNAVAILABLE',
        detail: ctx.state.shuttingDown ? 'shutting down' : 'not ready yet',
      }));
    }
    return { status: 'ready', targets: ctx.scheduler?.states().length ?? 0 };
  });
}
