import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from '../contracts/zod';
import { apiTokensListSchema, tokenCreatedSchema, type TokenCreate } from '../contracts/auth';
import { apiClient, requireBody } from '../lib/api-client';

/** Long-lived API tokens: yours, or everyone's for an administrator (the server decides). */
export async function listTokens(signal?: AbortSignal) {
  const body = await apiClient.get('/api/auth/tokens', apiTokensListSchema, { signal });
  return body?.tokens ?? [];
}

/** The answer carries `access_token`: the only time the secret is ever sent. */
export async function createToken(input: TokenCreate) {
  return requireBody(
    await apiClient.post('/api/auth/tokens', input, tokenCreatedSchema),
    'Creating a token',
  );
}

export async function revokeToken(id: number): Promise<void> {
  await apiClient.delete(`/api/auth/tokens/${String(id)}`, z.unknown());
}

export const tokenQueries = {
  all: ['tokens'] as const,
  list: () =>
    queryOptions({
      queryKey: [...tokenQueries.all, 'list'] as const,
      queryFn: ({ signal }) => listTokens(signal),
    }),
};

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokenQueries.all }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokenQueries.all }),
  });
}
