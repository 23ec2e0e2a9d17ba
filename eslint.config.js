// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/**
 * Astro fills in the environment object, wherever a module's text names it whole (in code or
 * in a comment), with every environment variable whose name the text holds: `_`, the command
 * the shell last ran, is in nearly all. A build started another way (through npm, by hand)
 * then has other code, and Astro renders every page again. One variable, as in
 * `import.meta.env.BASE_URL`, is written in alone. The check is Astro's own pattern.
 * @type {import('eslint').Rule.RuleModule}
 */
const envObjectWhole = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    return {
      Program(node) {
        const { sourceCode } = context;
        for (const match of sourceCode.text.matchAll(/\bimport\.meta\.env\b(?!\.)/g)) {
          context.report({
            node,
            loc: sourceCode.getLocFromIndex(match.index),
            message:
              'Name one variable (`import.meta.env.BASE_URL`), not the environment object whole, here or in a comment: Astro writes the environment the build was started from into such a module, and every page is rendered again when it is started another way.',
          });
        }
      },
    };
  },
};

export default defineConfig(
  // Build output, generated content and verbatim sources are not ours to lint.
  {
    ignores: [
      'dist/',
      'dist-reader/',
      '.astro/',
      '.cache/',
      'content/',
      'seeds/',
      'test/fixtures/',
      'node_modules/',
      'reports/',
      'test-results/',
      '.stryker-tmp/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  // Node for config, tools and tests; the browser for src/browser (and .astro <script>s).
  { languageOptions: { globals: { ...globals.node, ...globals.browser } } },
  // The command lines (ingest, the search index step, the tools) talk to a terminal; nothing else may.
  { rules: { 'no-console': 'error' } },
  { files: ['src/ingest/cli.ts', 'src/integrations/pagefind/cli.ts', 'tools/*.ts'], rules: { 'no-console': 'off' } },
  // No module of the site names the environment object whole (`envObjectWhole`, above says why).
  {
    files: ['src/**'],
    plugins: { dossier: { rules: { 'env-object-whole': envObjectWhole } } },
    rules: { 'dossier/env-object-whole': 'error' },
  },
  // Formatting is Prettier's job.
  prettier,
);
