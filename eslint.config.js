// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', '.cache/**', 'examples/**/build/**', '**/custom-elements.json'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // An empty catch must say where the error went (house style §5).
      'no-empty': ['error', { allowEmptyCatch: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='eval']", message: 'No eval: we run under a strict CSP.' },
        { selector: "NewExpression[callee.name='Function']", message: 'No new Function: we run under a strict CSP.' },
      ],
    },
  },
  {
    files: ['packages/*/test/**/*.browser.test.ts'],
    languageOptions: { globals: { ...globals.mocha } },
  },
);
