import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the fake amoCRM received it. */
export type Received = { method: string; url: string; headers: IncomingHttpHeaders; body: string };

type Handler = (request: Received, response: ServerResponse) => void;

/** An account user as `GET /api/v4/users` lists it. */
export type FakeAccountUser = { id: number; email: string; is_admin: boolean };

const DEFAULT_USERS: FakeAccountUser[] = [{ id: 1, email: 'admin@example.com', is_admin: true }];

function usersPage(users: FakeAccountUser[]): string {
  return JSON.stringify({
    _page: 1,
    _links: { self: { href: '/api/v4/users' } },
    _embedded: {
      users: users.map(({ id, email, is_admin }) => ({
        id,
        name: email,
        email,
        lang: 'en',
        rights: { is_admin, is_active: true, group_id: null },
      })),
    },
  });
}

/**
 * A stand-in for a live amoCRM account for the gateway's tests: a real HTTP server on
 * 127.0.0.1 that records every request and answers with whatever the test set up.
 * `GET /api/v4/users` (the gateway reading whose rights are whose) is answered on its own
 * with `users` and kept out of `received`.
 */
export async function startFakeUpstream({
  users = DEFAULT_USERS,
}: { users?: FakeAccountUser[] } = {}) {
  const received: Received[] = [];
  const usersReads: Received[] = [];
  let handler: Handler = (_request, response) => {
    response.writeHead(204).end();
  };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const entry: Received = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      if (entry.method === 'GET' && /^\/api\/v4\/users(\?|$)/.test(entry.url)) {
        usersReads.push(entry);
        response.writeHead(200, { 'content-type': 'application/hal+json' }).end(usersPage(users));
        return;
      }
      received.push(entry);
      handler(entry, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    usersReads,
    /** The last request that reached the fake account. */
    last: () => received.at(-1),
    answer: (next: Handler) => {
      handler = next;
    },
    /** Answers every request with this status, content type and body. */
    reply: (
      status: number,
      contentType: string | undefined,
      body = '',
      headers: Record<string, string> = {},
    ) => {
      handler = (_request, response) => {
        response.writeHead(status, {
          ...(contentType ? { 'content-type': contentType } : {}),
          ...headers,
        });
        response.end(body);
      };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type FakeUpstream = Awaited<ReturnType<typeof startFakeUpstream>>;
