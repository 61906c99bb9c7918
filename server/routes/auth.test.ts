import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsersSchema, meSchema } from '../../src/contracts/auth';
import { problemSchema } from '../../src/contracts/problem';
import { SESSION_COOKIE } from '../plugins/auth';
import { ADMIN, createTestApp, ORIGIN, SALES, type TestApp } from '../test/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const login = (email: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });

describe('POST /api/auth/login', () => {
  it('signs in with the right password and answers the user', async () => {
    const response = await login(ADMIN, 'demo');
    expect(response.statusCode).toBe(200);
    const me = meSchema.parse(response.json());
    expect(me.email).toBe(ADMIN);
    expect(me.rights.is_admin).toBe(true);
    expect(me._links.self.href).toMatch(new RegExp(`/api/v4/users/${me.id}$`));
  });

  it('sets an HttpOnly, SameSite=Lax session cookie for the whole site', async () => {
    const response = await login(SALES, 'demo');
    const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toBeDefined();
    expect(cookie!.httpOnly).toBe(true);
    expect(cookie!.sameSite).toBe('Lax');
    expect(cookie!.path).toBe('/');
    expect(cookie!.maxAge).toBe(30 * 24 * 60 * 60);
    // Plain http in tests: a Secure cookie would never come back.
    expect(cookie!.secure).toBeUndefined();
  });

  it('accepts the email in any letter case', async () => {
    const response = await login('ADMIN@Example.com', 'demo');
    expect(response.statusCode).toBe(200);
  });

  it('answers the same 401 for a wrong password and an unknown email', async () => {
    const wrong = await login(ADMIN, 'nope');
    const unknown = await login('nobody@example.com', 'demo');
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toBe('application/problem+json');
      expect(problemSchema.parse(response.json()).detail).toBe('Invalid email or password');
      expect(response.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
    }
  });

  it('answers 400 with validation errors for a missing password', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: ADMIN },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()['validation-errors'][0].errors[0].path).toBe('password');
  });
});

describe('GET /api/auth/me and POST /api/auth/logout', () => {
  it('answers 401 without a session', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(response.statusCode).toBe(401);
  });

  it('answers the signed-in user, then nothing after logout', async () => {
    const response = await login(SALES, 'demo');
    const value = response.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
    const cookie = `${SESSION_COOKIE}=${value}`;

    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(meSchema.parse(me.json()).email).toBe(SALES);

    const logout = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie, origin: ORIGIN },
    });
    expect(logout.statusCode).toBe(204);
    const cleared = logout.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cleared?.value).toBe('');

    const after = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(after.statusCode).toBe(401);
    const api = await t.app.inject({ method: 'GET', url: '/api/v4/account', headers: { cookie } });
    expect(api.statusCode).toBe(401);
  });

  it('refuses a cross-site logout (CSRF rule)', async () => {
    const cookie = await t.cookieFor(ADMIN);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie, origin: 'https://evil.example' },
    });
    expect(response.statusCode).toBe(403);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
  });
});

describe('GET /api/auth/demo-users', () => {
  it('lists the demo sign-ins without a session', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/auth/demo-users' });
    expect(response.statusCode).toBe(200);
    const { users } = demoUsersSchema.parse(response.json());
    expect(users).toEqual([
      { email: ADMIN, role: 'administrator', password: 'demo' },
      { email: SALES, role: 'sales', password: 'demo' },
    ]);
  });
});
