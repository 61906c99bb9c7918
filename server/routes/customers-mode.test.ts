import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountSchema } from '../../src/contracts/account';
import { customersModeSchema, customersWriteResponseSchema } from '../../src/contracts/customer';
import { problemSchema } from '../../src/contracts/problem';
import { z } from '../../src/contracts/zod';
import { customers } from '../db/schema';
import { ADMIN, createTestApp, SALES, type TestApp } from '../test/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const setMode = (payload: unknown, user = ADMIN) =>
  t.as(user, { method: 'PATCH', url: '/api/v4/customers/mode', payload: payload as object });
const accountMode = async () =>
  accountSchema.parse((await t.as(ADMIN, { method: 'GET', url: '/api/v4/account' })).json())
    .customers_mode;
const customerCount = async () =>
  (await t.database.db.select({ n: count() }).from(customers))[0]!.n;

describe('PATCH /api/v4/customers/mode', () => {
  it('lets an admin switch the mode, answering exactly the passed properties', async () => {
    const response = await setMode({ mode: 'periodicity', is_enabled: true, extra: 'dropped' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/hal+json');
    expect(z.strictObject(customersModeSchema.shape).parse(response.json())).toEqual({
      mode: 'periodicity',
      is_enabled: true,
    });
    expect(await accountMode()).toBe('periodicity');
  });

  it('requires name, next_date and periodicity on create in periodicity mode', async () => {
    expect((await setMode({ mode: 'periodicity', is_enabled: true })).statusCode).toBe(200);
    const before = await customerCount();
    const refused = await t.as(ADMIN, {
      method: 'POST',
      url: '/api/v4/customers',
      payload: [
        { name: 'Complete', next_date: 1_900_000_000, periodicity: 30 },
        { name: 'Partial', request_id: 'p' },
      ],
    });
    expect(refused.statusCode).toBe(400);
    const errors = problemSchema.parse(refused.json())['validation-errors']!;
    expect(errors).toHaveLength(1);
    expect(errors[0]!.request_id).toBe('p');
    expect(errors[0]!.errors.map((e) => [e.path, e.code])).toEqual([
      ['next_date', 'NotBlank'],
      ['periodicity', 'NotBlank'],
    ]);
    expect(await customerCount()).toBe(before);

    const accepted = await t.as(ADMIN, {
      method: 'POST',
      url: '/api/v4/customers',
      payload: [{ name: 'Complete', next_date: 1_900_000_000, periodicity: 30 }],
    });
    expect(accepted.statusCode).toBe(200);
    const id = customersWriteResponseSchema.parse(accepted.json())._embedded.customers[0]!.id;
    const blanked = await t.as(ADMIN, {
      method: 'PATCH',
      url: `/api/v4/customers/${id}`,
      payload: { next_date: null },
    });
    expect(blanked.statusCode).toBe(400);

    expect((await setMode({ mode: 'segments', is_enabled: true })).statusCode).toBe(200);
    expect(await accountMode()).toBe('segments');
    const relaxed = await t.as(ADMIN, {
      method: 'POST',
      url: '/api/v4/customers',
      payload: [{ name: 'Partial' }],
    });
    expect(relaxed.statusCode).toBe(200);
  });

  it('turns customers off and on again; the switch itself keeps answering', async () => {
    expect((await setMode({ mode: 'segments', is_enabled: false })).statusCode).toBe(200);
    expect(await accountMode()).toBe('disabled');
    expect((await t.as(ADMIN, { method: 'GET', url: '/api/v4/customers' })).statusCode).toBe(403);
    expect((await setMode({ mode: 'segments', is_enabled: true })).statusCode).toBe(200);
    expect((await t.as(ADMIN, { method: 'GET', url: '/api/v4/customers' })).statusCode).toBe(200);
  });

  it('refuses non-admins with 403 and leaves the mode alone', async () => {
    const response = await setMode({ mode: 'periodicity', is_enabled: true }, SALES);
    expect(response.statusCode).toBe(403);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(await accountMode()).toBe('segments');
  });

  it.each([
    ['no mode', { is_enabled: true }, 'mode', 'NotBlank'],
    ['no is_enabled', { mode: 'segments' }, 'is_enabled', 'NotBlank'],
    ['an unknown mode', { mode: 'dynamic', is_enabled: true }, 'mode', 'NotSupportedChoice'],
    ['a string flag', { mode: 'segments', is_enabled: 'yes' }, 'is_enabled', 'InvalidType'],
  ])('answers 400 with validation errors for %s', async (_case, payload, path, code) => {
    const response = await setMode(payload);
    expect(response.statusCode).toBe(400);
    const errors = problemSchema.parse(response.json())['validation-errors']!;
    expect(errors[0]!.errors).toContainEqual(expect.objectContaining({ path, code }));
  });

  it('answers 400 to an empty body and 401 without credentials', async () => {
    const empty = await t.as(ADMIN, {
      method: 'PATCH',
      url: '/api/v4/customers/mode',
      headers: { 'content-type': 'application/json' },
      payload: '',
    });
    expect(empty.statusCode).toBe(400);
    const anonymous = await t.app.inject({
      method: 'PATCH',
      url: '/api/v4/customers/mode',
      payload: { mode: 'segments', is_enabled: true },
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('answers 402 on a tariff without customers', async () => {
    const base = await createTestApp({ ACCOUNT_TARIFF: 'base' });
    try {
      const response = await base.as(ADMIN, {
        method: 'PATCH',
        url: '/api/v4/customers/mode',
        payload: { mode: 'segments', is_enabled: true },
      });
      expect(response.statusCode).toBe(402);
      expect(response.headers['content-type']).toBe('application/problem+json');
      expect((await base.as(ADMIN, { method: 'GET', url: '/api/v4/customers' })).statusCode).toBe(
        402,
      );
    } finally {
      await base.close();
    }
  });
});
