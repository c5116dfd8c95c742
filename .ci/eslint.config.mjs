// ESLint flat config for the whole repository, run by `npm run lint` (which passes --config: it lives in .ci/ so the
// top level keeps only the package files, tsconfig.json, jest.config.ts and dotfiles). Not type-aware on purpose:
// `npm run typecheck` already checks types, and this stays at a few seconds on two cores.
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Patterns are relative to the repository root (ESLint 9 would take --config's patterns from the working directory).
const basePath = fileURLToPath(new URL('..', import.meta.url));

export default tseslint.config(
  {
    basePath,
    // codegen output (schema/partner-client/generated.ts, admin/src/graphql/generated.ts) is checked by its own --check
    ignores: ['**/dist/', 'coverage/', 'data/', '**/generated.ts', 'admin/test/screenshots/'],
  },
  {
    basePath,
    files: ['**/*.{ts,tsx,mts,cts,js,mjs,cjs}'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    rules: {
      // a leading _ marks a binding left unused on purpose: a key dropped by a rest, a hook's unused parameter, `for (const _ of s)`
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // each module adds its services to `Services` by declaration merging: `interface Services extends ModuleServices<…> {}`
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      // Chinese text in JSX uses the ideographic space (U+3000) between phrases
      'no-irregular-whitespace': ['error', { skipJSXText: true }],
      // a row's cells are destructured with `let [a, b, …]` and only some of them are corrected afterwards
      'prefer-const': ['error', { destructuring: 'all' }],
    },
  },
  {
    basePath,
    files: ['api/**'],
    rules: {
      // TypeORM (entities, migrations, getMetadata) and type-graphql (buildSchema's resolvers) take classes typed as `Function`
      '@typescript-eslint/no-unsafe-function-type': 'off',
    },
  },
  {
    basePath,
    files: ['api/test/**', 'api/bench/**', 'admin/test/**'],
    rules: {
      // tests read GraphQL answers as the JSON they are (`res.data.allX[0].id`); typing every answer would test the types, not the API
      '@typescript-eslint/no-explicit-any': 'off',
      // a test module loads fixtures and module expectations found at run time (api/test/module-expectations.ts, templates.ts)
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    basePath,
    files: ['api/**', 'schema/**', 'seeds/**', 'admin/scripts/**', 'admin/test/**', 'admin/vite.config.mts', '.ci/**', '*.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    basePath,
    files: ['admin/src/**'],
    languageOptions: { globals: globals.browser },
  },
  {
    basePath,
    files: ['admin/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    // The two rules of hooks, as errors. Not the plugin's React Compiler rules (set-state-in-effect, refs,
    // preserve-manual-memoization…): they describe what the compiler can optimise, and the console does not
    // use the compiler; a screen that loads on mount and sets state in its effect is correct React here.
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    basePath,
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: {
      // a CommonJS file (jest's summary reporter) loads modules with require by definition
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
);
