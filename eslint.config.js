import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Page and pack strings are text, never HTML: the DOM's HTML sinks are forbidden everywhere. */
const noHtmlSinks = [
  {
    selector: "MemberExpression[property.name='innerHTML']",
    message: 'innerHTML is forbidden: render text with textContent or Preact.',
  },
  {
    selector: "MemberExpression[property.name='outerHTML']",
    message: 'outerHTML is forbidden: strings from pages and packs are text.',
  },
  {
    selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
    message: 'insertAdjacentHTML is forbidden.',
  },
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: 'dangerouslySetInnerHTML is forbidden.',
  },
  {
    selector: "Property[key.name='dangerouslySetInnerHTML']",
    message: 'dangerouslySetInnerHTML is forbidden.',
  },
  {
    selector: "CallExpression[callee.property.name='createContextualFragment']",
    message: 'createContextualFragment parses HTML: forbidden.',
  },
];

/**
 * Import boundaries. Code that runs in web pages (the content script, spotting and the card)
 * never reaches the store or sync: IndexedDB opened there would belong to the page's origin, and
 * those modules would weigh on every page. Components are props in, markup out: they never talk
 * to the background themselves.
 */
const nodeModule = {
  regex: '^node:|^(fs|path|os|crypto|child_process|url|util|stream|http|https|worker_threads)(/|$)',
  message: 'Browser code has no Node modules: this belongs in scripts/.',
};
const inPageCannotImport = {
  patterns: [
    nodeModule,
    {
      regex: '(^|/)(db|sync)(/|$)',
      message:
        'Code that runs in the page cannot import the store (utils/db) or sync (utils/sync).',
    },
    { regex: '^dexie($|/)', message: 'Dexie lives in the background and extension pages only.' },
  ],
};
const componentsCannotImport = {
  patterns: [
    nodeModule,
    {
      regex: '(^|/)(messaging|messengers)$|^@webext-core/messaging$|(^|/)pages/ask$',
      message: 'Components take data as props; the page that renders them asks the background.',
    },
  ],
};

const browserCannotImport = { patterns: [nodeModule] };

/**
 * The extension's own code runs in browsers, where Node's globals do not exist. Its tsconfig
 * asks for no Node types, but WXT's declarations import Vite's, which pull @types/node into the
 * program anyway, so the typecheck alone cannot refuse them: lint does.
 */
const nodeGlobals = [
  'process',
  'Buffer',
  'global',
  '__dirname',
  '__filename',
  'require',
  'module',
  'exports',
  'setImmediate',
  'clearImmediate',
].map((name) => ({ name, message: `${name} is Node's: browser code cannot use it.` }));

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.output-*/**',
      '.wxt/**',
      'node_modules/**',
      'demo-output/**',
      'docs/**',
      'coverage/**',
      'bench-output/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      'no-restricted-syntax': ['error', ...noHtmlSinks],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['entrypoints/**', 'components/**', 'utils/**'],
    rules: {
      'no-restricted-globals': ['error', ...nodeGlobals],
      'no-restricted-imports': ['error', browserCannotImport],
    },
  },
  {
    files: [
      'utils/spotting/**',
      'utils/card/**',
      'entrypoints/content-loader.ts',
      'entrypoints/spotter.ts',
      'entrypoints/hover.ts',
    ],
    rules: { 'no-restricted-imports': ['error', inPageCannotImport] },
  },
  {
    files: ['components/**'],
    rules: { 'no-restricted-imports': ['error', componentsCannotImport] },
  },
  {
    files: ['scripts/**', 'test/**', '*.config.*'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
