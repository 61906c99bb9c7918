import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem } from '../plugins/problem';
import { absoluteUrl } from '../routes/hal';
import { BadRequest, HttpProblem } from '../errors';
import { principalOf } from '../plugins/auth';
import type { Gateway } from './gateway';
import { authorize, type Plan } from './gateway-policy';
import { gatewayPrincipal } from './gateway-principal';
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

/** Where the request goes: dot segments resolved the way the upstream URL will resolve them. */
function targetOf(url: string): { path: string; query: string } {
  const parsed = new URL(url, 'http://gateway.invalid');
  if (!parsed.pathname.startsWith('/api/v4/')) {
    throw new BadRequest('Only /api/v4/ paths are forwarded');
  }
  const mark = url.indexOf('?');
  return {
    path: parsed.pathname.slice('/api/v4'.length),
    query: mark === -1 ? '' : url.slice(mark + 1),
  };
}

/** Applies the policy's filter to a JSON answer; undefined means nothing is left to show. */
async function filtered(answer: QueuedResponse, plan: Plan): Promise<QueuedResponse | undefined> {
  if (!plan.filter || answer.status !== 200 || !isJson(answer.contentType)) return answer;
  let parsed: Parameters<NonNullable<Plan['filter']>>[0];
  try {
    parsed = JSON.parse(answer.body.toString('utf8')) as typeof parsed;
  } catch {
    throw new BadGateway('amoCRM answered with JSON the gateway cannot read');
  }
  const kept = await plan.filter(parsed);
  if (kept === undefined) return undefined;
  return { ...answer, body: Buffer.from(JSON.stringify(kept), 'utf8') };
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
  if (status === 401) {
    // Passed on, the console would take it for its own session ending and sign the user out.
    throw new BadGateway(
      'amoCRM refused the gateway’s token (401): an administrator must renew AMOCRM_ACCESS_TOKEN or reconnect the integration',
    );
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
  const { upstream, queue, users } = deps.gateway;

  // Bodies go upstream byte for byte, whatever their type: no parsing, no re-serializing here.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => {
    done(null, body);
  });

  app.all('/*', async (request, reply) => {
    try {
      const { path, query } = targetOf(request.url);
      const body = Buffer.isBuffer(request.body) ? request.body : undefined;
      // Checked before anything is forwarded, with the rights of the account user of this email.
      const principal = await gatewayPrincipal(principalOf(request), users);
      const plan = await authorize({
        principal,
        users,
        queue,
        method: request.method,
        path,
        query,
        body,
      });
      const search = plan.query ?? query;
      const sent = await queue.send({
        method: request.method,
        url: `/api/v4${path}${search ? `?${search}` : ''}`,
        contentType: header(request, 'content-type'),
        accept: header(request, 'accept'),
        body,
      });
      const answer = await filtered(sent, plan);
      if (!answer) return reply.code(204).send();
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
