import { eq } from 'drizzle-orm';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { meSchema } from '../../src/contracts/auth';
import { problemSchema } from '../../src/contracts/problem';
import { buildApp } from '../app';
import { loadConfig } from '../config';
import { amocrmOauthTokens } from '../db/schema';
import { ADMIN, createTestApp, type TestApp } from '../test/test-app';
import { startFakeUpstream, type FakeUpstream, type Received } from './fake-upstream';

/**
 * An amoCRM integration (OAuth 2.0) behind the gateway, against a stub that issues rotating
 * tokens: each refresh token works once, as amoCRM's do after the new one is used.
 */

let upstream: FakeUpstream;
let t: TestApp;
const exchanges: Array<Record<string, string>> = [];
let issued = 0;
let lifetime = 86_400;
let refuse = false;
const validRefresh = new Set<string>();
const validAccess = new Set<string>();

function env(code = 'code-1') {
  return {
    AMOCRM_BASE_URL: upstream.url,
    AMOCRM_CLIENT_ID: 'client-id',
    AMOCRM_CLIENT_SECRET: 'client-secret-do-not-leak',
    AMOCRM_REDIRECT_URI: 'https://console.example/oauth',
    AMOCRM_AUTH_CODE: code,
  };
}

function handle(request: Received, response: import('node:http').ServerResponse) {
  if (request.url === '/oauth2/access_token') {
    const body = JSON.parse(request.body) as Record<string, string>;
    exchanges.push(body);
    const known =
      body.grant_type === 'authorization_code'
        ? body.code?.startsWith('code-')
        : validRefresh.delete(body.refresh_token ?? '');
    if (refuse || !known || body.client_secret !== 'client-secret-do-not-leak') {
      response.writeHead(400, { 'content-type': 'application/problem+json' });
      response.end(
        JSON.stringify({ status: 400, detail: 'Bad request', hint: 'Token has been revoked' }),
      );
      return;
    }
    issued++;
    validRefresh.add(`refresh-${issued}`);
    validAccess.add(`access-${issued}`);
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({
        token_type: 'Bearer',
        expires_in: lifetime,
        access_token: `access-${issued}`,
        refresh_token: `refresh-${issued}`,
      }),
    );
    return;
  }
  const token = (request.headers.authorization ?? '').replace('Bearer ', '');
  if (!validAccess.has(token)) {
    response.writeHead(401, { 'content-type': 'application/problem+json' });
    response.end('{"status":401,"title":"Unauthorized","detail":"Invalid token"}');
    return;
  }
  response.writeHead(200, { 'content-type': 'application/hal+json' });
  response.end('{"_links":{},"_embedded":{"customers":[{"id":1}]}}');
}

beforeAll(async () => {
  upstream = await startFakeUpstream();
  upstream.answer(handle);
  t = await createTestApp(env(), { gateway: { queue: { intervalMs: 1 } } });
});

afterAll(async () => {
  await t?.close();
  await upstream?.close();
});

beforeEach(() => {
  exchanges.length = 0;
  lifetime = 86_400;
  refuse = false;
});

const stored = async () =>
  (
    await t.database.db
      .select()
      .from(amocrmOauthTokens)
      .where(eq(amocrmOauthTokens.baseUrl, upstream.url))
  )[0];

/** The same database, a new server process: nothing remembered but what is in the database. */
async function restart(code = 'code-1') {
  const logs: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString('utf8'));
      done();
    },
  });
  const app = await buildApp({
    db: t.database.db,
    config: loadConfig({ RATE_LIMIT_PER_SECOND: '0', STATIC_DIR: '/nonexistent', ...env(code) }),
    logger: { level: 'trace', stream } as never,
    gateway: { queue: { intervalMs: 1 } },
  });
  return { app, logs };
}

async function customers(app = t.app) {
  const cookie = await t.cookieFor(ADMIN);
  return app.inject({ method: 'GET', url: '/api/v4/customers', headers: { cookie } });
}

describe('gateway mode with an amoCRM integration (OAuth 2.0)', () => {
  it('exchanges the authorization code once and stores the tokens, not in the answer', async () => {
    const response = await customers();
    expect(response.statusCode).toBe(200);
    expect(exchanges).toEqual([
      {
        client_id: 'client-id',
        client_secret: 'client-secret-do-not-leak',
        redirect_uri: 'https://console.example/oauth',
        grant_type: 'authorization_code',
        code: 'code-1',
      },
    ]);
    expect(await stored()).toMatchObject({ accessToken: 'access-1', refreshToken: 'refresh-1' });
    expect((await customers()).statusCode).toBe(200);
    expect(exchanges).toHaveLength(1);
    const me = await t.as(ADMIN, { method: 'GET', url: '/api/auth/me' });
    for (const body of [response.body, me.body]) {
      expect(body).not.toMatch(/access-1|refresh-1|client-secret/);
    }
  });

  it('after a restart uses the stored token, and refreshes with the stored (rotated) one', async () => {
    const first = await restart();
    expect((await customers(first.app)).statusCode).toBe(200);
    // The code in the environment is spent; the database's token carries on.
    expect(exchanges).toEqual([]);
    await first.app.close();

    // The token nears its end: the next request refreshes first, with the stored refresh token.
    await t.database.db
      .update(amocrmOauthTokens)
      .set({ expiresAt: Math.floor(Date.now() / 1000) + 60 })
      .where(eq(amocrmOauthTokens.baseUrl, upstream.url));
    const second = await restart();
    expect((await customers(second.app)).statusCode).toBe(200);
    expect(exchanges).toMatchObject([{ grant_type: 'refresh_token', refresh_token: 'refresh-1' }]);
    expect(await stored()).toMatchObject({ accessToken: 'access-2', refreshToken: 'refresh-2' });
    const log = second.logs.join('');
    expect(log).not.toMatch(/access-2|refresh-[12]|client-secret/);
    await second.app.close();
  });

  it('refreshes and asks again when amoCRM revokes the access token early (401)', async () => {
    const third = await restart();
    validAccess.clear();
    const response = await customers(third.app);
    expect(response.statusCode).toBe(200);
    expect(exchanges).toMatchObject([{ grant_type: 'refresh_token', refresh_token: 'refresh-2' }]);
    expect(await stored()).toMatchObject({ refreshToken: 'refresh-3' });
    await third.app.close();
  });

  it('starts over from a new authorization code put in the environment', async () => {
    const fresh = await restart('code-2');
    expect((await customers(fresh.app)).statusCode).toBe(200);
    expect(exchanges).toMatchObject([{ grant_type: 'authorization_code', code: 'code-2' }]);
    await fresh.app.close();
  });

  it('tells administrators what to do when amoCRM refuses the refresh', async () => {
    await t.database.db
      .update(amocrmOauthTokens)
      .set({ expiresAt: 0 })
      .where(eq(amocrmOauthTokens.baseUrl, upstream.url));
    refuse = true;
    const broken = await restart('code-2');
    const response = await customers(broken.app);
    expect(response.statusCode).toBe(502);
    const problem = problemSchema.parse(response.json());
    expect(problem.detail).toMatch(/Token has been revoked/);
    expect(problem.detail).toMatch(/AMOCRM_AUTH_CODE/);
    const cookie = await t.cookieFor(ADMIN);
    const me = meSchema.parse(
      (await broken.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).json(),
    );
    expect(me.live_account?.credentials_problem).toMatch(/reconnect/);
    expect(JSON.stringify(me)).not.toMatch(/refresh-\d|client-secret/);
    await broken.app.close();
  });
});
