import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tagsPageSchema } from '../../src/contracts/tag';
import { ADMIN, createTestApp, SALES, type TestApp } from '../test/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const URL = '/api/v4/customers/tags';
const list = async (query = '') => {
  const response = await t.as(SALES, { method: 'GET', url: `${URL}${query}` });
  if (response.statusCode === 204) return [];
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toBe('application/hal+json');
  return tagsPageSchema.parse(response.json())._embedded.tags;
};

describe('GET /api/v4/customers/tags', () => {
  it('lists the tags', async () => {
    const tags = await list();
    expect(tags).toHaveLength(12);
    expect(tags.map((tag) => tag.id)).toEqual([...tags.map((tag) => tag.id)].sort((a, b) => a - b));
  });

  it('filters by id in each array encoding', async () => {
    const [a, b] = await list();
    for (const query of [
      `?filter[id]=${a!.id}&filter[id]=${b!.id}`,
      `?filter[id][]=${a!.id}&filter[id][]=${b!.id}`,
      `?filter[id][0]=${a!.id}&filter[id][1]=${b!.id}`,
    ]) {
      expect((await list(query)).map((tag) => tag.id)).toEqual([a!.id, b!.id]);
    }
    expect((await list(`?filter[id]=${a!.id}`)).map((tag) => tag.id)).toEqual([a!.id]);
  });

  it('filters by exact name, whatever the letter case', async () => {
    const [first] = await list();
    const found = await list(`?filter[name]=${encodeURIComponent(first!.name.toUpperCase())}`);
    expect(found).toEqual([first]);
  });

  it('searches names by substring with query, taking % literally', async () => {
    const [first] = await list();
    const part = first!.name.slice(1, 4).toLowerCase();
    const found = await list(`?query=${encodeURIComponent(part)}`);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((tag) => tag.name.toLowerCase().includes(part))).toBe(true);
    const none = await t.as(SALES, { method: 'GET', url: `${URL}?query=%25` });
    expect(none.statusCode).toBe(204);
  });

  it('answers 400 for a malformed id filter and 204 past the end', async () => {
    expect((await t.as(SALES, { method: 'GET', url: `${URL}?filter[id]=abc` })).statusCode).toBe(
      400,
    );
    expect((await t.as(SALES, { method: 'GET', url: `${URL}?page=9` })).statusCode).toBe(204);
  });
});

describe('POST /api/v4/customers/tags', () => {
  it('creates tags and echoes request_id', async () => {
    const response = await t.as(SALES, {
      method: 'POST',
      url: URL,
      payload: [
        { name: 'Loyal', request_id: 'x' },
        { name: 'Partner', color: 'DDEBB5' },
      ],
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    const created = tagsPageSchema.parse(body)._embedded.tags;
    expect(created.map((tag) => [tag.name, tag.color])).toEqual([
      ['Loyal', null],
      ['Partner', 'DDEBB5'],
    ]);
    expect(body._embedded.tags.map((tag: { request_id: string }) => tag.request_id)).toEqual([
      'x',
      '1',
    ]);
    expect((await list('?filter[name]=loyal')).map((tag) => tag.id)).toEqual([created[0]!.id]);
  });

  it('refuses a name that exists in another letter case, creating nothing (400)', async () => {
    const before = await list('?limit=250');
    const response = await t.as(ADMIN, {
      method: 'POST',
      url: URL,
      payload: [{ name: 'Brand new' }, { name: 'LOYAL' }],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()['validation-errors']).toEqual([
      { request_id: '1', errors: [expect.objectContaining({ code: 'NotUnique', path: 'name' })] },
    ]);
    expect(await list('?limit=250')).toEqual(before);
  });

  it('refuses the same name twice in one request (400)', async () => {
    const response = await t.as(ADMIN, {
      method: 'POST',
      url: URL,
      payload: [{ name: 'Twin' }, { name: 'twin' }],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()['validation-errors'][0].request_id).toBe('1');
  });

  it('answers 400 for an empty name or a malformed colour', async () => {
    const response = await t.as(ADMIN, {
      method: 'POST',
      url: URL,
      payload: [{ name: ' ' }, { name: 'Colourful', color: 'red' }],
    });
    expect(response.statusCode).toBe(400);
    expect(
      response.json()['validation-errors'].map((e: { request_id: string }) => e.request_id),
    ).toEqual(['0', '1']);
  });
});
