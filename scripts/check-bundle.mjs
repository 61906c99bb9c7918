// The initial-JS budget of the grid route, checked from the build's manifest: the entry chunk,
// the chunks of the routes /customers renders (root, _app, customers index; vite.config.ts groups
// them in the `grid` chunk) and everything they import statically, gzipped, and how many files
// that is (each one a request on a cold load). Exit 1 over either budget. Deterministic, so it
// runs in `npm test`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { root } from './lib.mjs';

// The budget: the grid route's initial JS under 180 KB gzip. React alone is 66 KB of it, so
// whatever the first paint can do without (menus, overlays, filters, virtualizer, date pickers)
// loads later; see the README's Benchmarks for where the bytes go.
const BUDGET_KB = 180;
/** The critical-path budget: at most six JS files before the first row. */
const BUDGET_FILES = 6;
const GRID_CHUNK = 'grid';
const GRID_ROUTE_MODULES = [
  /src\/routes\/__root\.tsx/,
  /src\/routes\/_app\.tsx/,
  /src\/routes\/_app\/customers\/index\.tsx/,
];

const dist = path.resolve(root, process.env.DIST_DIR ?? 'dist');
const manifest = JSON.parse(readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8'));

const files = new Set();
function visit(key) {
  const chunk = manifest[key];
  if (!chunk || files.has(chunk.file)) return;
  files.add(chunk.file);
  for (const dep of chunk.imports ?? []) visit(dep);
}
for (const [key, chunk] of Object.entries(manifest)) {
  const source = chunk.src ?? key;
  // Error and not-found components load only when something goes wrong.
  const onError = /tsr-split=(errorComponent|notFoundComponent)/.test(source);
  const isGridRoute = !onError && GRID_ROUTE_MODULES.some((re) => re.test(source));
  if (chunk.isEntry || chunk.name === GRID_CHUNK || isGridRoute) visit(key);
}

let total = 0;
const rows = [];
for (const file of [...files].filter((f) => f.endsWith('.js'))) {
  const size = gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length;
  total += size;
  rows.push([file, size]);
}
rows.sort((a, b) => b[1] - a[1]);
for (const [file, size] of rows)
  console.log(`  ${(size / 1024).toFixed(1).padStart(7)} KB  ${file}`);
const kb = total / 1024;
const count = rows.length;
const bytesOk = kb <= BUDGET_KB;
const filesOk = count <= BUDGET_FILES;
console.log(
  `bundle: grid route initial JS ${kb.toFixed(1)} KB gzip (budget ${BUDGET_KB} KB): ${bytesOk ? 'ok' : 'OVER BUDGET'}`,
);
console.log(
  `bundle: grid route critical-path JS ${count} files (budget ${BUDGET_FILES}): ${filesOk ? 'ok' : 'OVER BUDGET'}`,
);
process.exit(bytesOk && filesOk ? 0 : 1);
