import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Import rules that keep the dependency direction UI → store → worker client → worker → engine. */
const restrict = (patterns) => ({
  'no-restricted-imports': ['error', { patterns }],
});

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-node',
      'wasm-core',
      'node_modules',
      'test-results',
      'playwright-report',
      'bench/out',
      '.tmp',
      '.nginx-run',
      '.prom-run',
    ],
  },
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { ecmaVersion: 2023, globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: restrict([
      {
        group: ['comlink'],
        message: 'UI reads and calls the store; only the worker pool uses comlink.',
      },
      {
        group: ['**/engine/wasm/*', '**/*.worker', '**/*.worker.ts'],
        message: 'UI never imports the worker or the wasm.',
      },
    ]),
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: restrict([
      {
        group: ['react', 'react-dom', 'zustand', 'comlink', '**/ui/*', '**/jobs/*', '**/worker/*'],
        message: 'The engine is DOM-free and knows nothing above it.',
      },
    ]),
  },
  {
    files: ['src/worker/**/*.ts'],
    rules: restrict([
      {
        group: ['react', 'react-dom', 'zustand', '**/ui/*', '**/jobs/*'],
        message: 'Worker code imports no React and no store.',
      },
    ]),
  },
  {
    files: ['src/jobs/**/*.ts'],
    rules: restrict([{ group: ['**/ui/*'], message: 'The store never imports the UI.' }]),
  },
  {
    files: ['server/**/*.ts'],
    ignores: ['server/telemetry-contract.test.ts'],
    rules: restrict([
      {
        regex: '(^|/)src/(?!telemetry/job-event\\.js$|engine/errors\\.js$)',
        message:
          'The telemetry endpoint imports only the shared contracts (the event schema and the error codes), never the app.',
      },
    ]),
  },
);
