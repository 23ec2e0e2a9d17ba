// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

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
  // `import.meta.env` read whole (`import.meta.env?.X`, passed on) is filled in by Astro with
  // environment variables of the shell that started the build, `_` among them, so a build
  // started another way renders every page afresh; `import.meta.env.X` is replaced alone.
  {
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "MemberExpression[object.type='MetaProperty'][property.name='env']:not(MemberExpression[optional=false] > MemberExpression.object)",
          message:
            "Read one variable (`import.meta.env.BASE_URL`), not `import.meta.env` whole: Astro fills that in with the environment the build was started from, which changes the pages' code from one way of building to another, and every page is rendered again.",
        },
      ],
    },
  },
  // Formatting is Prettier's job.
  prettier,
);
