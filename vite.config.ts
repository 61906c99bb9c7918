import { tanstackRouter } from '@tanstack/router-plugin/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { constants as zlib } from 'node:zlib';

const apiPort = process.env.API_PORT ?? '3001';

export default defineConfig({
  plugins: [
    // The router plugin must run before react() so the split route chunks still get the JSX transform.
    tanstackRouter({ target: 'react', autoCodeSplitting: true }),
    react(),
    // Precompressed at build time at the highest levels (the server pays nothing per request):
    // @fastify/static serves the .br/.gz sibling the browser accepts.
    compression({
      algorithms: [
        defineAlgorithm('brotliCompress', { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }),
        defineAlgorithm('gzip', { level: 9 }),
      ],
      exclude: [/\.vite[\\/]/],
      logLevel: 'silent',
    }),
  ],
  server: {
    proxy: {
      '/api': { target: `http://127.0.0.1:${apiPort}`, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    target: 'es2022',
    // scripts/check-bundle.mjs walks the chunk graph of the grid route from the manifest.
    manifest: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // React changes rarely: its own long-cached chunk.
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/,
              priority: 3,
            },
            // Only the vendor code the first paint needs (router, query, the Mantine parts of the
            // shell). Vendor code used by lazy routes alone (table, charts, dates) stays with those
            // routes so it never weighs on the initial JS budget.
            {
              name: 'vendor',
              test: /node_modules[\\/]/,
              tags: ['$initial'],
              priority: 2,
            },
          ],
        },
      },
    },
  },
});
