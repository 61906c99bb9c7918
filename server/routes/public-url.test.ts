import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { SESSION_COOKIE } from '../plugins/auth';
import { ADMIN, createTestApp, type TestApp } from '../test/test-app';

const PUBLIC = 'https://crm.example.com';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL: `${PUBLIC}/` });
});
afterAll(() => t.close());

describe('PUBLIC_URL, not the Host a request sends', () => {
  it('is the origin of HAL links whatever Host arrives', async () => {
    for (const host of ['evil.example', 'localhost:80', '127.0.0.1:1']) {
      const response = await t.as(ADMIN, {
        method: 'GET',
        url: '/api/v4/account',
        headers: { host },
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()._links.self.href).toBe(`${PUBLIC}/api/v4/account`);
    }
  });

  it('is the only Origin the CSRF check accepts, even when Host and Origin agree', async () => {
    const cookie = await t.cookieFor(ADMIN);
    const post = (headers: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/tokens',
        headers: { cookie, ...headers },
        payload: { name: 'csrf' },
      });
    // DNS rebinding: the attacker's page sends its own name as both Host and Origin.
    expect((await post({ host: 'evil.example', origin: 'http://evil.example' })).statusCode).toBe(
      403,
    );
    expect((await post({ origin: 'http://crm.example.com' })).statusCode).toBe(403);
    expect((await post({ origin: 'not a url' })).statusCode).toBe(403);
    expect((await post({ host: 'evil.example', origin: PUBLIC })).statusCode).toBe(200);
    expect((await post({ origin: `${PUBLIC}:443` })).statusCode).toBe(200);
  });

  it('marks the session cookie Secure when the public URL is https', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: ADMIN, password: 'demo' },
    });
    expect(response.cookies.find((c) => c.name === SESSION_COOKIE)?.secure).toBe(true);
  });
});

describe('PUBLIC_URL configuration', () => {
  it('defaults to the listen address', () => {
    expect(loadConfig({ HOST: '127.0.0.1', PORT: '3300' }).publicUrl).toBe('http://127.0.0.1:3300');
    expect(loadConfig({ HOST: '::1', PORT: '3300' }).publicUrl).toBe('http://[::1]:3300');
  });

  it('refuses what is not an http(s) URL', () => {
    for (const value of ['crm.example.com', 'ftp://crm.example.com', 'javascript:alert(1)']) {
      expect(() => loadConfig({ PUBLIC_URL: value })).toThrow(/PUBLIC_URL/);
    }
  });
});
