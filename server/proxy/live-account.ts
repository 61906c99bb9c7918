import type { AddressInfo } from 'node:net';
import { tokenCreatedSchema } from '../../src/contracts/auth';
import { ADMIN, createTestApp, type TestApp } from '../test/test-app';

/** One request as the live account received it. */
export type Arrival = { method: string; url: string };

/**
 * A second instance of this server standing in for a live amoCRM account (same demo seed, so
 * the same users by email), listening on a random port, with a long-lived token of its admin.
 * Tests only: it records every request that reached it.
 */
export async function startLiveAccount() {
  const account: TestApp = await createTestApp();
  const arrivals: Arrival[] = [];
  account.app.addHook('onRequest', async (request) => {
    arrivals.push({ method: request.method, url: request.url });
  });
  const created = await account.as(ADMIN, {
    method: 'POST',
    url: '/api/auth/tokens',
    payload: { name: 'gateway' },
  });
  const token = tokenCreatedSchema.parse(created.json()).access_token;
  await account.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = account.app.server.address() as AddressInfo;
  return {
    ...account,
    url: `http://127.0.0.1:${port}`,
    token,
    arrivals,
    /** Requests that could change something (anything but GET/HEAD) that reached the account. */
    writes: () => arrivals.filter((a) => a.method !== 'GET' && a.method !== 'HEAD'),
  };
}

export type LiveAccount = Awaited<ReturnType<typeof startLiveAccount>>;
