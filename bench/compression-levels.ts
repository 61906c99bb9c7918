/**
 * `npx tsx bench/compression-levels.ts page.json`: what each brotli/gzip level costs in CPU and
 * saves in bytes on one API response (save a `?limit=250&with=contacts` page with curl first).
 * The API's limit is CPU, so server/plugins/compression.ts takes the cheapest level that keeps
 * most of the size win.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const file = process.argv[2];
if (!file) throw new Error('usage: tsx bench/compression-levels.ts <response.json>');
const body = readFileSync(file);
const ROUNDS = 40;

function time(label: string, run: () => Buffer) {
  run();
  const start = process.hrtime.bigint();
  let size = 0;
  for (let i = 0; i < ROUNDS; i++) size = run().length;
  const ms = Number(process.hrtime.bigint() - start) / 1e6 / ROUNDS;
  const ratio = ((size / body.length) * 100).toFixed(1);
  console.log(
    `${label.padEnd(12)} ${String(size).padStart(8)} B  ${ratio.padStart(5)} %  ${ms.toFixed(2).padStart(6)} ms`,
  );
}

console.log(`${body.length} B uncompressed, load ${loadavg()[0]!.toFixed(2)}`);
for (const level of [1, 4, 6, 9]) time(`gzip ${level}`, () => gzipSync(body, { level }));
for (const quality of [1, 3, 4, 5, 6, 11]) {
  time(`brotli ${quality}`, () =>
    brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: quality,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
  );
}
