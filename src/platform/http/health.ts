import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/connect.js';

/** Liveness (the process answers) and readiness (the database answers). */
export function registerHealth(app: FastifyInstance, database: Database): void {
  const Health = z.object({
    status: z.enum(['ok', 'unavailable']),
    database: z.string().optional(),
  });
  app.get('/healthz', { schema: { tags: ['health'], response: { 200: Health } } }, async () => ({
    status: 'ok' as const,
  }));
  app.get(
    '/readyz',
    { schema: { tags: ['health'], response: { 200: Health, 503: Health } } },
    async (_request, reply) => {
      try {
        await sql`SELECT 1`.execute(database.db);
        return { status: 'ok' as const, database: database.kind };
      } catch {
        return reply.status(503).send({ status: 'unavailable' as const, database: database.kind });
      }
    },
  );
}
