/**
 * Everything Dossier knows of Pagefind that Pagefind does not document, in one place: how its
 * files are named and packed, the environment variable that sets its index's chunk size, and
 * what its command line prints. Read only for the versions this was written against
 * (`KNOWN_VERSION`); on any other, `pagefindFormat` gives the plain path, with one warning:
 * Pagefind's chunks as it cuts them, no page summaries (the search page then waits for each
 * result's fragment, as Pagefind's own UI does) and no preloads. The site stays searchable
 * either way; only the speed-ups are lost.
 *
 * What each part answers upstream, so it can go when Pagefind moves:
 * - The chunk size: Pagefind cuts its word index into chunks of 20,000 word locations unless
 *   `PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE` says otherwise (its 1.6 indexer reads it; named
 *   unstable, and not in its docs). A small collection (the seed's four articles, about 12,300
 *   locations) makes one chunk, which every first search fetches whole; cut at 4,000, a search
 *   fetches a third of it. A large one keeps Pagefind's cut: at 10,000 articles smaller chunks
 *   saved 2 % of a first search's bytes and cost it 50–120 ms on slow 4G (`smallIndexEnv`).
 * - The page summaries: Pagefind's search returns result ids, and a result's title only comes
 *   with its fragment, one request per result. Its fragments are gzipped JSON after a
 *   signature, a format it does not document; read here once at build time, they give each
 *   result its title the moment the search returns (`readFragment`).
 * - The files a first search fetches: Pagefind asks for its entry file, then its WebAssembly
 *   and metadata, named by what the entry file says, then the word's chunk, each after the
 *   one before; named here, the search page can ask for them all at once (`firstSearchFiles`).
 * - The chunks' ranges: a search word that falls between two chunks' ranges, as Pagefind's
 *   metadata shortens them, loads every chunk that may hold a prefix of it (`intelligence`
 *   those of `i` and `in`). Its metadata (gzipped CBOR after the signature; its third item
 *   the chunks, `[from, to, hash]` each) is written again with a range for each gap that
 *   names the chunk before it, where that is safe (`chunk-bounds.ts`): checked against the
 *   stems Pagefind's own indexer gives the collection's words, read from a small index of them
 *   (its chunks: CBOR lists of stems, each with its pages and their locations, delta-coded
 *   after a negative weight mark) (`boundChunks`).
 */
import { decode, encode } from 'cborg';
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { IndexFile } from 'pagefind';
import { compareBytes, gapRanges } from './chunk-bounds';
import { EXCERPT_WORDS, titleWords } from '../../browser/search/excerpt';
import type { PageSummary } from '../../facts';
import { packageVersion } from '../../package-version';
import type { Workaround } from '../../workarounds';

/** The Pagefind versions whose files and behaviour this module was written against. */
export const KNOWN_VERSION = /^1\.6\./;

/**
 * Word locations per chunk for an index Pagefind wrote as one chunk: at the seed's four
 * articles a first search then fetches one of four chunks of 1–8 KB, not one of 24 KB.
 */
export const SMALL_CHUNK_LOCATIONS = 4000;

/** The installed Pagefind's version ("unreadable" if its package.json cannot be read). */
export const installedPagefindVersion = (): string => packageVersion('pagefind') ?? 'unreadable';

/** Pagefind's gzipped files start, once gunzipped, with this signature. */
const SIGNATURE = 'pagefind_dcd';

/**
 * Pagefind’s own search UIs (390 KB together): Dossier's search page is its own, so nothing
 * requests them. Its highlighter stays: an article loads it on a `?highlight=` landing.
 */
const UNUSED_BUNDLE = /^pagefind-(?:ui|modular-ui|component-ui)\.(?:js|css)$/;

/** Whether a file Pagefind built is one the site can request (its own UIs are not). */
export const isShipped = (path: string): boolean => !UNUSED_BUNDLE.test(path);

/** A fragment: one page's text and data, fetched for its excerpt. */
export const isFragment = (path: string): boolean => /(?:^|\/)fragment\/[^/]+\.pf_fragment$/.test(path);

/** A chunk of the word index: words' stems with their pages and locations. */
export const isWordChunk = (path: string): boolean => /^index\/[^/]+\.pf_index$/.test(path);

/** A language's metadata file, named by its hash in the entry file. */
const metaFile = (hash: string): string => `pagefind.${hash}.pf_meta`;

/** A fragment's result id, as Pagefind's search returns it: its file name, `en_8d3f2a1`. */
export const resultId = (path: string): string => path.replace(/^.*\//, '').replace(/\.pf_fragment$/, '');

/** Pagefind's entry file, which names each language's metadata by its hash. */
export const ENTRY_FILE = 'pagefind-entry.json';

/** What Dossier reads of the entry file: each language's metadata hash and WebAssembly (the rest is kept). */
export interface PagefindEntry {
  languages: Record<string, { hash: string; wasm?: string }>;
}

/** The entry file among `files`, parsed. */
export function readEntry(files: readonly IndexFile[]): PagefindEntry {
  const entry = files.find((file) => file.path === ENTRY_FILE);
  if (!entry) throw new Error(`Pagefind wrote no ${ENTRY_FILE}`);
  const parsed = JSON.parse(Buffer.from(entry.content).toString('utf8')) as Partial<PagefindEntry>;
  if (typeof parsed.languages !== 'object' || parsed.languages === null) {
    throw new Error(
      `pagefind/${ENTRY_FILE}: expected an object of languages, found ${JSON.stringify(parsed.languages)}`,
    );
  }
  return parsed as PagefindEntry;
}

/** A gzipped Pagefind file's bytes, signature included, as Pagefind's browser code reads them. */
export function gunzipPagefind(path: string, content: Uint8Array): Buffer {
  const raw = gunzipSync(content);
  const found = raw.subarray(0, SIGNATURE.length).toString('latin1');
  if (found !== SIGNATURE) throw new Error(`pagefind/${path}: expected the signature "${SIGNATURE}", found "${found}"`);
  return raw;
}

interface Fragment {
  url: string;
  content?: string;
  meta: Record<string, string>;
  filters: { tag?: string[] };
  anchors?: { element: string; id?: string; text?: string; title?: string; location?: number }[];
}

const hasText = (text: string | undefined) => Boolean(text && /\S/.test(text));

/**
 * Whether Pagefind shows an anchor: sub-results are made only from titled anchors and
 * headings (the same test as `calculate_sub_results` in Pagefind's browser code).
 */
const isShownAnchor = (anchor: { element: string; text?: string; title?: string }): boolean =>
  hasText(anchor.title) || (/^h[1-6]$/i.test(anchor.element) && hasText(anchor.text));

/**
 * The summary a search result shows from a fragment (its gzipped bytes) the moment the search
 * returns, before the fragment itself is fetched for the excerpt: URL, title, author, tags.
 * With `paintable`, also the page's opening words and the sections a result can list, which a
 * search opened from a link paints from (only summaries of one preloaded file carry them).
 */
export function readFragment(
  path: string,
  content: Uint8Array,
  { paintable = true }: { paintable?: boolean } = {},
): PageSummary {
  const fragment = JSON.parse(gunzipPagefind(path, content).toString('utf8', SIGNATURE.length)) as Fragment;
  const title = fragment.meta.title ?? fragment.url;
  const summary: PageSummary = {
    url: fragment.url,
    title,
    ...(fragment.meta.author ? { author: fragment.meta.author } : {}),
    tags: fragment.filters.tag ?? [],
  };
  if (!paintable) return summary;
  if (fragment.content !== undefined) summary.opening = openingOf(fragment.content, title);
  if (Array.isArray(fragment.anchors)) {
    summary.sections = fragment.anchors
      .filter((anchor) => isShownAnchor(anchor) && anchor.element.toLowerCase() !== 'h1')
      .filter((anchor) => anchor.id && typeof anchor.location === 'number')
      .map((anchor) => [anchor.id!, (hasText(anchor.title) ? anchor.title : anchor.text) ?? '', anchor.location!]);
  }
  return summary;
}

/**
 * The opening words of a page's content after its title, as many as an excerpt shows, as the
 * search page's excerpt shows them when nothing matched (`buildExcerpt`).
 */
function openingOf(content: string, title: string): string {
  const words = content.split(/\s+/u).filter(Boolean);
  const from = titleWords(content, title);
  const shown = words.slice(from, from + EXCERPT_WORDS).join(' ');
  return from + EXCERPT_WORDS < words.length ? `${shown} …` : shown;
}

/**
 * The files every first search fetches, in the order Pagefind asks for them, so the search
 * page can preload them: the entry file (under the index's tag, as Pagefind asks for it with
 * `metaCacheTag`), then each language's WebAssembly and metadata and, when its word index is
 * a single chunk, that chunk. An index of several chunks is left alone: which chunk a search
 * needs depends on its words. The filter chunks (tag counts) are not among them: the search
 * page fetches them after the first results. Paths are relative to the bundle.
 */
export function firstSearchFiles(files: readonly IndexFile[]): string[] {
  const paths = files.map((file) => file.path);
  const languages = Object.values(readEntry(files).languages);
  return [
    `${ENTRY_FILE}?ts=${indexTag(files)}`,
    ...languages.flatMap(({ hash, wasm }) => {
      const prefix = `${hash.split('_')[0]}_`;
      const chunks = paths.filter((path) => path.startsWith(`index/${prefix}`));
      return [...(wasm ? [`wasm.${wasm}.pagefind`] : []), metaFile(hash), ...(chunks.length === 1 ? chunks : [])];
    }),
  ];
}

/** The index's own name: the hash of its metadata file, which changes whenever the index does. */
export function indexTag(files: readonly IndexFile[]): string {
  return Object.values(readEntry(files).languages)
    .map((language) => language.hash)
    .sort()
    .join('.');
}

/** How many pages Pagefind's command line says it indexed, if it says so as 1.6 does. */
export function pagesIndexed(stdout: string): number | undefined {
  const pages = Number(/Indexed (\d+) pages?/.exec(stdout)?.[1]);
  return Number.isInteger(pages) ? pages : undefined;
}

/** The word index's chunks among Pagefind's files. */
export const wordChunks = (files: readonly IndexFile[]): number =>
  files.filter((file) => isWordChunk(file.path)).length;

/** Pagefind's metadata, decoded, if it is a list and encodes back to the same bytes. */
function readMeta(path: string, content: Uint8Array): unknown[] | undefined {
  const raw = gunzipPagefind(path, content).subarray(SIGNATURE.length);
  const meta: unknown = decode(raw, { useMaps: true });
  const same = Array.isArray(meta) && Buffer.compare(Buffer.from(encode(meta, { mapSorter: () => 0 })), raw) === 0;
  return same ? (meta as unknown[]) : undefined;
}

/** The metadata's list of chunks, `[from, to, hash]` each, if it has one there (its third item). */
function chunkList(meta: unknown[]): [string, string, string][] | undefined {
  const chunks = meta[2];
  const isRange = (c: unknown) => Array.isArray(c) && c.length === 3 && c.every((part) => typeof part === 'string');
  return Array.isArray(chunks) && chunks.every(isRange) ? (chunks as [string, string, string][]) : undefined;
}

/** The words of a page's text as a search page would type them: lower case, without diacritics. */
export function wordsOf(text: string): string[] {
  return (
    text
      .toLowerCase()
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .normalize('NFC')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/**
 * The distinct words of `texts` (`wordsOf` each), in Pagefind's order. Each text is only cut
 * into tokens; the distinct tokens, under one in a hundred of them, are then made words.
 */
export function vocabularyOf(texts: Iterable<string>): string[] {
  // Cut at ASCII's non-letters only (a regular expression of Unicode's classes takes twice as
  // long over a large collection); `wordsOf` then cuts each distinct token exactly.
  const tokens = new Set<string>();
  for (const text of texts)
    for (const token of text.toLowerCase().match(/[a-z0-9\u0080-\uffff]+/g) ?? []) tokens.add(token);
  const words = new Set<string>();
  for (const token of tokens) for (const word of wordsOf(token)) words.add(word);
  return [...words].sort(compareBytes);
}

/**
 * Each of `words`' stem, read from the chunks (`chunks`, gzipped) of an index Pagefind made of
 * the words alone, one location each, in order; undefined if the chunks do not place every
 * word exactly once (a format this does not know).
 */
export function stemsFromChunks(
  chunks: readonly Uint8Array[],
  words: readonly string[],
): Map<string, string> | undefined {
  const at: (string | undefined)[] = Array.from({ length: words.length });
  for (const [i, content] of chunks.entries()) {
    const chunk: unknown = decode(gunzipPagefind(`stems chunk ${i}`, content).subarray(SIGNATURE.length));
    const entries = Array.isArray(chunk) ? chunk[0] : undefined;
    if (!Array.isArray(entries)) return undefined;
    for (const entry of entries) {
      const [stem, pages] = Array.isArray(entry) ? entry : [];
      const locations = Array.isArray(pages) && Array.isArray(pages[0]) ? pages[0][1] : undefined;
      if (typeof stem !== 'string' || !Array.isArray(locations)) return undefined;
      let location = 0;
      for (const n of locations) {
        if (typeof n !== 'number') return undefined;
        if (n < 0) continue; // a weight mark
        location += n;
        if (location >= words.length || at[location] !== undefined) return undefined;
        at[location] = stem;
      }
    }
  }
  if (at.some((stem) => stem === undefined)) return undefined;
  return new Map(words.map((word, i) => [word, at[i]!]));
}

/** The words of a collection, in Pagefind's order, each with the stem Pagefind gives it in `language`. */
export interface Vocabulary {
  language: string;
  words: readonly string[];
  stems: ReadonlyMap<string, string>;
}

/**
 * Pagefind's files with the metadata of `vocabulary`'s language written again with a range for
 * each gap between its chunks' ranges (`gapRanges`), checked against `vocabulary`: the words
 * of the pages it indexed (more words only leave a gap's range shorter). A metadata file this
 * cannot read, or of a language it has no stems for, is left as Pagefind wrote it, and `warn`
 * says so.
 */
export function boundChunks(
  files: readonly IndexFile[],
  vocabulary: Vocabulary | undefined,
  warn: (message: string) => void,
): IndexFile[] {
  const out = [...files];
  for (const [language, { hash }] of Object.entries(readEntry(files).languages)) {
    const path = metaFile(hash);
    const at = out.findIndex((file) => file.path === path);
    const meta = at >= 0 ? readMeta(path, out[at]!.content) : undefined;
    const chunks = meta && chunkList(meta);
    if (!meta || !chunks) {
      warn(`${path}: expected a list of chunk ranges, found another format; its ranges are left as they are`);
      continue;
    }
    if (chunks.length < 2) continue;
    const ranges = chunks.map(([from, to]) => ({ from, to }));
    const gaps = vocabulary?.language === language && gapRanges(ranges, vocabulary.words, vocabulary.stems);
    if (!gaps) {
      warn(
        `${path}: the stems of the collection's words in "${language}" could not be read; its ranges are left as they are`,
      );
      continue;
    }
    // Each gap's range after its chunk's own, so the list stays in order.
    const after = new Map(gaps);
    meta[2] = chunks.flatMap((chunk, i) => {
      const gap = after.get(i);
      return gap ? [chunk, [gap.from, gap.to, chunk[2]]] : [chunk];
    });
    const content = gzipSync(Buffer.concat([Buffer.from(SIGNATURE, 'latin1'), encode(meta, { mapSorter: () => 0 })]));
    out[at] = { path, content };
  }
  return out;
}

/** What the build may rely on of a Pagefind version. */
export interface PagefindFormat {
  /** Whether this module knows the version: else every member below is the plain path. */
  known: boolean;
  /**
   * For an index Pagefind wrote as one chunk, the environment to index again with, in smaller
   * chunks (`SMALL_CHUNK_LOCATIONS`); else undefined: the index stays as Pagefind cut it.
   */
  smallIndexEnv(files: readonly IndexFile[]): Record<string, string> | undefined;
  /** A page summary from a fragment, or none. */
  summary(path: string, content: Uint8Array, options: { paintable: boolean }): PageSummary | undefined;
  /** The files a first search fetches, to preload. */
  preloads(files: readonly IndexFile[]): string[];
  /** A name of the index that changes whenever it does (Pagefind's `metaCacheTag`). */
  tag(files: readonly IndexFile[]): string;
  /**
   * The files with a range for each gap between chunks' ranges (`boundChunks`); absent on the
   * plain path, where the build reads no vocabulary for it.
   */
  chunkBounds?: (files: readonly IndexFile[], vocabulary: Vocabulary | undefined) => IndexFile[];
}

/** A name for the index from its entry file's bytes alone, whatever their format. */
const entryHash = (files: readonly IndexFile[]) =>
  createHash('sha256')
    .update(files.find((file) => file.path === ENTRY_FILE)?.content ?? '')
    .digest('hex')
    .slice(0, 16);

/**
 * What the build relies on of Pagefind `version`: all of the above for a version this module
 * knows, but for the workarounds in `without` (to measure them); for any other version, the
 * plain path, and `warn` says so once.
 */
export function pagefindFormat(
  version: string,
  warn: (message: string) => void,
  without: ReadonlySet<Workaround> = new Set(),
): PagefindFormat {
  if (KNOWN_VERSION.test(version)) {
    return {
      known: true,
      smallIndexEnv: (files) =>
        !without.has('chunk-size') && wordChunks(files) === 1
          ? { PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: String(SMALL_CHUNK_LOCATIONS) }
          : undefined,
      summary: without.has('page-summaries')
        ? () => undefined
        : (path, content, options) => readFragment(path, content, options),
      preloads: without.has('preloads') ? () => [] : firstSearchFiles,
      tag: indexTag,
      ...(without.has('chunk-bounds')
        ? {}
        : { chunkBounds: (files, vocabulary) => boundChunks(files, vocabulary, warn) }),
    };
  }
  warn(
    `Pagefind ${version}: expected a version matching ${String(KNOWN_VERSION)}, found another; ` +
      `its index is shipped as it wrote it, without page summaries or preloads (src/integrations/pagefind/format.ts)`,
  );
  return {
    known: false,
    smallIndexEnv: () => undefined,
    summary: () => undefined,
    preloads: () => [],
    tag: entryHash,
  };
}
