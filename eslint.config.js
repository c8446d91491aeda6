// ESLint flat config. Besides type-aware rules, it enforces the one-way layering of
// docs/architecture.md: each layer lists the layers it must not import.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'url',
  'stream',
];

/** @param {string[]} layers @param {string} why */
function forbid(layers, why, extra = []) {
  return {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          // A layer is a folder of src/, reached by going up: '../store', '../../documents/x'.
          // The same name further down another path is not that layer ('../contract/documents').
          ...layers.map((layer) => ({
            regex: `^(\\.\\./)+${layer}(/|$)`,
            message: `${why} (layering: see docs/architecture.md)`,
          })),
          ...extra,
        ],
      },
    ],
  };
}

const outerLayers = ['store', 'services', 'documents', 'io', 'server', 'web', 'cli', 'demo'];

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'coverage', 'data', 'test-results', 'playwright-report', 'assets'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Tests read JSON responses whose shape they assert; `any` there is the point, not a slip.
    files: ['tests/**/*.ts', 'src/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: 'readonly', console: 'readonly' },
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: forbid(outerLayers, 'src/domain is pure: it imports nothing but domain', [
      { group: nodeBuiltins, message: 'src/domain is pure: no Node APIs' },
    ]),
  },
  {
    // The contract is shared by the server and the browser: zod and the domain, nothing else.
    files: ['src/contract/**/*.ts'],
    rules: forbid(outerLayers, 'src/contract imports only zod and src/domain', [
      { group: nodeBuiltins, message: 'src/contract runs in the browser too: no Node APIs' },
    ]),
  },
  {
    files: ['src/demo/**/*.ts'],
    rules: forbid(
      outerLayers.filter((l) => l !== 'demo'),
      'src/demo imports only domain',
    ),
  },
  {
    files: ['src/store/**/*.ts'],
    rules: forbid(['services', 'documents', 'io', 'server', 'web', 'cli'], 'src/store imports only domain'),
  },
  {
    files: ['src/documents/**/*.ts'],
    rules: forbid(
      ['store', 'services', 'io', 'server', 'web', 'cli', 'demo'],
      'src/documents imports only domain',
    ),
  },
  {
    files: ['src/io/**/*.ts'],
    rules: forbid(
      ['store', 'services', 'documents', 'server', 'web', 'cli', 'demo'],
      'src/io imports only domain',
    ),
  },
  {
    // Each feature folder of src/services has one public face, its index.ts: another feature
    // imports `../feature`, never a file inside it.
    files: ['src/services/index.ts'],
    rules: forbid(['server', 'web', 'cli'], 'services are called by server and cli, never the reverse'),
  },
  {
    files: ['src/services/*/**/*.ts'],
    rules: forbid(['server', 'web', 'cli'], 'services are called by server and cli, never the reverse', [
      {
        regex: '^\\.\\./[^./][^/]*/',
        message: 'a feature imports another only through its index: import from "../<feature>"',
      },
    ]),
  },
  {
    files: ['src/server/**/*.ts'],
    rules: forbid(
      ['store', 'documents', 'io', 'web', 'cli', 'demo'],
      'server routes are thin: they call services',
      [
        {
          regex: '(^|/)services/',
          message: 'the server uses the services through their index: import from "../services"',
        },
      ],
    ),
  },
  {
    // The web app's own folders may share a name with a layer (features/documents), so the
    // patterns name the layers by their depth below src/web.
    files: ['src/web/**/*.ts', 'src/web/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: outerLayers
                .filter((l) => l !== 'web')
                .flatMap((l) =>
                  ['../../', '../../../', '../../../../'].flatMap((up) => [up + l, `${up}${l}/**`]),
                ),
              message:
                'the web app talks to the server over HTTP only; it may import src/contract and src/domain (layering: see docs/architecture.md)',
            },
            { group: nodeBuiltins, message: 'the web app runs in the browser' },
          ],
        },
      ],
    },
  },
);
