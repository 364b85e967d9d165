// Lint, including the layer walls of docs/architecture.md: each folder may import only the layers and packages
// its runtime allows. A wrong import fails `npm run lint` (and so `npm test`).
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import { builtinModules } from 'node:module';

const builtins = builtinModules.filter((m) => !m.startsWith('_')).map((m) => m.replace(/\//g, '\\/'));
const nodeBuiltin = `^(node:|(${builtins.join('|')})(\\/|$))`;
const layers = ['common', 'engine', 'store', 'service', 'main', 'preload', 'cli', 'web'];

/** Build the no-restricted-imports rule for one layer. */
function wall(layer, { layers: allowedLayers, packages, node }) {
  const forbiddenLayers = layers.filter((l) => l !== layer && !allowedLayers.includes(l));
  const patterns = [
    {
      regex: `(^|\\/)(${forbiddenLayers.join('|')})(\\/|$)`,
      message: `electron/${layer} may import only: ${[layer, ...allowedLayers].join(', ')} (see docs/architecture.md).`,
    },
    {
      regex: '(^|\\/)renderer(\\/|$)',
      message: `electron/${layer} must not import the renderer.`,
    },
    {
      // Bare package specifiers outside the allow-list (relative imports and node:* are handled separately).
      regex: `^(?!\\.|\\/|node:${packages.length ? '|' + packages.join('|') : ''})(?!(${builtins.join('|')})(\\/|$))`,
      message: `electron/${layer} may use only these packages: ${packages.map((p) => p.replace(/\\/g, '')).join(', ') || 'none'}.`,
    },
  ];
  if (!node) patterns.push({ regex: nodeBuiltin, message: `electron/${layer} must not use Node built-ins.` });
  return {
    files: [`electron/${layer}/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  };
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'test/lint/fixtures/**', 'electron/engine/kernels/assembly/**', 'bench/_tmp/**'] },
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] }, globals: { ...globals.browser } },
  },
  wall('common', { layers: [], packages: ['zod($|\\/)'], node: false }),
  wall('engine', { layers: ['common'], packages: ['@tensorflow\\/'], node: true }),
  // The WebGPU trainer page (renderer/trainer.html) runs this part of the engine in Chromium: no Node built-ins.
  { ...wall('engine', { layers: ['common'], packages: ['@tensorflow\\/'], node: false }), files: ['electron/engine/page/**/*.ts'] },
  wall('store', { layers: ['common'], packages: ['better-sqlite3$'], node: true }),
  wall('service', { layers: ['common', 'store'], packages: [], node: true }),
  wall('main', { layers: ['common', 'service', 'store'], packages: ['electron$'], node: true }),
  wall('preload', { layers: ['common'], packages: ['electron$'], node: false }),
  // cli and web share a row in docs/architecture.md; `gradient-lab serve` starts the web host.
  wall('cli', { layers: ['common', 'service', 'store', 'web'], packages: ['ws$'], node: true }),
  wall('web', { layers: ['common', 'service', 'store'], packages: ['ws$'], node: true }),
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.svelte'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: nodeBuiltin, message: 'The renderer must not use Node built-ins.' },
            { regex: '(^|\\/)electron\\/(?!common\\/)', message: 'The renderer may import only electron/common.' },
            { regex: `^(?!\\.|\\/|svelte($|\\/)|d3-)(?!${nodeBuiltin.slice(1)})`, message: 'The renderer may use only svelte and d3-* packages.' },
          ],
        },
      ],
    },
  },
);
