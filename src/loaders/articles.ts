/**
 * The `articles` collection's loader: Astro's glob loader over the Markdown files of a folder
 * (those whose names start with `_` left out), each file's frontmatter validated with the
 * one schema (`schemas/article.ts`), and what lists of articles need worked out of its file:
 * its tags (the frontmatter's, or the vocabulary's rules), a description when it gives none,
 * its word count and most used words. A mistake in a file stops the build with one line
 * naming the file, the line and the field (`schemas/content-error.ts`).
 *
 * The content store keeps that, without the body (`slimStore`, src/astro-internals.ts): each
 * article's page renders its own file (`renderArticle()`), so an incremental rebuild can skip
 * it when that file is unchanged.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { fileURLToPath } from 'node:url';
import { ContentError } from '../schemas/content-error';
import { knownAstro, slimStore } from '../astro-internals';
import { TAGS_DIGEST } from '../tags';
import { WITHOUT } from '../workarounds';
import { articleData, readArticleFile } from './article-data';

/**
 * What the loader works out of a file, as a version: raise it when that changes, so a store
 * an older loader filled is read again (with the vocabulary's digest, in the store's meta).
 */
const DERIVED_VERSION = 1;

/**
 * An error of the glob loader, said as ours where it can be: frontmatter that is not YAML
 * stops the glob loader before `parseData` sees the file, with a stack trace under the file's
 * line (`loc`); read again with our reader, it is one line (`file:line: expected YAML
 * frontmatter, found …`). Any other error is the glob loader's own.
 */
function frontmatterError(error: unknown, root: string): unknown {
  const file = (error as { loc?: { file?: unknown } } | null)?.loc?.file;
  if (typeof file !== 'string' || !file.endsWith('.md')) return error;
  try {
    articleData(readArticleFile(file, root));
  } catch (ours) {
    if (ours instanceof ContentError) return ours;
  }
  return error;
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
      try {
        await files.load({
          ...context,
          parseData,
          store: knownAstro() && !WITHOUT.has('slim-store') ? slimStore(context.store) : context.store,
        });
      } catch (error) {
        throw frontmatterError(error, root);
      }
      context.meta.set('derived', derived);
    },
  };
}
