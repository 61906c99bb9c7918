import { z } from '../contracts/zod';
import { demoUsersSchema, meSchema, type LoginBody } from '../contracts/auth';
import { apiClient, requireBody } from '../lib/api-client';

export async function login(body: LoginBody) {
  return requireBody(await apiClient.post('/api/auth/login', body, meSchema), 'Sign-in');
}

export async function getMe(signal?: AbortSignal) {
  return requireBody(
    await apiClient.get('/api/auth/me', meSchema, { signal }),
    'The session check',
  );
}

export async function logout(): Promise<void> {
  // 204 expected; any body it might carry holds nothing we use.
  await apiClient.post('/api/auth/logout', undefined, z.unknown());
}

export async function getDemoUsers(signal?: AbortSignal) {
  const result = await apiClient.get('/api/auth/demo-users', demoUsersSchema, { signal });
  return result ?? { users: [] };
}
