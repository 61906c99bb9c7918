// Starts the production server for Playwright: the built console (dist/) and the API on a fresh,
// temporary DATA_DIR with the demo seed. Stops only the child it started, and removes the dir.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
// DIST_DIR: another build to serve (two checkouts' or helpers' runs need not share dist/).
const distDir = path.resolve(root, process.env.DIST_DIR ?? 'dist');
if (!existsSync(path.join(distDir, 'index.html'))) {
  console.log('[e2e-server] no production build: running vite build');
  const build = spawnSync('npx', ['vite', 'build', '--outDir', distDir], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'cc-e2e-'));
const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['server/cli.ts', 'serve'], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    PORT: process.env.E2E_PORT ?? '4173',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    SEED: 'demo',
    STATIC_DIR: distDir,
    LOG_LEVEL: 'warn',
  },
});

let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  child.kill('SIGTERM');
  const force = setTimeout(() => child.kill('SIGKILL'), 5000);
  child.once('exit', () => {
    clearTimeout(force);
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(code);
  });
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
child.on('exit', (code) => {
  if (!stopping) {
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(code ?? 1);
  }
});
