/**
 * The `articles` collection's loader: Astro's glob loader, keeping in the content store only
 * what lists of articles need, an article's frontmatter, its word count and most used words. Its HTML is
 * rendered by its own page (`renderArticle()`), not stored: Astro loads the whole store into
 * every build of every page, and rendered HTML and Markdown bodies were 95 % of it (160 MB at
 * 10,000 articles); and a page rendered from its file can be skipped by an incremental
 * rebuild when that file is unchanged.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { packTerms, termVector } from '../utils/related';
import { wordCount } from '../utils/words';

type DataStore = LoaderContext['store'];
type StoredEntry = Parameters<DataStore['set']>[0];

/**
 * An entry as this collection stores it: its frontmatter, word count and most used words
 * (for related articles, `next-reads.ts`), without body or HTML. Worked out here, once per
 * changed file: an unchanged file keeps what an earlier sync stored.
 */
function slim(entry: StoredEntry): StoredEntry {
  const { body, ...rest } = entry;
  delete rest.deferredRender; // nothing for Astro to render later: the page renders the file
  const title = String(entry.data.title ?? '');
  // The title counts three times: it says most about what the article is about.
  const terms = packTerms(termVector(`${title}\n${title}\n${title}\n${body ?? ''}`));
  return { ...rest, data: { ...entry.data, words: wordCount(body ?? ''), terms } };
}

/** The store, with every entry slimmed on its way in and no content module registered. */
function slimStore(store: DataStore): DataStore {
  return new Proxy(store, {
    get(target, property) {
      if (property === 'set') return (entry: StoredEntry) => target.set(slim(entry));
      if (property === 'addModuleImport') return () => undefined;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** The Markdown files in `base` (`*.md`), ids from their file names, as the glob loader reads them. */
export function articleLoader(base: string): Loader {
  // `deferRender`: the glob loader then reads each file's frontmatter and body and renders nothing.
  const files = glob({ pattern: '*.md', base, deferRender: true });
  return {
    name: 'dossier:articles',
    load: (context) => files.load({ ...context, store: slimStore(context.store) }),
  };
}
