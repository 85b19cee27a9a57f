/**
 * POST /v1/validate, POST /v1/render, POST /v1/uris/check, POST /v1/numbers/check: the model
 * layer over HTTP. The model comes as JSON `{ yaml }` or `{ model }`, or as a raw YAML body
 * (Content-Type application/yaml). Rendered secrets are always placeholders.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ServiceContext } from '../context.js';
import { problem, sendProblem } from '../problem.js';

type ModelBody = { yaml?: string; model?: object; targets?: string[] };

function modelInput(body: unknown): ModelBody {
  return typeof body === 'string' ? { yaml: body } : (body as ModelBody);
}

const MODEL_BODY = {
  oneOf: [{ $ref: 'https://siptrunk.dev/schemas/api/model-request.json#' }, { type: 'string', maxLength: 1000000 }],
};

export function modelRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const unavailable = (reply: FastifyReply) =>
    sendProblem(reply, problem(503, 'unavailable', { code: 'SERVICE_UNAVAILABLE', detail: 'the model layer is not available in this build' }));

  app.post('/v1/validate', { schema: { body: MODEL_BODY } }, async (req, reply) => {
    if (!ctx.modelApi) return unavailable(reply);
    return ctx.modelApi.validate(modelInput(req.body));
  });

  app.post('/v1/render', { schema: { body: MODEL_BODY } }, async (req, reply) => {
    if (!ctx.modelApi) return unavailable(reply);
    const out = await ctx.modelApi.render(modelInput(req.body));
    if (!out.ok) {
      return sendProblem(reply, problem(422, 'invalid-model', {
        code: out.findings.find((f) => f.severity === 'error')?.code ?? 'SERVICE_BODY_INVALID',
        detail: 'the model has errors; nothing was rendered',
        errors: out.findings,
      }));
    }
    return { files: out.files, findings: out.findings };
  });

  app.post<{ Body: { uris?: string[]; forward?: string | string[] } }>(
    '/v1/uris/check',
    { schema: { body: { $ref: 'https://siptrunk.dev/schemas/api/uris-check-request.json#' } } },
    async (req, reply) => {
      if (!ctx.modelApi) return unavailable(reply);
      return ctx.modelApi.checkUris(req.body);
    },
  );

  app.post<{ Body: { numbers: string[] } }>(
    '/v1/numbers/check',
    { schema: { body: { $ref: 'https://siptrunk.dev/schemas/api/numbers-check-request.json#' } } },
    async (req, reply) => {
      if (!ctx.modelApi) return unavailable(reply);
      return ctx.modelApi.checkNumbers(req.body.numbers);
    },
  );
}
