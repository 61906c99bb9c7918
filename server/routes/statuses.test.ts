import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemSchema } from '../../src/contracts/problem';
import { customerStatusesPageSchema, customerStatusSchema } from '../../src/contracts/status';
import { ACCOUNT_ID } from '../db/account-repository';
import { ADMIN, createTestApp, SALES, type TestApp } from '../test/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const URL = '/api/v4/customers/statuses';
const setMode = (mode: 'segments' | 'periodicity') =>
  t.as(ADMIN, {
    method: 'PATCH',
    url: '/api/v4/customers/mode',
    payload: { mode, is_enabled: true },
  });

describe('customer statuses', () => {
  it('answers 422 problem+json in segments mode', async () => {
    for (const url of [URL, `${URL}/1`]) {
      const response = await t.as(SALES, { method: 'GET', url });
      expect(response.statusCode).toBe(422);
      expect(response.headers['content-type']).toBe('application/problem+json');
      expect(problemSchema.parse(response.json()).detail).toMatch(/periodicity/);
    }
  });

  describe('in periodicity mode', () => {
    beforeAll(async () => {
      expect((await setMode('periodicity')).statusCode).toBe(200);
    });
    afterAll(async () => {
      await setMode('segments');
    });

    it("lists the five stages in pipeline order, with amoCRM's fields", async () => {
      const response = await t.as(SALES, { method: 'GET', url: URL });
      expect(response.statusCode).toBe(200);
      const page = customerStatusesPageSchema.parse(response.json());
      const statuses = page._embedded.statuses;
      expect(statuses.map((s) => s.type)).toEqual([4, 0, 1, 2, 3]);
      expect(statuses.filter((s) => s.is_default)).toHaveLength(1);
      for (const status of statuses) {
        expect(status.conditions).toEqual([]);
        expect(status.account_id).toBe(ACCOUNT_ID);
      }
      expect(page._links.next).toBeUndefined();
    });

    it('answers one status, 204 when missing', async () => {
      const page = customerStatusesPageSchema.parse(
        (await t.as(SALES, { method: 'GET', url: URL })).json(),
      );
      const first = page._embedded.statuses[0]!;
      const one = await t.as(SALES, { method: 'GET', url: `${URL}/${first.id}` });
      expect(customerStatusSchema.parse(one.json())).toEqual(first);
      expect((await t.as(SALES, { method: 'GET', url: `${URL}/999999` })).statusCode).toBe(204);
    });

    it('pages with limit', async () => {
      const page = customerStatusesPageSchema.parse(
        (await t.as(SALES, { method: 'GET', url: `${URL}?limit=2` })).json(),
      );
      expect(page._embedded.statuses).toHaveLength(2);
      expect(page._links.next?.href).toContain('page=2');
      expect((await t.as(SALES, { method: 'GET', url: `${URL}?page=9` })).statusCode).toBe(204);
    });
  });
});
