// `npm start`: build the console when dist/ is missing or older than its sources, then serve
// console + API on http://127.0.0.1:${PORT:-3000} (embedded PGlite in DATA_DIR unless DATABASE_URL).
//
// The server runs in this very process (tsx registered in-process), not in a child: a SIGTERM
// to npm start's process group then reaches the server itself, which stops accepting, answers
// the requests in flight (one whose body is still arriving too) and closes the database. With a
// supervisor → tsx → node chain, the group signal killed the server before it had drained.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { register } from 'tsx/esm/api';
import { bin, root, run } from './lib.mjs';

function newestMtime(entry) {
  const full = path.join(root, entry);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(full).map((name) => newestMtime(path.join(entry, name))));
}

// STATIC_DIR names another build to serve: then there is nothing to build here.
if (!process.env.STATIC_DIR) {
  const built = path.join(root, 'dist/index.html');
  const sources = ['src', 'public', 'index.html', 'vite.config.ts', 'package-lock.json'];
  if (!existsSync(built) || Math.max(...sources.map(newestMtime)) > statSync(built).mtimeMs) {
    console.log('Building the console (vite build)…');
    const code = await run(bin('vite'), ['build', '--logLevel', 'warn']);
    if (code !== 0) process.exit(code);
  }
}

process.chdir(root);
register();
await import('../server/cli.ts');
