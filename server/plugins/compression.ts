import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { constants } from 'node:zlib';

/**
 * API responses compressed when the client accepts it. CPU is the API's limit, so the levels are
 * the cheap end, chosen by measurement on a 250-customer page (README "Performance"): brotli
 * quality 4 and gzip level 4 keep most of the size win for a fraction of the default levels' CPU.
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
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 4 },
  });
});
