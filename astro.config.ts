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

export default defineConfig({
  site: SITE.url,
  base: BASE_PATH,
  trailingSlash: 'ignore',
  // A build of other articles (ARTICLES_DIR) keeps its content cache apart from the site's.
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
  // Pages render a few at a time, so social images (drawn by sharp on its own threads) are
  // drawn while the next pages render: both cores work. Output does not depend on it.
  build: { format: 'directory', concurrency: 4 },
  integrations: [sitemap(), pagefind()],
  markdown: {
    processor: unified({
      remarkPlugins: [remarkGfm],
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
});
