import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// `npm start` as an operator runs it, in its own process group, on a port of its own.
const root = path.resolve(import.meta.dirname, '..');
const PORT = 3300 + 50 + (process.pid % 40);
const dataDir = mkdtempSync(path.join(tmpdir(), 'cc-start-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function start(): { child: ChildProcess; output: () => string; exited: Promise<void> } {
  const child = spawn('npm', ['start'], {
    cwd: root,
    detached: true,
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      SEED: 'none',
      STATIC_DIR: '/nonexistent',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // npm may die of the group signal at once; the server holds the pipes until it has stopped.
  const ended = (stream: NodeJS.ReadableStream) =>
    new Promise<void>((resolve) => stream.on('end', () => resolve()));
  const exited = Promise.all([ended(child.stdout!), ended(child.stderr!)]).then(() => undefined);
  return { child, output: () => output, exited };
}

async function waitForHealth() {
  for (;;) {
    try {
      const response = await fetch(`http://127.0.0.1:${PORT}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('npm start and SIGTERM to its process group', () => {
  it('greets with the URL and how to sign in, answers a request whose body is still arriving, then exits cleanly', async () => {
    const server = start();
    await waitForHealth();
    expect(server.output()).toContain(`Customers Console: http://127.0.0.1:${PORT}`);
    expect(server.output()).toMatch(/Sign in/);

    const body = JSON.stringify({ email: 'nobody@example.com', password: 'wrong' });
    const socket = connect(PORT, '127.0.0.1');
    let answer = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (answer += chunk));
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    await new Promise<void>((resolve) => socket.on('connect', () => resolve()));
    socket.write(
      `POST /api/auth/login HTTP/1.1\r\nhost: 127.0.0.1:${PORT}\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n${body.slice(0, 10)}`,
    );
    // Give the server the headers before the signal, as a slow client would.
    await new Promise((resolve) => setTimeout(resolve, 300));
    process.kill(-server.child.pid!, 'SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    socket.write(body.slice(10));
    await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 401 /);
    await server.exited;
    expect(server.output()).toContain('Stopped');
    expect(server.output()).not.toMatch(/Error:|ERR_|Unhandled/);

    // The database was closed cleanly: it opens again at once, lock released.
    const again = start();
    await waitForHealth();
    process.kill(-again.child.pid!, 'SIGTERM');
    await again.exited;
    expect(again.output()).toContain('Stopped');
    expect(again.output()).not.toMatch(/Error:|ERR_|Unhandled/);
  }, 180_000);
});
