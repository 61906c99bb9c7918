import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenCreatedSchema } from '../../src/contracts/auth';
import { createTestApp, ORIGIN, SALES, ADMIN, type TestApp } from '../test/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const TOKEN_POST = {
  method: 'POST' as const,
  url: '/api/auth/tokens',
  payload: { name: 'CSRF check' },
};

describe('CSRF rule for cookie requests', () => {
  it('refuses a cookie POST with neither Origin nor Sec-Fetch-Site', async () => {
    const cookie = await t.cookieFor(SALES);
    const response = await t.app.inject({ ...TOKEN_POST, headers: { cookie } });
    expect(response.statusCode).toBe(403);
    expect(response.headers['content-type']).toBe('application/problem+json');
  });

  it('refuses a cookie POST, PATCH and DELETE from a foreign Origin', async () => {
    const cookie = await t.cookieFor(ADMIN);
    const headers = { cookie, origin: 'https://evil.example' };
    const post = await t.app.inject({ ...TOKEN_POST, headers });
    const patch = await t.app.inject({
      method: 'PATCH',
      url: '/api/v4/customers/segments/1',
      headers,
      payload: { name: 'Hijacked' },
    });
    const del = await t.app.inject({
      method: 'DELETE',
      url: '/api/v4/customers/segments/1',
      headers,
    });
    expect([post.statusCode, patch.statusCode, del.statusCode]).toEqual([403, 403, 403]);
    const segment = await t.as(ADMIN, { method: 'GET', url: '/api/v4/customers/segments/1' });
    expect(segment.json().name).not.toBe('Hijacked');
  });

  it('refuses a lookalike origin (other port or scheme)', async () => {
    const cookie = await t.cookieFor(SALES);
    for (const origin of [
      'http://localhost:8080',
      'https://localhost:80',
      'http://localhost:80.evil.example',
    ]) {
      const response = await t.app.inject({ ...TOKEN_POST, headers: { cookie, origin } });
      expect(response.statusCode).toBe(403);
    }
  });

  it('allows a cookie POST from the same Origin', async () => {
    const cookie = await t.cookieFor(SALES);
    const response = await t.app.inject({ ...TOKEN_POST, headers: { cookie, origin: ORIGIN } });
    expect(response.statusCode).toBe(200);
  });

  it('allows a cookie POST marked Sec-Fetch-Site: same-origin', async () => {
    const cookie = await t.cookieFor(SALES);
    const response = await t.app.inject({
      ...TOKEN_POST,
      headers: { cookie, 'sec-fetch-site': 'same-origin' },
    });
    expect(response.statusCode).toBe(200);
  });

  it('refuses Sec-Fetch-Site: cross-site even without Origin', async () => {
    const cookie = await t.cookieFor(SALES);
    const response = await t.app.inject({
      ...TOKEN_POST,
      headers: { cookie, 'sec-fetch-site': 'cross-site' },
    });
    expect(response.statusCode).toBe(403);
  });

  it('lets cookie GETs through without an Origin (reads change nothing)', async () => {
    const cookie = await t.cookieFor(SALES);
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v4/account',
      headers: { cookie },
    });
    expect(response.statusCode).toBe(200);
  });

  it('does not apply to Bearer requests, which a browser never sends by itself', async () => {
    const created = await t.as(SALES, TOKEN_POST);
    const { access_token } = tokenCreatedSchema.parse(created.json());
    const response = await t.app.inject({
      ...TOKEN_POST,
      headers: { authorization: `Bearer ${access_token}`, origin: 'https://evil.example' },
    });
    expect(response.statusCode).toBe(200);
  });
});

describe('credentials', () => {
  it('answers 401 for a malformed Authorization header or an unknown token', async () => {
    for (const authorization of ['Basic abc', 'Bearer', 'Bearer not-a-token']) {
      const response = await t.app.inject({
        method: 'GET',
        url: '/api/v4/account',
        headers: { authorization },
      });
      expect(response.statusCode).toBe(401);
    }
  });

  it('answers 401 for a forged session cookie', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: 'cc_session=forged' },
    });
    expect(response.statusCode).toBe(401);
  });

  it('never answers a password hash', async () => {
    const responses = await Promise.all([
      t.as(ADMIN, { method: 'GET', url: '/api/auth/me' }),
      t.as(ADMIN, { method: 'GET', url: '/api/v4/users' }),
    ]);
    for (const response of responses) expect(response.body).not.toMatch(/scrypt|password/i);
  });
});
