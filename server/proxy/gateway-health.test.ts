import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meSchema, tokenCreatedSchema } from '../../src/contracts/auth';
import { problemSchema } from '../../src/contracts/problem';
import { ADMIN, createTestApp, SALES, type TestApp } from '../test/test-app';
import { startLiveAccount, type LiveAccount } from './live-account';
import { CHECK_TIMEOUT_MS, HEALTH_TTL_MS } from './upstream-health';

let live: LiveAccount;
let t: TestApp;

beforeAll(async () => {
  live = await startLiveAccount();
  t = await createTestApp(
    { AMOCRM_BASE_URL: live.url, AMOCRM_ACCESS_TOKEN: live.token },
    { gateway: { queue: { intervalMs: 1 }, healthTtlMs: 0 } },
  );
});

afterAll(async () => {
  await t?.close();
  await live?.close();
});

describe('gateway mode: the console knows it is on a live account', () => {
  it('health names the amocrm backend and says the account answers, with its name', async () => {
    const response = await t.app.inject('/api/health');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'ok',
      backend: 'amocrm',
      upstream: { status: 'up', account: { name: expect.any(String) } },
    });
    expect(response.body).not.toContain(live.token);
  });

  it('/api/auth/me says which account and acts with the account user’s id and rights', async () => {
    const response = await t.as(SALES, { method: 'GET', url: '/api/auth/me' });
    const me = meSchema.parse(response.json());
    expect(me.live_account).toMatchObject({ url: live.url, rights_source: 'account' });
    expect(me.live_account!.name.length).toBeGreaterThan(0);
    expect(me.rights.is_admin).toBe(false);
    expect(me.rights.customers).toEqual({
      view: 'A',
      edit: 'M',
      add: 'A',
      delete: 'D',
      export: 'A',
    });
    expect(response.body).not.toContain(live.token);
  });

  it('lets only the account’s administrators create API tokens', async () => {
    const refused = await t.as(SALES, {
      method: 'POST',
      url: '/api/auth/tokens',
      payload: { name: 'mine' },
    });
    expect(refused.statusCode).toBe(403);
    expect(problemSchema.parse(refused.json()).detail).toContain('administrators');
    const allowed = await t.as(ADMIN, {
      method: 'POST',
      url: '/api/auth/tokens',
      payload: { name: 'admin script' },
    });
    expect(allowed.statusCode).toBe(200);
    tokenCreatedSchema.parse(allowed.json());
  });

  it('bounds how long health may keep saying "up" after the account goes away to 15 s', () => {
    expect(HEALTH_TTL_MS + CHECK_TIMEOUT_MS).toBeLessThanOrEqual(15_000);
  });

  // Last: it stops the account.
  it('answers 502 and health says "down" once the account is gone', async () => {
    await live.app.close();
    const request = await t.as(ADMIN, { method: 'GET', url: '/api/v4/customers' });
    expect(request.statusCode).toBe(502);
    expect(request.headers['content-type']).toBe('application/problem+json');
    const health = await t.app.inject('/api/health');
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({
      status: 'degraded',
      backend: 'amocrm',
      upstream: { status: 'down', detail: expect.stringMatching(/unreachable/) },
    });
  });
});
