import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'astro/config';
import { BASE_PATH, SITE_URL } from './src/config';
import { PAGEFIND_DIR } from './src/facts';
import { keepOutput } from './src/integrations/keep-output';
import { pagefind } from './src/integrations/pagefind/integration';
import { pruneBuildCache } from './src/integrations/prune-build-cache';
import { securityHeaders } from './src/integrations/security-headers';
import { serviceWorker } from './src/integrations/service-worker';
import { siteColours } from './src/integrations/site-colours';
import { WITHOUT } from './src/workarounds';
import { knownAstro } from './src/astro-internals';
import { articleMarkdown, SYNTAX_HIGHLIGHT } from './src/markdown/processor';
import {
  BEFORE_FIRST_PAINT,
  cspHash,
  FOLD_CONTENTS_ON_PHONES,
  HIDE_SEARCH_FORM,
  PRELOAD_LINKED_SEARCH,
} from './src/security/inline-code';

/** The last build's output kept for the next (keep-output.ts), unless left out or Astro is one it does not know. */
const KEEP_OUTPUT = !WITHOUT.has('kept-output') && knownAstro();

export default defineConfig({
  site: SITE_URL,
  base: BASE_PATH,
  trailingSlash: 'ignore',
  // Astro's own cache (the content store, the pages of the last build) sits beside the build
  // cache, outside node_modules, so `npm ci` keeps it. A build of other articles
  // (ARTICLES_DIR) keeps its cache apart from the site's.
  cacheDir: process.env.ASTRO_CACHE_DIR ?? '.cache/astro',
  // Pages render a few at a time, so social images (drawn by sharp on its own threads) are
  // drawn while the next pages render: both cores work. Output does not depend on it.
  build: { format: 'directory', concurrency: 4 },
  // The last build's output is kept for this one, and what this one did not make is removed
  // before the other integrations add their files (keep-output.ts): it comes first. The search
  // index's folder is Pagefind's integration's to keep; a change to the middleware, which every
  // page passes through, renders every page again. (`DOSSIER_WITHOUT=kept-output`: Astro
  // empties the folder itself, as it does by default.)
  integrations: [
    ...(KEEP_OUTPUT ? [keepOutput({ owned: [PAGEFIND_DIR], everyPage: ['src/middleware.ts'] })] : []),
    // The reader's own highlights, and the offline page, say nothing to a search engine.
    sitemap({ filter: (page) => !/\/(?:highlights|offline)\/$/u.test(new URL(page).pathname) }),
    pagefind(),
    securityHeaders(),
    serviceWorker(),
    pruneBuildCache(),
  ],
  // A strict Content-Security-Policy in every page (a meta element, which Astro writes with
  // the hashes of the scripts it inlines) and in `_headers` (security-headers.ts): scripts
  // and styles from the site only, the inline snippets by their hashes, WebAssembly
  // for Pagefind, no plug-ins, no <base>, forms to the site only.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
      ],
      scriptDirective: {
        resources: ["'self'", "'wasm-unsafe-eval'"],
        hashes: [cspHash(FOLD_CONTENTS_ON_PHONES), cspHash(BEFORE_FIRST_PAINT), cspHash(PRELOAD_LINKED_SEARCH)],
      },
      styleDirective: { resources: ["'self'"], hashes: [cspHash(HIDE_SEARCH_FORM)] },
    },
  },
  // The articles' pipeline (remark-gfm, heading and paragraph links, text direction), declared
  // in one place: each article's page renders its own file with it too. No syntax highlighting:
  // Shiki colours code with inline styles, which the policy above does not allow, so code in
  // an article is set plain (processor.ts).
  markdown: { processor: articleMarkdown, syntaxHighlight: SYNTAX_HIGHLIGHT },
  // Astro does not empty the output folder: keep-output.ts removes what a build did not make.
  // `worker.format`: the article's reading features are bundled on their own with `?worker&url`
  // (ArticleLayout.astro), as an ES module the page imports once it has been seen.
  // `siteColours`: the palette's CSS variables, from src/config.ts.
  vite: {
    plugins: [siteColours(), tailwindcss()],
    build: { emptyOutDir: !KEEP_OUTPUT },
    worker: { format: 'es' },
  },
  // A rebuild keeps (or, where the output is gone, copies from its cache) the pages whose
  // `cacheKey` (in getStaticPaths) and code are unchanged since the last build instead of
  // rendering them again: an article page depends on that
  // article and its previous, next and related articles, its social image on the article
  // alone, so an edit re-renders those, and the lists.
  experimental: { incrementalBuild: true },
});
