import { describe, expect, it } from 'vitest';
import {
  clearFilters,
  customersSearchSchema,
  findInvalidSearchKeys,
  hasActiveFilters,
  toListQuery,
} from './search';
import { searchProblems, withoutProblems, type SearchContext } from './search-problems';

const context: SearchContext = {
  sortable: ['id', 'created_at', 'updated_at', 'next_date', 'next_price', 'ltv', 'name'],
  columnIds: new Set(['name', 'ltv', 'segments', 'cf_3']),
  customFieldsSettled: true,
};

describe('customers URL search', () => {
  it('accepts a full, valid URL state', () => {
    const raw = {
      page: 3,
      size: 250,
      sort: 'ltv',
      dir: 'desc',
      q: 'acme',
      responsible: [1, 2],
      segment: [3],
      tag: [4, 5],
      nextFrom: '2024-05-01',
      nextTo: '2024-05-31',
      createdFrom: '2023-01-01',
      createdTo: '2023-12-31',
      cols: ['name', 'ltv', 'cf_3'],
    };
    expect(customersSearchSchema.parse(raw)).toEqual(raw);
    expect(findInvalidSearchKeys(raw)).toEqual([]);
  });

  it('leaves everything unsaid when the URL is bare (defaults come later)', () => {
    const search = customersSearchSchema.parse({});
    expect(Object.values(search).filter((value: unknown) => value !== undefined)).toEqual([]);
    expect(toListQuery(search)).toEqual({ page: 1, limit: 50 });
    expect(findInvalidSearchKeys({})).toEqual([]);
  });

  it('drops hand-edited or stale values field by field and reports them', () => {
    const raw = {
      page: 'two',
      size: 30,
      sort: 'email',
      dir: 'up',
      segment: ['vip'],
      nextFrom: '2024-02-30',
      cols: ['name', 'name'],
      q: 'still fine',
    };
    const search = customersSearchSchema.parse(raw);
    expect(search).toMatchObject({
      page: undefined,
      size: undefined,
      sort: undefined,
      dir: undefined,
      segment: undefined,
      nextFrom: undefined,
      cols: undefined,
      q: 'still fine',
    });
    expect(findInvalidSearchKeys(raw).sort()).toEqual(
      ['cols', 'dir', 'nextFrom', 'page', 'segment', 'size', 'sort'].sort(),
    );
  });

  it('reads a numeric search as text (the router parses ?q=123 as a number)', () => {
    expect(customersSearchSchema.parse({ q: 123 }).q).toBe('123');
  });

  it('flags a sort this account cannot do and columns that no longer exist', () => {
    const search = customersSearchSchema.parse({ sort: 'ltv', cols: ['name', 'cf_9', 'ltv'] });
    const liveAccount = { ...context, sortable: ['id', 'created_at', 'updated_at'] as const };
    const problems = searchProblems(search, liveAccount);
    expect(problems).toEqual(['cols', 'sort']);
    expect(withoutProblems(search, problems, liveAccount)).toMatchObject({
      sort: undefined,
      cols: ['name', 'ltv'],
    });
  });

  it('does not judge custom-field columns before the fields have loaded', () => {
    const search = customersSearchSchema.parse({ cols: ['name', 'cf_9'] });
    expect(searchProblems(search, { ...context, customFieldsSettled: false })).toEqual([]);
  });

  it('clears filters but keeps sort, size and columns', () => {
    const search = customersSearchSchema.parse({
      page: 4,
      size: 100,
      sort: 'name',
      q: 'x',
      tag: [1],
      cols: ['name'],
    });
    expect(hasActiveFilters(search)).toBe(true);
    const cleared = clearFilters(search);
    expect(hasActiveFilters(cleared)).toBe(false);
    expect(cleared).toMatchObject({ page: undefined, size: 100, sort: 'name', cols: ['name'] });
  });
});

describe('toListQuery', () => {
  it('maps the URL state to the API parameters', () => {
    const search = customersSearchSchema.parse({
      page: 2,
      size: 100,
      sort: 'next_date',
      dir: 'desc',
      q: 'acme',
      responsible: [7],
      segment: [3, 4],
      tag: [9],
      nextFrom: '2024-05-01',
      nextTo: '2024-05-31',
      createdTo: '2023-12-31',
    });
    expect(toListQuery(search)).toEqual({
      page: 2,
      limit: 100,
      query: 'acme',
      order: { next_date: 'desc' },
      filter: {
        responsible_user_id: [7],
        segment_id: [3, 4],
        tag_id: [9],
        next_date: {
          from: new Date(2024, 4, 1).getTime() / 1000,
          to: new Date(2024, 5, 1).getTime() / 1000 - 1,
        },
        created_at: { to: new Date(2024, 0, 1).getTime() / 1000 - 1 },
      },
    });
  });

  it('orders ascending unless told otherwise and omits empty filters', () => {
    expect(toListQuery(customersSearchSchema.parse({ sort: 'name' }))).toEqual({
      page: 1,
      limit: 50,
      order: { name: 'asc' },
    });
  });
});
