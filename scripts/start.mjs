// `npm start`: build the console when dist/ is missing or older than its sources, then serve
// console + API on http://127.0.0.1:${PORT:-3000} (embedded PGlite in DATA_DIR unless DATABASE_URL).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { bin, root, run, supervise } from './lib.mjs';

function newestMtime(entry) {
  const full = path.join(root, entry);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(full).map((name) => newestMtime(path.join(entry, name))));
}

const built = path.join(root, 'dist/index.html');
const sources = ['src', 'public', 'index.html', 'vite.config.ts', 'package-lock.json'];
if (!existsSync(built) || Math.max(...sources.map(newestMtime)) > statSync(built).mtimeMs) {
  console.log('Building the console (vite build)…');
  const code = await run(bin('vite'), ['build', '--logLevel', 'warn']);
  if (code !== 0) process.exit(code);
}

const server = spawn(bin('tsx'), ['server/cli.ts', 'serve'], { cwd: root, stdio: 'inherit' });
supervise([server]);
