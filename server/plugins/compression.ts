import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { constants } from 'node:zlib';

/**
 * API responses compressed when the client accepts it. CPU is the API's limit, so the levels are
 * the cheapest, chosen by measurement on a 250-customer page with contacts (bench/compression-levels.ts,
 * README "Performance"): brotli quality 1 takes 399 KB to 37 KB (9.4 %) in about a third of the
 * CPU of quality 4 (32 KB) and a quarter of gzip 6; gzip level 1 (11 %) for clients without br.
 * Static files never reach this hook compressed twice: they are served precompressed with a
 * Content-Encoding already set, which the plugin leaves alone.
 */
export const compressionPlugin = fp(async (app: FastifyInstance) => {
  await app.register(compress, {
    global: true,
    // Request bodies stay uncompressed: a gzip bomb would otherwise slip past bodyLimit's intent.
    globalDecompression: false,
    encodings: ['br', 'gzip'],
    threshold: 1024,
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } },
    zlibOptions: { level: 1 },
  });
});
