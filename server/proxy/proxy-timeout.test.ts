import Fastify, { type FastifyInstance } from 'fastify';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemSchema } from '../../src/contracts/problem';
import { ADMIN_RIGHTS } from '../db/seed-base';
import { contentTypePlugin } from '../plugins/content-type';
import { errorHandlerPlugin } from '../plugins/error-handler';
import { startFakeUpstream, type FakeUpstream } from './fake-upstream';
import { createGateway } from './gateway';
import { proxyRoutes } from './proxy-routes';

const TOKEN = 'live-account-token-do-not-log';

let upstream: FakeUpstream;
let app: FastifyInstance;
const logLines: string[] = [];

/**
 * The gateway alone, with a short upstream timeout and every log line captured
 * (the full app in tests logs nothing, so secrets in logs would go unnoticed there).
 */
beforeAll(async () => {
  upstream = await startFakeUpstream();
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString('utf8'));
      done();
    },
  });
  app = Fastify({ logger: { level: 'trace', stream } });
  await app.register(errorHandlerPlugin, { spa: false });
  await app.register(contentTypePlugin);
  // The gateway alone has no sign-in: every request comes from the account's admin.
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    request.principal = {
      id: 1,
      name: 'Admin',
      email: 'admin@example.com',
      isAdmin: true,
      groupId: null,
      rights: { ...ADMIN_RIGHTS },
      via: 'token',
    };
  });
  await app.register(proxyRoutes, {
    prefix: '/api/v4',
    gateway: createGateway(
      { baseUrl: upstream.url, accessToken: TOKEN },
      // A long-lived token: the gateway never touches the database here.
      undefined as never,
      { upstreamTimeoutMs: 300 },
    ),
  });
});

afterAll(async () => {
  await app.close();
  await upstream.close();
});

describe('proxy mode: a slow or failing amoCRM', () => {
  it('answers 504 when amoCRM does not answer in time', async () => {
    upstream.answer(() => {
      // Never answers: the gateway's timeout has to end the wait.
    });
    const response = await app.inject({ method: 'GET', url: '/api/v4/customers?limit=250' });
    expect(response.statusCode).toBe(504);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(problemSchema.parse(response.json())).toMatchObject({
      status: 504,
      title: 'Gateway Timeout',
    });
  });

  it('writes a failure to the log without the account token', async () => {
    logLines.length = 0;
    upstream.reply(403, 'text/html', '<h1>403 Forbidden</h1>');
    const response = await app.inject({
      method: 'POST',
      url: '/api/v4/customers',
      headers: { 'content-type': 'application/json' },
      payload: '[{"name":"x"}]',
    });
    expect(response.statusCode).toBe(502);
    expect(upstream.last()!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    const log = logLines.join('');
    expect(log).toContain('amoCRM gateway failure');
    expect(log).toContain('/api/v4/customers');
    expect(log).not.toContain(TOKEN);
  });
});
