/**
 * Pagefind's word index in smaller chunks. Pagefind cuts its index into chunks of 20,000 word
 * locations, a number fixed in its indexer ("TODO: Parameterize these chunk sizes via options",
 * pagefind/src/index/mod.rs), so these four articles (about 12,300 locations) make one chunk
 * that every first search fetches whole. This cuts the same sorted words the same way at
 * CHUNK_LOCATIONS, names the chunks' word ranges as Pagefind does (`chunk_meta`), and rewrites
 * the language's metadata to list them. Each word's entry moves whole; cborg writes it back
 * byte for byte as Pagefind wrote it (CBOR, shortest forms), so a search reads the same
 * entries. Pure: bytes in, bytes out, on Pagefind's files with their payloads unzipped
 * (`gunzipPagefind`), as the integration carries them from Pagefind to zopfli.
 */
import { decode, encode } from 'cborg';
import { createHash } from 'node:crypto';
import type { IndexFile } from 'pagefind';
import { ENTRY_FILE, payloadOf, readEntry, withSignature } from './pagefind-files';

/** Word locations per chunk: a search here fetches about a third of the index, not all of it. */
export const CHUNK_LOCATIONS = 4000;

/** The Pagefind versions whose index layout this reads: `[version, pages, chunks, …]`. */
const KNOWN_VERSION = /^1\.6\./;

/** A word and its pages, as Pagefind packs it: `[word, [[page, locations, …], …], …]`. */
export type PackedWord = [string, [number, number[], ...unknown[]][], ...unknown[]];

/** A chunk as the metadata lists it: `[from, to, hash]`. */
type MetaChunk = [string, string, string];

/** Locations a word adds to a chunk, counted as Pagefind counts them. */
const weight = (word: PackedWord) => word[1].reduce((sum, page) => sum + page[1].length + 1, 0);

/** A word's first character (a code point, as Pagefind compares them). */
const initial = (word: PackedWord) => String.fromCodePoint(word[0].codePointAt(0) ?? 0);

/**
 * Cut sorted words into chunks of at least `size` locations (the last may be smaller), each
 * cut where the first letter changes. Pagefind looks a search term up in one chunk only, so a
 * cut inside the `fo…` words would leave `fo`, typed on the way to `foreign`, half its matches;
 * cut between letters, every prefix of every word lies within one chunk.
 */
export function chunkWords(words: readonly PackedWord[], size: number): PackedWord[][] {
  const chunks: PackedWord[][] = [];
  let chunk: PackedWord[] = [];
  let locations = 0;
  for (const word of words) {
    if (locations >= size && initial(word) !== initial(chunk.at(-1)!)) {
      chunks.push(chunk);
      chunk = [];
      locations = 0;
    }
    chunk.push(word);
    locations += weight(word);
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/** The shortest prefixes that still tell two neighbouring words apart: `apple`, `apricot` → `app`, `apr`. */
export function boundaryPrefixes(a: string, b: string): [string, string] {
  const [left, right] = [[...a], [...b]];
  let common = 0;
  while (common < left.length && common < right.length && left[common] === right[common]) common++;
  return [left.slice(0, common + 1).join(''), right.slice(0, common + 1).join('')];
}

/** Each chunk's word range, `from` and `to`, shortened where it meets a neighbour. */
export function chunkRanges(chunks: readonly (readonly PackedWord[])[]): { from: string; to: string }[] {
  const ranges = chunks.map((chunk) => ({ from: chunk[0]?.[0] ?? '', to: chunk.at(-1)?.[0] ?? '' }));
  for (let i = 0; i + 1 < ranges.length; i++) {
    [ranges[i]!.to, ranges[i + 1]!.from] = boundaryPrefixes(ranges[i]!.to, ranges[i + 1]!.from);
  }
  return ranges;
}

const unpack = (content: Uint8Array): unknown => decode(payloadOf(content));

/** A short name for bytes, unique among `taken`: `en_` and 7 or more hex digits of their SHA-256. */
function nameFor(language: string, bytes: Uint8Array, taken: Set<string>, digits = 7): string {
  const hash = createHash('sha256').update(bytes).digest('hex');
  let name = `${language}_${hash.slice(0, digits)}`;
  for (let n = digits + 1; taken.has(name); n++) name = `${language}_${hash.slice(0, n)}`;
  taken.add(name);
  return name;
}

/**
 * Pagefind's files with each language's word index cut into chunks of `size` locations, its
 * metadata rewritten (and renamed, with `pagefind-entry.json` pointing at the new name, so no
 * cached metadata can name chunks that are gone). An index already in chunks that small, or a
 * layout this does not know (then `warn` says so), comes back as it was.
 */
export function rechunk(
  files: readonly IndexFile[],
  { size = CHUNK_LOCATIONS, warn = () => undefined }: { size?: number; warn?: (message: string) => void } = {},
): IndexFile[] {
  const byPath = new Map(files.map((file) => [file.path, file]));
  const entry = readEntry(files);
  const taken = new Set<string>();
  let changed = false;
  for (const language of Object.values(entry.languages)) {
    const metaPath = `pagefind.${language.hash}.pf_meta`;
    const metaFile = byPath.get(metaPath);
    if (!metaFile) throw new Error(`Pagefind wrote no ${metaPath}`);
    const meta = unpack(metaFile.content) as [string, unknown, MetaChunk[], ...unknown[]];
    if (typeof meta[0] !== 'string' || !KNOWN_VERSION.test(meta[0]) || !Array.isArray(meta[2])) {
      warn(
        `${metaPath}: expected Pagefind 1.6's index layout, found version ${String(meta[0])}; left as Pagefind cut it`,
      );
      continue;
    }
    const chunkPaths = meta[2].map(([, , hash]) => `index/${hash}.pf_index`);
    const words = chunkPaths.flatMap((path) => {
      const file = byPath.get(path);
      if (!file) throw new Error(`Pagefind's metadata names ${path}, which it did not write`);
      return (unpack(file.content) as [PackedWord[]])[0];
    });
    const chunks = chunkWords(words, size);
    if (chunks.length <= chunkPaths.length) continue; // as small already
    const prefix = language.hash.replace(/_[^_]*$/, '');
    const ranges = chunkRanges(chunks);
    const written = chunks.map((chunk) => {
      const bytes = encode([chunk]);
      return { name: nameFor(prefix, bytes, taken), bytes };
    });
    for (const path of chunkPaths) byPath.delete(path);
    for (const { name, bytes } of written) {
      byPath.set(`index/${name}.pf_index`, { path: `index/${name}.pf_index`, content: withSignature(bytes) });
    }
    meta[2] = written.map(({ name }, i): MetaChunk => [ranges[i]!.from, ranges[i]!.to, name]);
    const metaBytes = encode(meta);
    const metaName = nameFor(prefix, metaBytes, taken, 10);
    byPath.delete(metaPath);
    byPath.set(`pagefind.${metaName}.pf_meta`, {
      path: `pagefind.${metaName}.pf_meta`,
      content: withSignature(metaBytes),
    });
    language.hash = metaName;
    changed = true;
  }
  if (!changed) return [...files];
  byPath.set(ENTRY_FILE, {
    path: ENTRY_FILE,
    content: Buffer.from(JSON.stringify(entry), 'utf8'),
  });
  return [...byPath.values()];
}
