import { tanstackRouter } from '@tanstack/router-plugin/vite';
import react from '@vitejs/plugin-react';
import { constants as zlib } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

const apiPort = process.env.API_PORT ?? '3001';

/** The split route components the customers grid (the page people bookmark) renders. */
const GRID_ROUTES = [
  /src[\\/]routes[\\/]_app\.tsx\?tsr-split=component$/,
  /src[\\/]routes[\\/]_app[\\/]customers[\\/]index\.tsx\?tsr-split=component$/,
];
const GRID_CHUNK = 'grid';

type ModuleNode = {
  importers: readonly string[];
  exports: readonly string[];
  code: string | null;
};
type ModuleGraph = { getModuleInfo(id: string): ModuleNode | null };

/** A package's index that only re-exports its components (Mantine's): an edge to see through. */
const BARREL = /node_modules[\\/].+[\\/]index\.m?js$/;
const NAMED_IMPORT = /import\s*\{([^}]*)\}\s*from/g;

/** The names a module imports with `import { a, b as c } from …` (any source). */
function importedNames(code: string | null): Set<string> {
  const names = new Set<string>();
  for (const [, list] of (code ?? '').matchAll(NAMED_IMPORT)) {
    for (const part of list!.split(',')) {
      const name = part.trim().split(/\s+as\s+/)[0];
      if (name) names.add(name);
    }
  }
  return names;
}

/**
 * Whether a module is imported statically, through any chain, by one of the grid's route
 * components: those modules travel in one chunk instead of the twenty small shared chunks the
 * default splitting makes (each one a round trip on a cold load). A package index re-exports every
 * component, so an edge through it counts only when the importer names one of the module's
 * exports; otherwise every Mantine component in the app would land in the grid. Memoized per build.
 */
function createGridMembership() {
  const memo = new Map<string, boolean>();
  const names = new Map<string, Set<string>>();
  const namesOf = (id: string, node: ModuleNode) => {
    let set = names.get(id);
    if (!set) names.set(id, (set = importedNames(node.code)));
    return set;
  };
  const reaches = (id: string, graph: ModuleGraph, path: Set<string>): boolean => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    if (GRID_ROUTES.some((re) => re.test(id))) return true;
    if (path.has(id)) return false;
    path.add(id);
    const node = graph.getModuleInfo(id);
    const result = (node?.importers ?? []).some((importer) => {
      if (!BARREL.test(importer)) return reaches(importer, graph, path);
      const barrel = graph.getModuleInfo(importer);
      return (barrel?.importers ?? []).some((user) => {
        const userNode = graph.getModuleInfo(user);
        if (!userNode) return false;
        const wanted = namesOf(user, userNode);
        return node!.exports.some((name) => wanted.has(name)) && reaches(user, graph, path);
      });
    });
    path.delete(id);
    memo.set(id, result);
    return result;
  };
  return (id: string, graph: ModuleGraph) => reaches(id, graph, new Set());
}

/**
 * The grid chunk is loaded by the router (a dynamic import), so Vite does not preload it: name it
 * in index.html so it downloads in the first wave, beside the entry, not after the entry has run.
 */
function preloadGridChunk(): Plugin {
  return {
    name: 'preload-grid-chunk',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find(
          (file) => file.type === 'chunk' && file.name === GRID_CHUNK,
        );
        if (!chunk || chunk.type !== 'chunk') return [];
        const css = chunk.viteMetadata?.importedCss ?? new Set<string>();
        return [
          {
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `/${chunk.fileName}` },
            injectTo: 'head',
          },
          ...[...css].map((href) => ({
            tag: 'link',
            attrs: { rel: 'stylesheet', crossorigin: true, href: `/${href}` },
            injectTo: 'head' as const,
          })),
        ];
      },
    },
  };
}

const inGrid = createGridMembership();

export default defineConfig({
  plugins: [
    // The router plugin must run before react() so the split route chunks still get the JSX transform.
    tanstackRouter({ target: 'react', autoCodeSplitting: true }),
    react(),
    preloadGridChunk(),
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
        // The critical path of a bookmarked grid URL is four files: react, the bundler's runtime,
        // the entry (vendor + app code every page needs) and the grid (both route components with
        // everything only they import). Each one is a round trip on a cold load.
        codeSplitting: {
          groups: [
            // React changes rarely: its own long-cached chunk.
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/,
              priority: 4,
            },
            // What the entry needs before any route: router, query, the Mantine provider and the
            // app modules the entry shares with lazy routes. Vendor code used by lazy routes alone
            // (table, charts, dates) stays with those routes, off the initial JS budget.
            { name: 'shell', test: /./, tags: ['$initial'], priority: 3 },
            {
              name: (id, ctx) => (inGrid(id, ctx) ? GRID_CHUNK : null),
              debugName: GRID_CHUNK,
              priority: 2,
            },
          ],
        },
      },
    },
  },
});
