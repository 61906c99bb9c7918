import { QueryClientProvider, useQuery } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { User } from '../contracts/user';
import { createTestQueryClient } from '../test/render';
import { authQueries } from './auth-queries';
import { useUpdateUserRights } from './users-mutations';

function admin(isAdmin: boolean): User {
  return {
    id: 1,
    name: 'Alice Admin',
    email: 'admin@example.com',
    lang: 'en',
    rights: {
      customers: { view: 'A', edit: 'A', add: 'A', delete: 'A', export: 'A' },
      mail_access: false,
      catalog_access: true,
      is_admin: isAdmin,
      is_free: false,
      is_active: true,
      group_id: null,
      role_id: null,
    },
    _links: { self: { href: '/api/v4/users/1' } },
  };
}

const json = (body: unknown) =>
  new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'Content-Type': 'application/hal+json' },
  });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('useUpdateUserRights', () => {
  it('refreshes the signed-in user, whose own rights may be the ones changed', async () => {
    let current = admin(true);
    const fetchMock = vi.fn((input: string, init?: RequestInit) => {
      const { pathname } = new URL(input, 'http://test');
      if (pathname === '/api/auth/me') return Promise.resolve(json(current));
      if (pathname === '/api/v4/users/1' && init?.method === 'PATCH') {
        current = admin(false);
        return Promise.resolve(json(current));
      }
      return Promise.resolve(new Response(null, { status: 204 }));
    });
    vi.stubGlobal('fetch', fetchMock);
    const queryClient = createTestQueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    );
    const { result } = renderHook(
      () => ({ me: useQuery(authQueries.me()), update: useUpdateUserRights() }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.me.data?.rights.is_admin).toBe(true));

    await act(() =>
      result.current.update.mutateAsync({ id: 1, patch: { rights: { is_admin: false } } }),
    );

    await waitFor(() => expect(result.current.me.data?.rights.is_admin).toBe(false));
  });
});
