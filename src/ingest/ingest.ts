import GithubSlugger from 'github-slugger';
import { stringify } from 'yaml';
import { ArticleFrontmatterSchema, type ArticleFrontmatter } from '../schemas/article';
import { assignTags } from '../utils/tags';
import { describe } from './describe';
import { parseSeed, type SeedArticle } from './parse-seed';
import { SeedFormatError } from './seed-error';
import { bodyToMarkdown, bodyToPlainText } from './to-markdown';

/** One seed page: its path as the reader would type it, and its text. */
export interface Seed {
  file: string;
  text: string;
}

/** One Markdown file ingest writes: `<slug>.md` and its exact contents. */
export interface ArticleFile {
  slug: string;
  frontmatter: ArticleFrontmatter;
  contents: string;
}

/** First line of every file ingest writes; ingest only ever deletes files that carry it. */
export const GENERATED_MARKER = '# Written by `npm run ingest`: edit the seed, not this file.';

function frontmatterOf(article: SeedArticle, file: string): ArticleFrontmatter {
  const data = {
    title: article.title,
    author: article.author,
    section: article.section,
    tags: assignTags({ title: article.title, body: bodyToPlainText(article.body) }),
    description: describe(article.body),
    partner: article.partner,
    source: { file, firstLine: article.firstLine, lastLine: article.lastLine },
  };
  const parsed = ArticleFrontmatterSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SeedFormatError(
      file,
      article.firstLine,
      `an article whose ${issue?.path.join('.') || 'frontmatter'} is valid`,
      issue?.message ?? 'an invalid value',
    );
  }
  return parsed.data;
}

/** The file contents: YAML frontmatter in schema order, then the Markdown body. */
function render(frontmatter: ArticleFrontmatter, article: SeedArticle): string {
  const yaml = stringify(frontmatter, { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' });
  return `---\n${GENERATED_MARKER}\n${yaml}---\n\n${bodyToMarkdown(article.body)}`;
}

/**
 * Every article of every seed as the Markdown file that represents it, in seed order.
 * Pure and deterministic: the same seeds give byte-identical files. Slugs come from titles
 * and stay unique across all seeds. Throws `SeedFormatError` on the first bad seed.
 */
export function ingest(seeds: readonly Seed[]): ArticleFile[] {
  const slugger = new GithubSlugger();
  return seeds.flatMap(({ file, text }) =>
    parseSeed(text, file).map((article) => {
      const frontmatter = frontmatterOf(article, file);
      return { slug: slugger.slug(article.title), frontmatter, contents: render(frontmatter, article) };
    }),
  );
}
