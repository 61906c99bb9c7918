import { connect, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, createTestApp, type TestApp } from '../test/test-app';

let t: TestApp;
let port: number;
beforeAll(async () => {
  // One second instead of the default 45, so the test need not wait a minute.
  t = await createTestApp({ REQUEST_TIMEOUT_SECONDS: '1' });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as AddressInfo).port;
});
afterAll(() => t.close());

/**
 * Sends the request line and headers, then one body byte every 100 ms (the whole body would
 * take 200 s). Resolves with what the server answered and how many bytes were sent by the
 * time it closed the connection.
 */
function dribble(path: string, headers: Record<string, string>) {
  return new Promise<{ answer: string; sent: number }>((resolve, reject) => {
    const length = 2000;
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    let sent = 0;
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (answer += chunk));
    const timer = setInterval(() => {
      if (sent < length && socket.writable) {
        socket.write('[');
        sent += 1;
      }
    }, 100);
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ answer, sent });
    });
    socket.on('error', (error) => {
      // A reset while writing also means the server gave up on us.
      if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(error);
    });
    const lines = Object.entries({
      ...headers,
      'content-type': 'application/json',
      'content-length': String(length),
    }).map(([k, v]) => `${k}: ${v}`);
    socket.write(
      `POST ${path} HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\n${lines.join('\r\n')}\r\n\r\n`,
    );
  });
}

describe('a client dribbling a body', () => {
  it('is answered 408 and disconnected long before its body could finish', async () => {
    const cookie = await t.cookieFor(ADMIN);
    const { answer, sent } = await dribble('/api/v4/customers', {
      cookie,
      'sec-fetch-site': 'same-origin',
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(sent).toBeLessThan(2000);
  }, 60_000);

  it('is cut off on an unauthenticated route too, and the server keeps answering others', async () => {
    const slow = dribble('/api/auth/login', {});
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(health.status).toBe(200);
    const { answer, sent } = await slow;
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(sent).toBeLessThan(2000);
  }, 60_000);
});
