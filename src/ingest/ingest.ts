import { parse, stringify } from 'yaml';
import { ArticleFrontmatterSchema, type ArticleFrontmatter } from '../schemas/article';
import { descriptionOf } from './description';
import { parseSeed, type SeedArticle } from './parse-seed';
import { IngestError, quote } from './ingest-error';
import { assignSlugs, type WrittenArticle } from './slugs';
import { bodyToMarkdown } from './to-markdown';

/** One seed page: its path as the reader would type it, and its text. */
export interface Seed {
  file: string;
  text: string;
}

/** The frontmatter ingest writes: always a section, a description and the seed lines. */
export type SeedFrontmatter = ArticleFrontmatter &
  Required<Pick<ArticleFrontmatter, 'section' | 'description' | 'source'>>;

/** One Markdown file ingest writes: `<slug>.md` and its exact contents. */
export interface ArticleFile {
  slug: string;
  frontmatter: SeedFrontmatter;
  contents: string;
}

/** First line of every file ingest writes; ingest only ever replaces or removes files that carry it. */
export const GENERATED_MARKER = '# Written by `npm run ingest`: edit the seed, not this file.';

const OPENING = `---\n${GENERATED_MARKER}\n`;
const CLOSING = '\n---\n\n';

/**
 * The frontmatter of a seed's article. No `tags`: the build gives them by the vocabulary's
 * rules (`content/tags.yml`), so a tag added or removed there reaches every seed article at
 * the next build, with nothing to ingest again.
 */
function frontmatterOf(article: SeedArticle, file: string): SeedFrontmatter {
  const data = {
    title: article.title,
    author: article.author,
    section: article.section,
    description: descriptionOf(article.body),
    partner: article.partner,
    source: { file, firstLine: article.firstLine, lastLine: article.lastLine },
  };
  const parsed = ArticleFrontmatterSchema.safeParse(data);
  // Stryker disable all: not reached while the parser yields only valid fields; it is there so
  // a change to the schema fails at ingest, naming the article, not in `astro build`.
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new IngestError(file, article.firstLine, `an article whose ${issue.path.join('.')} is valid`, issue.message);
  }
  // Stryker restore all
  return { ...parsed.data, section: article.section, description: data.description, source: data.source };
}

/** The file contents: YAML frontmatter in schema order, then the Markdown body. */
function render(frontmatter: SeedFrontmatter, body: string): string {
  const yaml = stringify(frontmatter, { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' });
  return `${OPENING}${yaml}---\n\n${body}`;
}

/** Whether a file's contents are ingest's: they open with `GENERATED_MARKER`. */
export function isGenerated(contents: string): boolean {
  return contents.startsWith(OPENING);
}

/**
 * The title and seed lines of an article file's frontmatter, as the one schema has them, read
 * as slugs need them: other fields are let through, so a file an older ingest wrote is read.
 */
const WrittenFrontmatterSchema = ArticleFrontmatterSchema.pick({ title: true, source: true })
  .required({ source: true })
  .loose();

/**
 * An article file an earlier run wrote, read back as slugs need it (title, source, body).
 * Only those are read, so a file an older ingest wrote (one with `tags`, say) is read as well.
 * `path` only names it in errors: a file without them is refused rather than guessed at,
 * since the slug the file holds depends on them.
 */
export function readWritten(path: string, slug: string, contents: string): WrittenArticle {
  const end = contents.indexOf(CLOSING);
  let found = 'no closing "---"';
  if (end !== -1) {
    try {
      const frontmatter = WrittenFrontmatterSchema.safeParse(parse(contents.slice(OPENING.length, end)));
      if (frontmatter.success) {
        const { title, source } = frontmatter.data;
        return { slug, title, file: source.file, line: source.firstLine, body: contents.slice(end + CLOSING.length) };
      }
      found = frontmatter.error.issues.map((issue) => `${issue.path.join('.')} missing or wrong`).join(', ');
    } catch (error) {
      found = quote((error as Error).message.split('\n')[0]!);
    }
  }
  throw new IngestError(
    path,
    2,
    'frontmatter as ingest writes it, with a title and source (delete the file to have ingest write it again)',
    found,
  );
}

/**
 * Every article of every seed as the Markdown file that represents it, in seed order.
 * Pure and deterministic: the same seeds and `written` files give byte-identical files.
 * An article that an earlier run `written` holds keeps its slug; see `assignSlugs`. Throws
 * `IngestError` on the first bad seed.
 */
export function ingest(seeds: readonly Seed[], written: readonly WrittenArticle[]): ArticleFile[] {
  const articles = seeds.flatMap(({ file, text }) =>
    parseSeed(text, file).map((article) => {
      const frontmatter = frontmatterOf(article, file);
      const body = bodyToMarkdown(article.body);
      return { frontmatter, body, contents: render(frontmatter, body) };
    }),
  );
  const slugs = assignSlugs(
    articles.map(({ frontmatter: { title, source }, body }) => ({
      title,
      file: source.file,
      line: source.firstLine,
      body,
    })),
    written,
  );
  return articles.map(({ frontmatter, contents }, i) => ({ slug: slugs[i]!, frontmatter, contents }));
}
