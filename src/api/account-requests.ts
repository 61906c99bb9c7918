import { accountSchema } from '../contracts/account';
import { apiClient, requireBody } from '../lib/api-client';

export async function getAccount(signal?: AbortSignal) {
  const account = await apiClient.get('/api/v4/account', accountSchema, {
    params: { with: 'capabilities' },
    signal,
  });
  return requireBody(account, 'The account');
}
