import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, createTestApp, type TestApp } from '../test/test-app';

// A build as vite.config.ts writes it: every file with a .br and a .gz sibling.
const INDEX = `<!doctype html><html><head><title>Customers Console</title></head><body>${'<div></div>'.repeat(200)}<script type="module" src="/assets/index-Abc123.js"></script></body></html>`;
const ASSET = `export const rows = ${JSON.stringify(Array.from({ length: 500 }, (_, i) => `row ${i}`))};`;

let dir: string;
let t: TestApp;

function writeBuilt(relative: string, text: string) {
  const file = path.join(dir, relative);
  writeFileSync(file, text);
  writeFileSync(`${file}.br`, brotliCompressSync(text));
  writeFileSync(`${file}.gz`, gzipSync(text));
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'cc-static-'));
  mkdirSync(path.join(dir, 'assets'));
  writeBuilt('index.html', INDEX);
  writeBuilt('assets/index-Abc123.js', ASSET);
  t = await createTestApp({ STATIC_DIR: dir });
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('static files', () => {
  it('sends the brotli sibling of a hashed asset to a browser that accepts br, cached for a year', async () => {
    const response = await t.app.inject({
      url: '/assets/index-Abc123.js',
      headers: { 'accept-encoding': 'gzip, deflate, br, zstd' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toMatch(/^text\/javascript|^application\/javascript/);
    expect(response.headers.vary).toMatch(/accept-encoding/i);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(response.rawPayload).toString()).toBe(ASSET);
  });

  it('sends gzip to a client without brotli, and the plain file to one that accepts nothing', async () => {
    const gzip = await t.app.inject({
      url: '/assets/index-Abc123.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(ASSET);

    const plain = await t.app.inject({
      url: '/assets/index-Abc123.js',
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(ASSET);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('has index.html revalidated: no-cache with an ETag, 304 when it has not changed', async () => {
    const first = await t.app.inject({ url: '/', headers: { 'accept-encoding': 'br' } });
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toMatch(/^text\/html/);
    expect(first.headers['content-encoding']).toBe('br');
    expect(first.headers['cache-control']).toBe('no-cache');
    const etag = first.headers.etag;
    expect(etag).toBeTruthy();
    expect(brotliDecompressSync(first.rawPayload).toString()).toBe(INDEX);

    const again = await t.app.inject({
      url: '/',
      headers: { 'accept-encoding': 'br', 'if-none-match': String(etag) },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('serves the console shell for a bookmarked deep link, compressed and revalidated', async () => {
    const response = await t.app.inject({
      url: '/customers?sort=name&page=3',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(response.rawPayload).toString()).toBe(INDEX);
  });

  it('answers a missing hashed asset with 404, not the shell', async () => {
    const response = await t.app.inject({ url: '/assets/gone-Zzz999.js' });
    expect(response.statusCode).not.toBe(200);
    expect(response.body).not.toContain('<!doctype html>');
  });
});

describe('API responses', () => {
  it('compresses a customers page when the client accepts gzip, keeping the exact content type', async () => {
    const response = await t.as(ADMIN, {
      url: '/api/v4/customers?limit=250&with=contacts',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers['content-type']).toBe('application/hal+json');
    expect(response.headers.vary).toMatch(/accept-encoding/i);
    const body = JSON.parse(gunzipSync(response.rawPayload).toString()) as {
      _embedded: { customers: unknown[] };
    };
    expect(body._embedded.customers.length).toBeGreaterThan(0);
    expect(response.rawPayload.length).toBeLessThan(gunzipSync(response.rawPayload).length / 3);
  });

  it('prefers brotli when offered, and sends plain JSON to a client that asks for none', async () => {
    const br = await t.as(ADMIN, {
      url: '/api/v4/customers?limit=250',
      headers: { 'accept-encoding': 'gzip, br' },
    });
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toHaveProperty('_page');

    const plain = await t.as(ADMIN, { url: '/api/v4/customers?limit=250' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.json()).toHaveProperty('_page');
  });

  it('compresses a problem+json error body only past the threshold, and never breaks it', async () => {
    const response = await t.app.inject({
      url: '/api/v4/customers',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toBe('application/problem+json');
    const text =
      response.headers['content-encoding'] === 'gzip'
        ? gunzipSync(response.rawPayload).toString()
        : response.body;
    expect(JSON.parse(text)).toMatchObject({ status: 401 });
  });

  it('ignores a malformed Accept-Encoding rather than failing the request', async () => {
    const response = await t.as(ADMIN, {
      url: '/api/v4/customers?limit=250',
      headers: { 'accept-encoding': ';;q=,\u0000br;q=abc' },
    });
    expect(response.statusCode).toBe(200);
  });

  it('refuses a compressed request body instead of inflating it', async () => {
    const response = await t.as(ADMIN, {
      method: 'POST',
      url: '/api/v4/customers',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      payload: gzipSync(JSON.stringify([{ name: 'Zipped' }])),
    });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
  });
});
