import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from './deps';

/** TODO(owner): /api/auth/* (login, me, logout, demo-users, tokens). */
export async function authRoutes(_app: FastifyInstance, _deps: RouteDeps) {}
