/**
 * What Dossier reads from, and does to, the files Pagefind makes, before the
 * integration writes them: pure functions over bytes, no file system.
 */
import { gunzipSync } from 'node:zlib';
import type { IndexFile } from 'pagefind';
import type { PageSummary } from '../facts';
import { EXCERPT_WORDS, titleWords } from '../browser/search/excerpt';

/** Pagefind's compressed files start, once gunzipped, with this signature. */
const SIGNATURE = 'pagefind_dcd';

/** What an unzipped Pagefind file carries after its signature: JSON or CBOR. */
export const payloadOf = (raw: Uint8Array): Uint8Array => raw.subarray(SIGNATURE.length);

/** An unzipped Pagefind file holding `payload`: the signature, then the payload. */
export const withSignature = (payload: Uint8Array): Buffer =>
  Buffer.concat([Buffer.from(SIGNATURE, 'latin1'), payload]);

/**
 * Pagefind’s own search UIs (390 KB together): Dossier's search page is its own, so nothing
 * requests them. Its highlighter stays: an article loads it on a `?highlight=` landing.
 */
const UNUSED_BUNDLE = /^pagefind-(?:ui|modular-ui|component-ui)\.(?:js|css)$/;

/** Whether a file Pagefind built is one the site can request (its own UIs are not). */
export const isShipped = (path: string): boolean => !UNUSED_BUNDLE.test(path);

/** Pagefind's gzipped payloads: the WebAssembly, and the metadata, word, filter and fragment chunks. */
export const isGzipped = (path: string): boolean => /\.(?:pagefind|pf_meta|pf_index|pf_filter|pf_fragment)$/.test(path);

/** A language's metadata: `pagefind.<language>_<hash>.pf_meta`. */
export const isMeta = (path: string): boolean => /^pagefind\.[^/]+\.pf_meta$/.test(path);

/** A language's WebAssembly: `wasm.<language>.pagefind`. */
export const isWasm = (path: string): boolean => /^wasm\.[^/]+\.pagefind$/.test(path);

/** Largest unzipped file zopfli is given: past this its time outgrows its saving. */
export const ZOPFLI_MAX_BYTES = 64_000;

/**
 * Files worth zopfli's time: Pagefind's WebAssembly (every search fetches it, and its bytes
 * never change, so the build cache keeps it) and a language's metadata up to 64 KB unzipped
 * (every search fetches it too; 7 % smaller than zlib's best for 0.3 s at 3,000 articles, but
 * it changes with every edit and grows with the collection). Not the filter chunk, also
 * fetched by every search: zopfli saves 2.5 % of it for 1.8 s of build.
 */
export const isWorthZopfli = (path: string, bytes: number): boolean =>
  isWasm(path) || (isMeta(path) && bytes <= ZOPFLI_MAX_BYTES);

/** A fragment: one page's text and data, fetched for its excerpt. */
export const isFragment = (path: string): boolean => /(?:^|\/)fragment\/[^/]+\.pf_fragment$/.test(path);

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

const parseFragment = (raw: Uint8Array): Fragment =>
  JSON.parse(Buffer.from(payloadOf(raw)).toString('utf8')) as Fragment;

const hasText = (text: string | undefined) => Boolean(text && /\S/.test(text));

/**
 * Whether Pagefind shows an anchor: sub-results are made only from titled anchors and
 * headings (the same test as `calculate_sub_results` in Pagefind's browser code).
 */
const isShownAnchor = (anchor: { element: string; text?: string; title?: string }): boolean =>
  hasText(anchor.title) || (/^h[1-6]$/i.test(anchor.element) && hasText(anchor.text));

/**
 * A fragment (unzipped) as the site ships it, without the anchors Pagefind never shows, and
 * the summary a search result shows from it (title, author, tags, URL) the moment the search
 * returns, before the fragment itself is fetched for the excerpt. Pagefind records every
 * element with an id as an anchor, text and all, so each paragraph's share id (`p-…`) repeats
 * that paragraph in the fragment; `isShownAnchor` keeps the ones it shows. One parse for both.
 * With `paintable`, the summary also holds the page's opening words and sections, which a
 * search opened from a link paints from (only summaries of one preloaded file carry them).
 */
export function readFragment(
  raw: Uint8Array,
  { paintable = true }: { paintable?: boolean } = {},
): { trimmed: Uint8Array; summary: PageSummary } {
  const fragment = parseFragment(raw);
  const title = fragment.meta.title ?? fragment.url;
  const summary: PageSummary = {
    url: fragment.url,
    title,
    ...(fragment.meta.author ? { author: fragment.meta.author } : {}),
    tags: fragment.filters.tag ?? [],
    ...(paintable && fragment.content !== undefined ? { opening: openingOf(fragment.content, title) } : {}),
  };
  if (!Array.isArray(fragment.anchors)) return { trimmed: raw, summary };
  fragment.anchors = fragment.anchors.filter(isShownAnchor);
  if (paintable) {
    summary.sections = fragment.anchors
      .filter((anchor) => anchor.element.toLowerCase() !== 'h1' && anchor.id && typeof anchor.location === 'number')
      .map((anchor) => [anchor.id!, (hasText(anchor.title) ? anchor.title : anchor.text) ?? '', anchor.location!]);
  }
  return { trimmed: withSignature(Buffer.from(JSON.stringify(fragment), 'utf8')), summary };
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

/** What `readFragment` does, as source text: part of the key its results are cached under. */
export const FRAGMENT_RECIPE = [
  ...[readFragment, openingOf, titleWords, isShownAnchor, hasText, parseFragment, withSignature].map(String),
  `EXCERPT_WORDS = ${EXCERPT_WORDS}`,
].join('\n');

/**
 * The files every first search of a language fetches after its metadata, so the search page
 * can preload them: the metadata and, when the word index is a single chunk, that chunk. An
 * index of several chunks is left alone: which chunk a search needs depends on its words.
 * The filter chunks (tag counts) are not among them: the search page fetches them after the
 * first results. Paths are relative to the bundle, e.g. `index/en_7e21f7f.pf_index`.
 */
export function firstSearchFiles(files: readonly IndexFile[]): string[] {
  const paths = files.map((file) => file.path);
  const languages = paths.flatMap((path) => /^pagefind\.(.+)\.pf_meta$/.exec(path)?.[1] ?? []);
  return languages.flatMap((language) => {
    const prefix = `${language.split('_')[0]}_`;
    const chunks = paths.filter((path) => path.startsWith(`index/${prefix}`));
    return [`pagefind.${language}.pf_meta`, ...(chunks.length === 1 ? chunks : [])];
  });
}

/** Pagefind's entry file, which names each language's metadata by its hash. */
export const ENTRY_FILE = 'pagefind-entry.json';

/** What Dossier reads of the entry file: each language's metadata hash (the rest is kept). */
export interface PagefindEntry {
  languages: Record<string, { hash: string }>;
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

/** The index's own name: the hash of its metadata file, which changes whenever the index does. */
export function indexTag(files: readonly IndexFile[]): string {
  return Object.values(readEntry(files).languages)
    .map((language) => language.hash)
    .sort()
    .join('.');
}
