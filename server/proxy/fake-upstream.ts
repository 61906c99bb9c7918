import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the fake amoCRM received it. */
export type Received = { method: string; url: string; headers: IncomingHttpHeaders; body: string };

type Handler = (request: Received, response: ServerResponse) => void;

/**
 * A stand-in for a live amoCRM account for the gateway's tests: a real HTTP server on
 * 127.0.0.1 that records every request and answers with whatever the test set up.
 */
export async function startFakeUpstream() {
  const received: Received[] = [];
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
      received.push(entry);
      handler(entry, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
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
