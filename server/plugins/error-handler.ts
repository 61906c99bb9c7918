import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { HttpProblem, NoContent, TooManyRequests } from '../errors';
import { sendProblem } from './problem';

/** Fastify's own client errors, by code, with messages a client can act on. */
const frameworkErrors: Record<string, { status: number; detail: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    detail: 'Unsupported Content-Type: send application/json',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, detail: 'Request body is too large' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, detail: 'Invalid Content-Length' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, detail: 'Request data can not be empty' },
  FST_ERR_BAD_URL: { status: 400, detail: 'Malformed URL' },
  FST_ERR_ASYNC_CONSTRAINT: { status: 400, detail: 'Bad request' },
};

/**
 * Every error under /api is problem+json. Domain errors carry their status; framework
 * client errors are mapped; anything unexpected is logged and hidden behind a 500.
 */
export const errorHandlerPlugin = fp(async (app: FastifyInstance, opts: { spa: boolean }) => {
  const routePatterns: Array<{ method: string; pattern: RegExp }> = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const source = route.url
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/:[A-Za-z_]+/g, '[^/]+');
    for (const method of methods)
      routePatterns.push({ method, pattern: new RegExp(`^${source}/?$`) });
  });

  app.setErrorHandler((error: FastifyError | HttpProblem | NoContent, request, reply) => {
    if (error instanceof NoContent) return reply.code(204).send();
    if (error instanceof TooManyRequests) {
      reply.header('retry-after', String(error.retryAfterSeconds));
    }
    if (error instanceof HttpProblem) {
      return sendProblem(reply, error.status, error.message, error.extra, error.title);
    }
    const mapped = error.code ? frameworkErrors[error.code] : undefined;
    if (mapped) return sendProblem(reply, mapped.status, mapped.detail);
    if (error.statusCode === 429) {
      // @fastify/rate-limit's errorResponseBuilder (app.ts) carries the wait in seconds.
      const { retryAfter } = error as { retryAfter?: unknown };
      return sendProblem(
        reply,
        429,
        error.message,
        typeof retryAfter === 'number' ? { retry_after: retryAfter } : {},
      );
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(reply, error.statusCode, error.message);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, 500, 'Internal server error', { trace_id: request.id });
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    // The console's routes live in the browser: any other GET page gets the SPA shell. A missing
    // hashed asset (a tab still running the previous build) gets a 404, not HTML under a .js name.
    const isPage = !path.startsWith('/api/') && !path.startsWith('/assets/');
    if (opts.spa && request.method === 'GET' && isPage) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    const allowed = routePatterns
      .filter((r) => r.method !== 'HEAD' && r.pattern.test(path))
      .map((r) => r.method);
    if (allowed.length > 0) {
      reply.header('allow', [...new Set(allowed)].join(', '));
      return sendProblem(reply, 405, `Method ${request.method} is not allowed for ${path}`);
    }
    return sendProblem(reply, 404, `Cannot ${request.method} ${path}`);
  });
});
