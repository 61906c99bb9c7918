import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { toTransactionsListParams, transactionsSearchSchema } from './search';

describe('transactionsSearchSchema', () => {
  it('keeps valid values', () => {
    expect(
      transactionsSearchSchema.parse({
        page: 3,
        size: 100,
        customer: 17,
        from: '2025-01-01',
        to: '2025-01-31',
      }),
    ).toEqual({ page: 3, size: 100, customer: 17, from: '2025-01-01', to: '2025-01-31' });
  });

  it('drops values it does not understand instead of failing', () => {
    expect(
      transactionsSearchSchema.parse({
        page: -1,
        size: 33,
        customer: 'abc',
        from: '2025-02-30',
        to: 5,
      }),
    ).toEqual({});
  });
});

describe('toTransactionsListParams', () => {
  it('defaults to page 1 of 50 without filters', () => {
    expect(toTransactionsListParams({})).toEqual({ page: 1, limit: 50 });
  });

  it('filters by customer and by whole days', () => {
    const params = toTransactionsListParams({ customer: 5, from: '2025-01-01', to: '2025-01-31' });
    expect(params.filter).toEqual({
      customer_id: [5],
      completed_at: {
        from: dayjs('2025-01-01').startOf('day').unix(),
        to: dayjs('2025-01-31').endOf('day').unix(),
      },
    });
  });
});
