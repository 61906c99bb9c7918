import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { HAL_JSON, PROBLEM_JSON } from './problem';

const exactTypes = new Set([HAL_JSON, PROBLEM_JSON]);

/**
 * amoCRM's content types carry no charset and published clients compare them exactly;
 * Fastify appends `; charset=utf-8` while serializing, so strip it after serialization.
 * Also parses JSON bodies leniently about emptiness: published clients send
 * `Content-Type: application/json` on bodiless DELETEs.
 */
export const contentTypePlugin = fp(async (app: FastifyInstance) => {
  app.addHook('onSend', async (_request, reply, payload) => {
    const type = reply.getHeader('content-type');
    if (typeof type === 'string') {
      const bare = type.split(';')[0]!.trim();
      if (exactTypes.has(bare)) reply.header('content-type', bare);
    }
    return payload;
  });

  app.removeContentTypeParser(['application/json']);
  app.addContentTypeParser(
    ['application/json', 'application/hal+json'],
    { parseAs: 'string' },
    (_request, body, done) => {
      const text = typeof body === 'string' ? body : body.toString('utf8');
      if (text.trim() === '') {
        done(null, undefined);
        return;
      }
      try {
        done(null, JSON.parse(text));
      } catch {
        const error = new Error('Malformed JSON in the request body') as Error & {
          statusCode: number;
        };
        error.statusCode = 400;
        done(error, undefined);
      }
    },
  );
});
