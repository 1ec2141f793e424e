// ESLint flat config. Syntax-only typescript-eslint rules (no type information: lint stays
// fast) plus the architecture rules of STYLE.md rule 6, checked by eslint-plugin-boundaries.
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// Resolves `./x.js` to `./x.ts` (NodeNext) so the boundary rules can see where an import goes.
const tsResolver = fileURLToPath(new URL('./scripts/eslint-ts-resolver.cjs', import.meta.url));

const nodeGlobals = Object.fromEntries(
  [
    'AbortController',
    'Buffer',
    'URL',
    'URLSearchParams',
    'clearInterval',
    'clearTimeout',
    'console',
    'fetch',
    'performance',
    'process',
    'queueMicrotask',
    'setImmediate',
    'setInterval',
    'setTimeout',
    'structuredClone',
  ].map((name) => [name, 'readonly']),
);

/** The layers of a module, by file name inside `src/modules/<module>/`. */
const LAYERS = ['module-index', 'module-routes', 'module-service', 'module-store'];

/** Same module as the importing file / another module. */
const sameModule = { module: '{{from.element.captured.module}}' };
const otherModule = { module: '!{{from.element.captured.module}}' };

/** Policy: files of category `fromCategory` must not import `toCategories` of their own module. */
const layer = (fromCategory, toCategories, message) => ({
  from: { element: { type: 'module' }, file: { categories: fromCategory } },
  disallow: {
    to: { element: { type: 'module', captured: sameModule }, file: { categories: toCategories } },
  },
  message,
});

export default defineConfig(
  {
    ignores: [
      '**/node_modules/**',
      'web/dist/**',
      'data/**',
      'coverage/**',
      '.cache/**',
      'seed/**',
      'test-results/**',
    ],
  },
  {
    files: [
      'src/**/*.ts',
      'test/**/*.ts',
      'bench/**/*.ts',
      'scripts/**/*.{ts,mjs,cjs}',
      'bin/**/*.mjs',
      'web/src/**/*.{ts,tsx}',
      'web/*.ts',
      '*.{ts,js}',
    ],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: nodeGlobals },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': 'error',
    },
  },
  {
    files: ['scripts/**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { ...nodeGlobals, require: 'readonly', exports: 'writable', module: 'writable' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Entry points and tools talk to the terminal.
    files: ['src/main.ts', 'src/cli.ts', 'scripts/**', 'bench/**', 'bin/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // TypeScript itself checks browser globals here (no-undef is off for .ts/.tsx).
    files: ['web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'no-console': ['error', { allow: ['warn', 'error'] }],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },

  // ── Architecture (STYLE.md rule 6) ─────────────────────────────────────────────────────────
  {
    files: ['src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { [tsResolver]: {} },
      'boundaries/include': ['src/**/*.ts'],
      // `export … from` and `import()` cross boundaries too (the default is static imports only).
      'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import'],
      // Elements are folders; the first descriptor that matches wins.
      'boundaries/elements': [
        { type: 'module', pattern: 'src/modules/*', capture: ['module'], partialMatch: false },
        { type: 'platform', pattern: 'src/platform', partialMatch: false },
        { type: 'migration', pattern: 'src/migrations', partialMatch: false },
        { type: 'app', pattern: 'src', partialMatch: false },
      ],
      // A file's layer inside its module; the first descriptor that matches wins.
      'boundaries/files-single-match': true,
      'boundaries/files': [
        { category: 'test', pattern: 'src/**/*.test.ts' },
        { category: 'module-index', pattern: 'src/modules/*/index.ts' },
        {
          category: 'module-routes',
          pattern: ['src/modules/*/routes.ts', 'src/modules/*/routes/**'],
        },
        {
          category: 'module-service',
          pattern: [
            'src/modules/*/service.ts',
            'src/modules/*/service/**',
            'src/modules/*/queries.ts',
          ],
        },
        {
          category: 'module-store',
          pattern: ['src/modules/*/store.ts', 'src/modules/*/store-*.ts', 'src/modules/*/store/**'],
        },
        { category: 'module-other', pattern: 'src/modules/*/**' },
      ],
      'boundaries/legacy-templates': false,
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'allow',
          checkInternals: true, // the layer rules are between files of the same module
          policies: [
            {
              from: { element: { type: 'platform' } },
              disallow: { to: { element: { type: 'module' } } },
              message: 'platform/ must not import modules/ (STYLE rule 6): pass what it needs in.',
            },
            {
              from: { element: { type: 'migration' } },
              disallow: { to: { element: { types: ['module', 'app'] } } },
              message: 'A migration is frozen in time: it must not import modules/ or app files.',
            },
            {
              from: { element: { type: 'module' } },
              disallow: {
                to: {
                  element: { type: 'module', captured: otherModule },
                  file: { categories: '!module-index' },
                },
              },
              message:
                'Module {{from.element.captured.module}} may use module {{to.element.captured.module}} only through its index.ts.',
            },
            layer(
              'module-store',
              ['module-index', 'module-routes', 'module-service'],
              'A store must not import its service, routes or index (routes → service → store).',
            ),
            layer(
              'module-service',
              ['module-index', 'module-routes'],
              'A service must not import its routes or index (routes → service → store).',
            ),
            layer(
              'module-routes',
              ['module-index', 'module-store'],
              'Routes must not import the store or the index (routes → service → store).',
            ),
            layer(
              'module-other',
              LAYERS,
              'Schemas and helpers must not import routes, service, store or index of their module.',
            ),
          ],
        },
      ],
    },
  },
);
