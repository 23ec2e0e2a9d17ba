import { rehypeHeadingIds, unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'astro/config';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import remarkGfm from 'remark-gfm';
import { BASE_PATH, SITE } from './src/config';
import { pagefind } from './src/integrations/pagefind';
import { headingLinkOptions } from './src/markdown/heading-links';
import { rehypeParagraphLinks } from './src/markdown/paragraph-links';
import { rehypeTextDirection } from './src/markdown/text-direction';
import { remarkWordCount } from './src/markdown/word-count';

export default defineConfig({
  site: SITE.url,
  base: BASE_PATH,
  trailingSlash: 'ignore',
  // Astro's own cache (the content store, the pages of the last build) sits beside the build
  // cache, outside node_modules, so `npm ci` keeps it. A build of other articles
  // (ARTICLES_DIR) keeps its cache apart from the site's.
  cacheDir: process.env.ASTRO_CACHE_DIR ?? '.cache/astro',
  // Pages render a few at a time, so social images (drawn by sharp on its own threads) are
  // drawn while the next pages render: both cores work. Output does not depend on it.
  build: { format: 'directory', concurrency: 4 },
  integrations: [sitemap(), pagefind()],
  markdown: {
    processor: unified({
      remarkPlugins: [remarkGfm, remarkWordCount],
      // Heading ids first (Astro would add them after our plugins), then a link beside each
      // heading and a content-derived id and ¶ link on each paragraph; each block takes the
      // direction of its own text.
      rehypePlugins: [
        rehypeHeadingIds,
        [rehypeAutolinkHeadings, headingLinkOptions],
        rehypeParagraphLinks,
        rehypeTextDirection,
      ],
      // SmartyPants is off: seed text is shown exactly as written, `--` and "quotes" included.
      smartypants: false,
    }),
  },
  vite: { plugins: [tailwindcss()] },
  // A rebuild copies the pages whose `cacheKey` (in getStaticPaths) and code are unchanged
  // from the last build instead of rendering them again: an article page and its social
  // image depend on that article alone, so an edit re-renders those two, and the lists.
  experimental: { incrementalBuild: true },
});
