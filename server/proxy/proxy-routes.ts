import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../routes/deps';

/** TODO: gateway to a live amoCRM account (AMOCRM_BASE_URL + AMOCRM_ACCESS_TOKEN). */
export async function proxyRoutes(_app: FastifyInstance, _deps: RouteDeps) {}
