import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('framework behaviour', () => {
  it('answers health once the database does', async () => {
    const response = await t.app.inject('/api/health');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: 'ok',
      backend: t.config.databaseUrl ? 'postgres' : 'embedded',
    });
  });

  it('answers an unknown /api route with a 404 problem and a request id', async () => {
    const unknown = await t.app.inject('/api/v4/nothing-here');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toBe('application/problem+json');
    expect(unknown.json()).toMatchObject({ status: 404, title: 'Not Found' });
    expect(unknown.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers a known path with the wrong method with 405 and Allow', async () => {
    const response = await t.app.inject({ method: 'DELETE', url: '/api/health' });
    expect(response.statusCode).toBe(405);
    expect(response.headers.allow).toContain('GET');
    expect(response.headers['content-type']).toBe('application/problem+json');
  });
});
