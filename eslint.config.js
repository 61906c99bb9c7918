// @ts-check
import pluginQuery from '@tanstack/eslint-plugin-query';
import pluginRouter from '@tanstack/eslint-plugin-router';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Features import shared code, never each other; routes compose them (STYLE.md, front end 1). */
const FEATURES = ['account', 'auth', 'customers', 'settings', 'transactions'];
const featureBoundaries = FEATURES.map((feature) => ({
  files: [`src/features/${feature}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: FEATURES.filter((other) => other !== feature).map((other) => ({
          group: [`**/features/${other}/**`, `../../${other}/**`, `../../../${other}/**`],
          message: `Features do not import each other: move shared code to src/lib or src/components, or compose in a route.`,
        })),
      },
    ],
  },
}));

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'src/routeTree.gen.ts',
      'reports/**',
      'test-results/**',
      'playwright-report/**',
      'coverage/**',
      'data/**',
      '.bench/**',
    ],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },

  // The console: strict and type-aware.
  {
    files: ['src/**/*.{ts,tsx}'],
    extends: [
      tseslint.configs.strictTypeChecked,
      tseslint.configs.stylisticTypeChecked,
      reactHooks.configs.flat['recommended-latest'],
      pluginQuery.configs['flat/recommended'],
      pluginRouter.configs['flat/recommended'],
    ],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // `Array<'a' | 'b'>` reads better than `('a' | 'b')[]`; mapped types are not index signatures.
      '@typescript-eslint/array-type': ['error', { default: 'array-simple' }],
      '@typescript-eslint/consistent-indexed-object-style': 'off',
      // Classic zod is ~20 KB gzip of the initial bundle; the console uses zod/mini, through
      // src/contracts/zod.ts (it loads the English messages the contracts' errors rely on).
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ['zod', 'zod/v4', 'zod/v4/classic'].map((name) => ({
            name,
            message: "Use zod/mini: import { z } from 'src/contracts/zod'.",
          })),
        },
      ],
    },
  },
  {
    files: ['src/**/*.test.{ts,tsx}', 'src/test/**/*.{ts,tsx}'],
    rules: {
      // Stubs for browser APIs jsdom lacks are empty on purpose.
      '@typescript-eslint/no-empty-function': 'off',
    },
  },
  // The router's redirect()/notFound() protocol is to throw a non-Error object.
  {
    files: ['src/routes/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/only-throw-error': 'off' },
  },
  ...featureBoundaries,

  // Server, e2e, scripts, bench and config files: the lighter, non-type-aware set, so this config
  // never blocks the server engineer's own style choices beyond the basics.
  {
    files: ['**/*.{ts,mts,cts,js,mjs,cjs}'],
    ignores: ['src/**/*.{ts,tsx}'],
    extends: [tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
    languageOptions: {
      sourceType: 'commonjs',
      globals: { module: 'writable', require: 'readonly' },
    },
  },
);
