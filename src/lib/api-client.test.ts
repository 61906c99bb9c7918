import { MutationObserver } from '@tanstack/react-query';
import qs from 'qs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { customersPageSchema } from '../contracts/customer';
import { apiClient, encodeParams } from './api-client';
import { ApiError, ContractError } from './api-error';
import { createQueryClient } from './query-client';

const HAL = { 'Content-Type': 'application/hal+json' };
const PROBLEM = { 'Content-Type': 'application/problem+json' };

function json(body: unknown, status = 200, headers: Record<string, string> = HAL): Response {
  return new Response(JSON.stringify(body), { status, headers });
}

const customer = {
  id: 7,
  name: 'Acme',
  next_price: 500,
  next_date: 1_700_000_000,
  responsible_user_id: 1,
  status_id: null,
  periodicity: 0,
  created_by: 1,
  updated_by: 1,
  created_at: 1_690_000_000,
  updated_at: 1_690_000_100,
  closest_task_at: null,
  is_deleted: false,
  custom_fields_values: null,
  ltv: 1000,
  purchases_count: 2,
  average_check: 500,
  account_id: 1,
  _links: { self: { href: '/api/v4/customers/7' } },
  _embedded: { segments: [{ id: 3 }], tags: [] },
};

const page = {
  _page: 1,
  _links: { self: { href: '/api/v4/customers?page=1' } },
  _embedded: { customers: [customer] },
};

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  fetchMock.mockReset();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('encodeParams', () => {
  it.each([
    { filter: { id: [1, 2] }, page: 2, limit: 50 },
    { filter: { next_date: { from: 1, to: 2 } }, query: "O'Brien & sons (ltd)*", with: 'contacts' },
    { order: { name: 'asc' }, skipped: undefined, empty: null, list: [] },
  ])('encodes like qs with brackets: %j', (params) => {
    const expected = qs.stringify(params, {
      arrayFormat: 'brackets',
      encodeValuesOnly: true,
      skipNulls: true,
    });
    expect(encodeParams(params)).toBe(expected);
  });

  it('sends amoCRM-style array parameters', async () => {
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }));
    await apiClient.get('/api/v4/customers', customersPageSchema, {
      params: { filter: { id: [1, 2] } },
    });
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/v4/customers?filter[id][]=1&filter[id][]=2');
    expect(fetchMock.mock.calls[0]?.[1]?.credentials).toBe('same-origin');
  });
});

describe('apiClient', () => {
  it('parses a HAL page with its contract', async () => {
    fetchMock.mockResolvedValue(json(page));
    const result = await apiClient.get('/api/v4/customers', customersPageSchema);
    expect(result?._embedded.customers[0]?.name).toBe('Acme');
    expect(result?._links.next).toBeUndefined();
  });

  it('turns 204 No Content into null', async () => {
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }));
    await expect(apiClient.get('/api/v4/customers', customersPageSchema)).resolves.toBeNull();
  });

  it('turns problem+json into an ApiError with validation errors', async () => {
    fetchMock.mockResolvedValue(
      json(
        {
          title: 'Bad Request',
          type: 'https://httpstatus.es/400',
          status: 400,
          detail: 'Request validation failed',
          'validation-errors': [
            {
              request_id: '0',
              errors: [{ code: 'NotBlank', path: 'name', detail: 'This field is missing.' }],
            },
          ],
        },
        400,
        PROBLEM,
      ),
    );
    const error = await apiClient
      .post('/api/v4/customers', [{}], customersPageSchema)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      title: 'Bad Request',
      detail: 'Request validation failed',
      validationErrors: [{ request_id: '0', errors: [{ path: 'name', code: 'NotBlank' }] }],
    });
  });

  it('still yields an ApiError when the error body is not JSON', async () => {
    fetchMock.mockResolvedValue(
      new Response('<h1>Bad gateway</h1>', { status: 502, statusText: 'Bad Gateway' }),
    );
    await expect(apiClient.get('/api/v4/account', customersPageSchema)).rejects.toMatchObject({
      name: 'ApiError',
      status: 502,
      title: 'Bad Gateway',
    });
  });

  it('reports a body that breaks its contract as a ContractError', async () => {
    fetchMock.mockResolvedValue(json({ _links: {}, _embedded: { customers: [{ id: 'x' }] } }));
    const error = await apiClient
      .get('/api/v4/customers', customersPageSchema)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ContractError);
    expect((error as ContractError).detail).toMatch(/does not match its contract/);
    expect((error as ContractError).detail).toMatch(/_embedded\.customers\[0\]\.id/);
  });

  it('wraps a network failure in an ApiError', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    await expect(apiClient.get('/api/v4/customers', customersPageSchema)).rejects.toMatchObject({
      kind: 'network',
      status: 0,
    });
  });
});

describe('retries through the QueryClient', () => {
  const tooMany = () =>
    json(
      {
        title: 'Too Many Requests',
        type: 'about:blank',
        status: 429,
        detail: 'Slow down',
        retry_after: 2,
      },
      429,
      { ...PROBLEM, 'Retry-After': '2' },
    );

  // `queryClient.query` is what route loaders use, so this covers them too.
  it('retries a 429 query after Retry-After seconds', async () => {
    vi.useFakeTimers();
    fetchMock.mockResolvedValueOnce(tooMany()).mockResolvedValueOnce(json(page));
    const client = createQueryClient({ onUnauthorized: vi.fn() });

    const result = client.query({
      queryKey: ['customers', 'list', {}],
      queryFn: () => apiClient.get('/api/v4/customers', customersPageSchema),
    });

    await vi.advanceTimersByTimeAsync(1_900);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    await expect(result).resolves.toMatchObject({ _page: 1 });
  });

  it('never retries a POST mutation by itself', async () => {
    fetchMock.mockResolvedValue(tooMany());
    const client = createQueryClient({ onUnauthorized: vi.fn() });
    const observer = new MutationObserver(client, {
      mutationFn: (body: unknown[]) =>
        apiClient.post('/api/v4/customers', body, customersPageSchema),
    });

    await expect(observer.mutate([{ name: 'A' }])).rejects.toMatchObject({ status: 429 });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('sends any 401 to the unauthorized handler unless the caller opts out', async () => {
    fetchMock.mockImplementation(() =>
      Promise.resolve(
        json(
          { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Sign in' },
          401,
          PROBLEM,
        ),
      ),
    );
    const onUnauthorized = vi.fn();
    const client = createQueryClient({ onUnauthorized });
    const queryFn = () => apiClient.get('/api/v4/customers', customersPageSchema);

    await expect(client.query({ queryKey: ['a'], queryFn })).rejects.toBeInstanceOf(ApiError);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);

    await expect(
      client.query({ queryKey: ['b'], queryFn, meta: { authRedirect: false } }),
    ).rejects.toBeInstanceOf(ApiError);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });
});
