import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem } from '../plugins/problem';
import { absoluteUrl } from '../routes/hal';
import { HttpProblem } from '../errors';
import type { Gateway } from './gateway';
import { rewriteLinks } from './rewrite-links';
import { BadGateway, type Upstream } from './upstream';
import { UpstreamRateLimited, type QueuedResponse } from './upstream-queue';

/** RouteDeps satisfies this when the server runs in gateway mode. */
export type ProxyOptions = { gateway: Gateway };

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

function isJson(contentType: string | undefined): boolean {
  return contentType !== undefined && /^application\/([\w.+-]+\+)?json\b/i.test(contentType);
}

/** Sends the upstream answer back as it came, except what only makes sense upstream. */
function relay(
  request: FastifyRequest,
  reply: FastifyReply,
  upstream: Upstream,
  answer: QueuedResponse,
  busyThreshold: number,
) {
  const { status, contentType, retryAfter, body } = answer;
  // The console shows "Waiting for amoCRM…" when it sees this.
  if (answer.waiting > busyThreshold) reply.header('x-upstream-queue', String(answer.waiting));
  if (contentType && /^text\/html\b/i.test(contentType)) {
    // amoCRM's ban page and nginx errors are HTML; the console only understands problem+json.
    throw new BadGateway(`amoCRM answered ${status} with an HTML page instead of the API`);
  }
  if (status >= 300 && status < 400) {
    throw new BadGateway(`amoCRM answered ${status} (a redirect); check AMOCRM_BASE_URL`);
  }
  if (retryAfter) reply.header('retry-after', retryAfter);
  if (answer.requestId) reply.header('x-upstream-request-id', answer.requestId);
  if (status === 429 && !isJson(contentType)) {
    // amoCRM's 429 body is not always JSON; clients key on the status, the console on problem+json.
    const seconds = Number(retryAfter);
    return sendProblem(
      reply,
      429,
      'You have sent too many requests in a given amount of time. Please try again later.',
      Number.isFinite(seconds) ? { retry_after: seconds } : {},
    );
  }
  reply.code(status);
  if (status === 204 || status === 304 || request.method === 'HEAD') return reply.send();
  if (contentType) reply.header('content-type', contentType);
  const payload = isJson(contentType)
    ? rewriteLinks(body, upstream.baseUrl, absoluteUrl(request, ''))
    : body;
  return reply.send(payload);
}

/**
 * Gateway to a live amoCRM account: every authenticated /api/v4 request goes upstream with the
 * account's token held here; the caller's own credentials (Authorization, Cookie) stay with us.
 * Registered inside the authenticated /api/v4 scope instead of the local routes.
 */
export async function proxyRoutes(app: FastifyInstance, deps: ProxyOptions) {
  const { upstream, queue } = deps.gateway;

  // Bodies go upstream byte for byte, whatever their type: no parsing, no re-serializing here.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => {
    done(null, body);
  });

  app.all('/*', async (request, reply) => {
    try {
      const answer = await queue.send({
        method: request.method,
        url: request.url,
        contentType: header(request, 'content-type'),
        accept: header(request, 'accept'),
        body: Buffer.isBuffer(request.body) ? request.body : undefined,
      });
      return relay(request, reply, upstream, answer, queue.busyThreshold);
    } catch (error) {
      if (error instanceof UpstreamRateLimited) {
        reply.header('retry-after', String(error.extra.retry_after));
      }
      // The error handler keeps domain errors quiet; a failing upstream is worth a line.
      // Only the status and our own detail: no headers, so no token, reaches the log.
      if (error instanceof HttpProblem && error.status >= 500) {
        request.log.warn({ status: error.status, detail: error.message }, 'amoCRM gateway failure');
      }
      throw error;
    }
  });
}
