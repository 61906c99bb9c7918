import { describe, expect, it } from 'vitest';
import { subtractPurchase } from '../../../api/customer-transaction-mutations';
import { customerPageSearchSchema, parseCustomerId } from './customer-page-search';
import { canEditCustomer } from '../model/can-edit-customer';
import { buildLtvSeries } from './ltv-series';
import { ADMIN, makeCustomer, makeUser, SALES } from './test-fixtures';

describe('canEditCustomer', () => {
  const customer = { responsible_user_id: 1 };

  it('lets an admin and an A editor edit anything', () => {
    expect(canEditCustomer(ADMIN, { responsible_user_id: 99 })).toBe(true);
    expect(canEditCustomer(makeUser(5, 'Al', 'A'), customer)).toBe(true);
  });

  it('lets an M editor edit only the customers they are responsible for', () => {
    expect(canEditCustomer(SALES, customer)).toBe(false);
    expect(canEditCustomer(SALES, { responsible_user_id: SALES.id })).toBe(true);
  });

  it('lets a G editor edit the customers of their group', () => {
    const me = makeUser(5, 'Gil', 'G');
    me.rights.group_id = 3;
    const colleague = makeUser(6, 'Col');
    colleague.rights.group_id = 3;
    const stranger = makeUser(7, 'Str');
    stranger.rights.group_id = 4;
    expect(canEditCustomer(me, { responsible_user_id: 6 }, [colleague, stranger])).toBe(true);
    expect(canEditCustomer(me, { responsible_user_id: 7 }, [colleague, stranger])).toBe(false);
    expect(canEditCustomer(me, { responsible_user_id: 5 })).toBe(true);
  });

  it('never lets a D editor edit', () => {
    expect(canEditCustomer(makeUser(5, 'Dee', 'D'), { responsible_user_id: 5 })).toBe(false);
  });
});

describe('buildLtvSeries', () => {
  it('sums the prices oldest first', () => {
    const points = buildLtvSeries([
      { id: 2, completed_at: 200, price: 30 },
      { id: 1, completed_at: 100, price: 10 },
    ]);
    expect(points).toEqual([
      { at: 100, ltv: 10 },
      { at: 200, ltv: 40 },
    ]);
  });

  it('ends at the real LTV when only the latest purchases are at hand', () => {
    const points = buildLtvSeries([{ id: 1, completed_at: 100, price: 10 }], 1000);
    expect(points.at(-1)?.ltv).toBe(1000);
  });

  it('is empty without transactions', () => {
    expect(buildLtvSeries([])).toEqual([]);
  });
});

describe('subtractPurchase', () => {
  it('recomputes the figures as the server does', () => {
    const next = subtractPurchase(
      makeCustomer({ ltv: 1000, purchases_count: 4, average_check: 250 }),
      400,
    );
    expect(next).toMatchObject({ ltv: 600, purchases_count: 3, average_check: 200 });
  });

  it('floors the average check and never divides by zero', () => {
    expect(subtractPurchase(makeCustomer({ ltv: 1001, purchases_count: 3 }), 1)).toMatchObject({
      average_check: 500,
    });
    expect(subtractPurchase(makeCustomer({ ltv: 5, purchases_count: 1 }), 5)).toMatchObject({
      ltv: 0,
      purchases_count: 0,
      average_check: 0,
    });
  });
});

describe('customer page URL', () => {
  it('falls back to defaults for values it does not understand', () => {
    expect(customerPageSearchSchema.parse({ tab: 'nope', tpage: -2, edit: 'x' })).toEqual({
      tab: 'overview',
      tpage: 1,
    });
    expect(customerPageSearchSchema.parse({ tab: 'transactions', tpage: 2, edit: 1 })).toEqual({
      tab: 'transactions',
      tpage: 2,
      edit: true,
    });
  });

  it('accepts only positive integer ids', () => {
    expect(parseCustomerId('42')).toBe(42);
    expect(parseCustomerId('0')).toBeNull();
    expect(parseCustomerId('abc')).toBeNull();
    expect(parseCustomerId('1e3')).toBeNull();
    expect(parseCustomerId('99999999999')).toBeNull();
  });
});
