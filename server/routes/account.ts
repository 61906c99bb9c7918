import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from './deps';

/** TODO(owner): implement. Registered under /api/v4 behind requireUser. */
export async function accountRoutes(_app: FastifyInstance, _deps: RouteDeps) {}
