import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import type { RouteDeps } from './deps';

/**
 * Liveness for harnesses and load balancers: answers once the database does, naming the
 * backend. In gateway mode it also says whether the live account answers (a short cache);
 * the server itself is still up when the account is not, so the status stays 200.
 */
export async function healthRoutes(app: FastifyInstance, { db, config, gateway }: RouteDeps) {
  app.get('/api/health', async () => {
    await db.execute(sql`select 1`);
    if (!gateway) {
      return { status: 'ok', backend: config.databaseUrl ? 'postgres' : 'embedded' };
    }
    const upstream = await gateway.health.status();
    return {
      status: upstream.status === 'up' ? 'ok' : 'degraded',
      backend: 'amocrm',
      upstream,
    };
  });
}
