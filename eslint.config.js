// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'fs',
  'fs/promises',
  'path',
  'os',
  'net',
  'http',
  'https',
  'child_process',
  'crypto',
  'stream',
  'zlib',
  'url',
  'util',
  'events',
  'worker_threads',
  'dns',
  'tls',
  'readline',
];
const nodeBuiltinPatterns = ['node:*', ...nodeBuiltins];

/**
 * The layering of ARCHITECTURE.md: each folder lists what it must never import.
 * A wrong import fails `npm run lint`, so a mistake cannot land.
 */
const layer = (files, forbidden, message, paths = []) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: [{ group: forbidden, message }], paths }],
  },
});

/** ipcMain lives in one file (src/main/ipc-registry.ts), ipcRenderer in the preload only. */
const ipcOutsideItsFile = [
  {
    name: 'electron',
    importNames: ['ipcMain', 'ipcRenderer'],
    message:
      'Only src/main/ipc-registry.ts registers IPC handlers, from the contract in src/shared.',
  },
];

const upperLayers = ['**/main/**', '**/main', '**/cli/**', '**/renderer/**', '**/preload/**'];

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'out',
      'dist',
      'release',
      'coverage',
      'tests/corpus/generated',
      '.tmp',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js', 'scripts/*.mjs', 'bin/*.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': 'error',
      'no-restricted-exports': [
        'error',
        {
          restrictDefaultExports: {
            direct: true,
            named: true,
            defaultFrom: true,
            namedFrom: true,
            namespaceFrom: true,
          },
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  // Config files and React components may export a default.
  {
    files: ['*.config.ts', '*.config.js', 'src/renderer/**/*.tsx'],
    rules: { 'no-restricted-exports': 'off' },
  },
  // Vitest's asymmetric matchers (expect.any, expect.stringMatching) are typed `any`.
  {
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  // Terminal programs speak on the console.
  {
    files: ['src/cli/**', 'src/sim/cli.ts', 'scripts/**', 'bench/**', 'tests/**'],
    rules: { 'no-console': 'off' },
  },
  layer(
    ['src/shared/**'],
    ['electron', '**/core/**', '**/sim/**', ...upperLayers, ...nodeBuiltinPatterns],
    'src/shared holds the IPC contract only: it may import zod and nothing else.',
  ),
  layer(
    ['src/core/**'],
    ['electron', '**/sim/**', ...upperLayers],
    'src/core runs in plain Node: it never imports electron, main, cli, renderer, preload or the simulator.',
  ),
  layer(
    ['src/main/**'],
    ['**/cli/**', '**/renderer/**', '**/preload/**', '**/sim/**'],
    'src/main may import core, shared and electron only.',
    ipcOutsideItsFile,
  ),
  layer(
    ['src/main/ipc-registry.ts'],
    ['**/cli/**', '**/renderer/**', '**/preload/**', '**/sim/**'],
    'src/main may import core, shared and electron only.',
  ),
  layer(
    ['src/preload/**'],
    [
      '**/core/**',
      '**/main/**',
      '**/cli/**',
      '**/renderer/**',
      '**/sim/**',
      ...nodeBuiltinPatterns,
    ],
    'src/preload exposes the contract of src/shared and nothing else.',
  ),
  layer(
    ['src/renderer/**'],
    [
      'electron',
      'got',
      'keytar',
      'conf',
      'electron-store',
      '**/core/**',
      '**/main/**',
      '**/cli/**',
      '**/preload/**',
      '**/sim/**',
      ...nodeBuiltinPatterns,
    ],
    'src/renderer talks only to window.mtp: no Node, no network, no core.',
  ),
  layer(
    ['src/cli/**'],
    ['electron', 'electron-store', '**/main/**', '**/renderer/**', '**/preload/**', '**/sim/**'],
    'src/cli drives core from a terminal: no electron, no simulator.',
  ),
  layer(
    ['src/sim/**'],
    ['electron', '**/core/**', ...upperLayers],
    'src/sim stands on its own so that it checks the clients rather than mirroring them.',
  ),
);
