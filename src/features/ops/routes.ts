// Liveness and readiness for load balancers and orchestrators. Public, cheap, nothing confidential.
import { sql } from 'kysely';
import { z } from 'zod';
import type { Feature } from '../../platform/http/server.js';

export const opsRoutes: Feature = (app, ctx) => {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['operations'],
        summary: 'Liveness: the process answers',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async (_req, reply) => reply.header('cache-control', 'no-store').send({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['operations'],
        summary: 'Readiness: the database answers',
        response: {
          200: z.object({ status: z.literal('ready') }),
          503: z.object({ status: z.literal('unavailable') }),
        },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      try {
        await sql`select 1`.execute(ctx.db);
        return reply.send({ status: 'ready' as const });
      } catch (err) {
        req.log.warn({ err }, 'readiness check failed');
        return reply.code(503).send({ status: 'unavailable' as const });
      }
    },
  );

  app.get('/api/openapi.json', { schema: { hide: true } }, async (_req, reply) =>
    reply.header('cache-control', 'no-cache').send(app.swagger()),
  );
};
