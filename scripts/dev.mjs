// `npm run dev`: the API on API_PORT (3001) and Vite with hot reload on PORT (3000), which
// proxies /api to it. Same DATA_DIR as `npm start`, so do not run both at once (the lock says so).
import { spawn } from 'node:child_process';
import { bin, root, supervise } from './lib.mjs';

const apiPort = process.env.API_PORT ?? '3001';
const api = spawn(bin('tsx'), ['watch', '--clear-screen=false', 'server/cli.ts', 'serve'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, PORT: apiPort, STATIC_DIR: './no-static-in-dev' },
});
const vite = spawn(bin('vite'), ['--port', process.env.PORT ?? '3000', '--strictPort'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, API_PORT: apiPort },
});
supervise([api, vite]);
