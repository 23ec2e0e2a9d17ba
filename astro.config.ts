import { unified } from '@astrojs/markdown-remark';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'astro/config';
import remarkGfm from 'remark-gfm';
import { BASE_PATH, SITE } from './src/config';
import { pagefind } from './src/integrations/pagefind';

export default defineConfig({
  site: SITE.url,
  base: BASE_PATH,
  trailingSlash: 'ignore',
  // A build of other articles (ARTICLES_DIR) keeps its content cache apart from the site's.
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
  build: { format: 'directory' },
  integrations: [pagefind()],
  // SmartyPants is off: seed text is shown exactly as written, `--` and "quotes" included.
  markdown: { processor: unified({ remarkPlugins: [remarkGfm], smartypants: false }) },
  vite: { plugins: [tailwindcss()] },
});
