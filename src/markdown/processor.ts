/**
 * The Markdown pipeline of an article, declared once: `astro.config.ts` gives it to Astro,
 * and `renderArticle()` renders an article's file with it when its page is built.
 */
import { markdownConfigDefaults, parseFrontmatter, rehypeHeadingIds, unified } from '@astrojs/markdown-remark';
import type { MarkdownHeading } from 'astro';
import { readFile } from 'node:fs/promises';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import remarkGfm from 'remark-gfm';
import { headingLinkOptions } from './heading-links';
import { rehypeParagraphLinks } from './paragraph-links';
import { rehypeTextDirection } from './text-direction';

export const articleMarkdown = unified({
  remarkPlugins: [remarkGfm],
  // Heading ids first (Astro would add them after our plugins), then each heading's text made
  // a link to it, a content-derived id and a link on each paragraph; each block takes the
  // direction of its own text.
  rehypePlugins: [
    rehypeHeadingIds,
    [rehypeAutolinkHeadings, headingLinkOptions],
    rehypeParagraphLinks,
    rehypeTextDirection,
  ],
  // SmartyPants is off: seed text is shown exactly as written, `--` and "quotes" included.
  smartypants: false,
});

/**
 * Code in an article is set plain, not highlighted: Shiki, Astro's highlighter, colours code
 * with `style` attributes, which the site's Content-Security-Policy does not allow.
 */
export const SYNTAX_HIGHLIGHT = false;

let renderer: ReturnType<typeof articleMarkdown.createRenderer> | undefined;

/** An article's body as HTML, and its headings (for the contents list). */
export interface RenderedArticle {
  html: string;
  headings: MarkdownHeading[];
}

/**
 * Render the article in the Markdown file at `filePath` (relative to the project root), as
 * Astro would render a Markdown file with the site's settings.
 */
export async function renderArticle(filePath: string): Promise<RenderedArticle> {
  renderer ??= articleMarkdown.createRenderer({
    syntaxHighlight: SYNTAX_HIGHLIGHT,
    shikiConfig: markdownConfigDefaults.shikiConfig,
  });
  const { content } = parseFrontmatter(await readFile(filePath, 'utf8'));
  const { code, metadata } = await (await renderer).render(content.trim());
  return { html: code, headings: metadata.headings };
}
