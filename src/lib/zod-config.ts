import { z } from '../contracts/zod';

// zod 4 probes `new Function` when an object schema is created, to JIT its parser. The server's
// CSP (script-src 'self') refuses it and Chromium logs a violation on every page load. Must run
// before any contract module is evaluated, so main.tsx imports this file first.
z.config({ jitless: true });
