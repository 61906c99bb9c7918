import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import type { RouteDeps } from './deps';

/** Liveness for harnesses and load balancers: answers once the database does. */
export async function healthRoutes(app: FastifyInstance, { db }: RouteDeps) {
  app.get('/api/health', async () => {
    await db.execute(sql`select 1`);
    return { status: 'ok' };
  });
}
