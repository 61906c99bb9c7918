import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import path from 'node:path';

/** Vite names every file under assets/ by its content hash: a changed file gets a new name. */
const HASHED = 'public, max-age=31536000, immutable';
/** index.html and the unhashed public files: cached, but asked again (ETag → 304) every time. */
const REVALIDATE = 'no-cache';

/**
 * The built console. The build writes a .br and a .gz beside each file (vite.config.ts), so a
 * compressed asset costs the server a file read, never a compression; the browser's
 * Accept-Encoding picks the sibling and `Vary: accept-encoding` keeps shared caches honest.
 */
export const staticFilesPlugin = fp(async (app: FastifyInstance, opts: { root: string }) => {
  const assets = `${path.sep}assets${path.sep}`;
  await app.register(fastifyStatic, {
    root: opts.root,
    wildcard: false,
    preCompressed: true,
    etag: true,
    lastModified: true,
    setHeaders: (reply, filePath) => {
      reply.header(
        'cache-control',
        filePath.startsWith(path.join(opts.root, assets)) ? HASHED : REVALIDATE,
      );
    },
  });
});
