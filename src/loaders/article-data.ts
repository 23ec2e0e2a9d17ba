/**
 * What the articles' loader works out of one Markdown file, pure but for reading it: the
 * frontmatter checked with the one schema (a mistake is one `ContentError` line naming the
 * file, the line and the field), the tags (the frontmatter's, or the vocabulary's rules), a
 * description when it gives none, its word count and most used words.
 */
import { extractFrontmatter } from '@astrojs/markdown-remark';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TAGS_FILE } from '../config';
import { shorten } from '../ingest/description';
import { bylineName, keyOf } from '../ingest/heuristics';
import { quote } from '../ingest/ingest-error';
import { ARTICLE_FIELD_EXPECTS, ARTICLE_FIELDS, ArticleFrontmatterSchema } from '../schemas/article';
import { ContentError, issueError, lineOf, readYaml, type YamlSource } from '../schemas/content-error';
import { TAG_RULES, TAGS, tagNamed } from '../tags';
import { markdownText, openingText } from '../collection/markdown-text';
import { packTerms, termVector } from '../collection/related';
import { assignTags } from '../collection/tags';
import { wordCount } from '../collection/words';

/** A file as the loader reads it: its frontmatter's text and where it stands, and the body. */
export interface ArticleFile {
  /** Path from the project root, as errors name it. */
  file: string;
  frontmatter: YamlSource;
  body: string;
  /** Line the body starts on. */
  bodyLine: number;
}

/**
 * The file at `filePath` as the loader reads it; `root` is the project root, which errors
 * name paths from. Read again after Astro's glob loader has read it: the glob loader hands
 * over the frontmatter parsed, not its text, and errors need its lines.
 */
export function readArticleFile(filePath: string, root: string): ArticleFile {
  const code = readFileSync(filePath, 'utf8');
  const rawFrontmatter = extractFrontmatter(code) ?? '';
  const content = rawFrontmatter ? code.replace(`---${rawFrontmatter}---`, '') : code;
  const at = rawFrontmatter ? code.indexOf(rawFrontmatter) : 0;
  const firstLine = code.slice(0, at).split('\n').length;
  const relative = path.relative(root, filePath);
  return {
    // As the reader would type it: from the project's folder, or whole when outside it.
    file: relative.startsWith('..') ? filePath : relative.split(path.sep).join('/'),
    frontmatter: { text: rawFrontmatter, firstLine },
    body: content,
    bodyLine: firstLine + rawFrontmatter.split('\n').length,
  };
}

/** The article's tags as labels in vocabulary order: the frontmatter's, checked, or those the rules give. */
function tagsOf(article: ArticleFile, title: string, tags: readonly string[] | undefined): string[] {
  if (tags === undefined)
    return assignTags({ title: keyOf(title), body: keyOf(markdownText(article.body)) }, TAG_RULES);
  const labels = new Set<string>();
  tags.forEach((name, i) => {
    const tag = tagNamed(name);
    if (!tag) {
      const allowed =
        TAGS.length > 0 ? `one of ${TAGS.map((t) => t.label).join(', ')}` : `no tag (${TAGS_FILE} lists none)`;
      throw new ContentError(article.file, lineOf(article.frontmatter, ['tags', i]), 'tags', allowed, quote(name));
    }
    labels.add(tag.label);
  });
  return TAGS.filter((tag) => labels.has(tag.label)).map((tag) => tag.label);
}

/**
 * An article's stored data from its file: the frontmatter validated, then its tags,
 * description, word count and most used words. Throws `ContentError` on a mistake.
 * The frontmatter is read here as YAML 1.2 reads it (dates stay text, so `2026-02-30` is
 * refused rather than read as 2 March), the reader whose lines errors name.
 */
export function articleData(article: ArticleFile): Record<string, unknown> {
  const data = readYaml(article.file, article.frontmatter, 'YAML frontmatter') ?? {};
  const parsed = ArticleFrontmatterSchema.safeParse(data);
  if (!parsed.success) {
    throw issueError(article.file, article.frontmatter, data, parsed.error, ARTICLE_FIELD_EXPECTS, ARTICLE_FIELDS);
  }
  const frontmatter = parsed.data;
  const draft = frontmatter.draft ?? false;
  const words = wordCount(article.body);
  if (words === 0 && !draft) {
    throw new ContentError(
      article.file,
      article.bodyLine,
      undefined,
      'the article’s text after the frontmatter',
      'none',
    );
  }
  const { title, author } = frontmatter;
  return {
    ...frontmatter,
    // As a seed's byline: a leading `By ` is not part of the name (the page says "By" itself).
    ...(author !== undefined ? { author: bylineName(author) || author } : {}),
    tags: tagsOf(article, title, frontmatter.tags),
    description: frontmatter.description ?? shorten(openingText(article.body) || title),
    draft,
    words,
    // The title counts three times: it says most about what the article is about.
    terms: packTerms(termVector(`${title}\n${title}\n${title}\n${article.body}`)),
  };
}
