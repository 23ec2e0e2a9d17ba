/**
 * The `articles` collection's loader: Astro's glob loader over the Markdown files of a folder
 * (those whose names start with `_` left out), each file's frontmatter validated with the
 * one schema (`schemas/article.ts`), and what lists of articles need worked out of its file:
 * its tags (the frontmatter's, or the vocabulary's rules), a description when it gives none,
 * its word count and most used words. A mistake in a file stops the build with one line
 * naming the file, the line and the field (`schemas/content-error.ts`).
 *
 * The content store keeps that, without the body or HTML: each article's page renders its own
 * file (`renderArticle()`). Astro loads the whole store into every build of every page, and
 * rendered HTML and Markdown bodies were 95 % of it (160 MB at 10,000 articles); and a page
 * rendered from its file can be skipped by an incremental rebuild when that file is unchanged.
 */
import { extractFrontmatter } from '@astrojs/markdown-remark';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { shorten } from '../ingest/description';
import { bylineName, keyOf } from '../ingest/heuristics';
import { quote } from '../ingest/ingest-error';
import { ARTICLE_FIELD_EXPECTS, ARTICLE_FIELDS, ArticleFrontmatterSchema } from '../schemas/article';
import { ContentError, issueError, lineOf, readYaml, type YamlSource } from '../schemas/content-error';
import { TAGS_FILE } from '../config';
import { TAG_RULES, TAGS, TAGS_DIGEST, tagNamed } from '../tags';
import { markdownText, openingText } from '../utils/markdown-text';
import { packTerms, termVector } from '../utils/related';
import { assignTags } from '../utils/tags';
import { wordCount } from '../utils/words';

type DataStore = LoaderContext['store'];
type StoredEntry = Parameters<DataStore['set']>[0];

/**
 * What the loader works out of a file, as a version: raise it when that changes, so a store
 * an older loader filled is read again (with the vocabulary's digest, in the store's meta).
 */
const DERIVED_VERSION = 1;

/** A file as the loader reads it: its frontmatter's text and where it stands, and the body. */
export interface ArticleFile {
  /** Path from the project root, as errors name it. */
  file: string;
  frontmatter: YamlSource;
  body: string;
  /** Line the body starts on. */
  bodyLine: number;
}

/** The file at `filePath` as the loader reads it; `root` is the project root, which errors name paths from. */
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

/** The store, with every entry's body left out on its way in and no content module registered. */
function slimStore(store: DataStore): DataStore {
  return new Proxy(store, {
    get(target, property) {
      if (property === 'set') {
        return (entry: StoredEntry) => {
          const { body, deferredRender, ...kept } = entry;
          void body; // read by the page from its file, never stored
          void deferredRender; // nothing for Astro to render later
          return target.set(kept);
        };
      }
      if (property === 'addModuleImport') return () => undefined;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** The Markdown files in `base` (`*.md` but `_*.md`), ids from their file names. */
export function articleLoader(base: string): Loader {
  // `deferRender`: the glob loader then reads each file's frontmatter and body and renders nothing.
  const files = glob({ pattern: ['*.md', '!_*.md'], base, deferRender: true });
  return {
    name: 'dossier:articles',
    load: async (context) => {
      // Tags and the rest are worked out once per changed file: a new vocabulary reads every file again.
      const derived = `${TAGS_DIGEST}:${DERIVED_VERSION}`;
      if (context.meta.get('derived') !== derived) context.store.clear();
      const root = fileURLToPath(context.config.root);
      // Astro's own check of each entry comes after ours, on what the loader worked out: it only ever passes.
      const parseData = (async (entry) =>
        context.parseData({
          ...entry,
          data: articleData(readArticleFile(entry.filePath!, root)),
        })) as LoaderContext['parseData'];
      await files.load({ ...context, parseData, store: slimStore(context.store) });
      context.meta.set('derived', derived);
    },
  };
}
