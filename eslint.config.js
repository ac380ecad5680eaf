// One lint configuration for the whole repository (server, CLI, domain, web, tests, benchmarks).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'scratch/**', '.regietafel/**', 'test-output/**', 'coverage/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs,cjs,ts,tsx}'],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    rules: {
      // `_`-prefixed names mark deliberately unused parameters and destructured rest siblings.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    languageOptions: {
      globals: { ...globals.browser },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The app uses the NL Design System only through our wrappers, so theme and upgrades stay in src/web/ui.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@utrecht/*', '@utrecht/**'],
              message: 'Importeer componenten uit src/web/ui (onze wrappers), niet rechtstreeks uit @utrecht.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/web/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': 'off',
    },
  },
  {
    files: ['test/browser/**/*.ts'],
    languageOptions: {
      // Callbacks passed to page.evaluate() run in the browser.
      globals: { ...globals.node, ...globals.browser },
    },
  },
);
