import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** An import rule that refuses relative imports reaching into the named folders of src/. */
function noImportsOf(folders, why) {
  return {
    'no-restricted-imports': [
      'error',
      {
        patterns: folders.map((folder) => ({
          regex: `^(\\.\\./)+${folder}/`,
          message: `${why} (see "Layers" in README.md).`,
        })),
      },
    ],
  };
}

// The layers, top to bottom; each may import only those below it:
//   src/cli/  src/main.ts      commands
//   src/app/                   wiring: services, start and stop
//   src/server/                HTTP
//   src/graphql/               schema, resolvers, plugins, the one error map
//   src/<capability>/          the logic (rings, linkchart, ingest, entities, ...)
//   src/db/                    the only code that talks to Neo4j
//   src/shared/                errors with their codes, SerialQueue, the logger's type
const ABOVE_CAPABILITIES = ['app', 'graphql', 'server', 'cli'];

export default tseslint.config(
  { ignores: ['node_modules/', 'neo4j-launcher/', '.data/', 'src/graphql/generated/', 'public/vendor/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // A promise nobody awaits loses its error: an unhandled rejection, or a write reported done that is not.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/main.ts', ...ABOVE_CAPABILITIES.map((folder) => `src/${folder}/**`)],
    rules: noImportsOf(ABOVE_CAPABILITIES, 'A capability is called by the layers above it and never reaches up'),
  },
  {
    files: ['src/entities/**/*.ts', 'src/db/**/*.ts'],
    rules: noImportsOf(
      ['ingest', 'import', 'resolution', 'rings', 'linkchart', 'search', 'alerts', 'changes', ...ABOVE_CAPABILITIES],
      'Entities and the database gateway sit below the capabilities that write and analyse them',
    ),
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^\\.\\./', message: 'src/shared/ is the bottom layer and imports nothing of src/.' }] },
      ],
    },
  },
  {
    files: ['src/graphql/**/*.ts'],
    rules: noImportsOf(['app', 'server', 'cli'], 'The GraphQL layer is wired by src/app/ and never imports it'),
  },
  {
    files: ['src/server/**/*.ts'],
    rules: noImportsOf(['app', 'cli'], 'The HTTP layer is wired by src/app/ and never imports it'),
  },
  {
    files: ['src/app/**/*.ts'],
    rules: noImportsOf(['cli'], 'Commands use the app, not the other way round'),
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
);
