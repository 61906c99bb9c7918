/** The seeded test account: the demo seed, smaller, fixed RNG seed. */
export const TEST_CUSTOMERS = 300;
export const TEST_SEED = 42;

export function templateDatabaseUrl(serverUrl: string): string {
  const url = new URL(serverUrl);
  url.pathname = '/cc_test_template';
  return url.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: path of the seeded data-dir tarball. PostgreSQL: the template database's URL. */
    dbTemplate: { kind: 'pglite'; file: string } | { kind: 'postgres'; url: string };
  }
}
