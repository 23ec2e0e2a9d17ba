import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { gzipBest, gzipSmallest } from '../../src/integrations/gzip';
import {
  firstSearchFiles,
  gunzipPagefind,
  indexTag,
  isFragment,
  isGzipped,
  isMeta,
  isShipped,
  isWasm,
  isWorthZopfli,
  readEntry,
  FRAGMENT_RECIPE,
  readFragment,
  withSignature,
  ZOPFLI_MAX_BYTES,
} from '../../src/integrations/pagefind-files';

const pagefindBytes = (json: unknown) => Buffer.from(`pagefind_dcd${JSON.stringify(json)}`, 'utf8');
const fragmentOf = (raw: Uint8Array) =>
  JSON.parse(Buffer.from(raw.subarray('pagefind_dcd'.length)).toString('utf8')) as unknown;

describe('readFragment', () => {
  const fragment = {
    url: '/articles/a/',
    content: 'Title. Intro text. A paragraph worth sharing.',
    word_count: 7,
    filters: { tag: ['drugs'] },
    meta: { title: 'Title', author: 'A. Writer', image: '/og/a.png' },
    anchors: [
      { element: 'h1', id: 'title', text: 'Title', location: 0 },
      { element: 'p', id: 'p-0badc0de', text: 'Intro text.', location: 1 },
      { element: 'h2', id: 'intro', text: 'Intro', location: 1 },
      { element: 'p', id: 'p-12345678', text: 'A paragraph worth sharing.', location: 3 },
      { element: 'h3', id: 'empty', text: '  ', location: 5 },
      { element: 'section', id: 'named', title: 'A titled section', text: '', location: 6 },
    ],
  };

  test('keeps the anchors that become sub-results (headings, titled anchors) and drops paragraph ids', () => {
    const trimmed = fragmentOf(readFragment(pagefindBytes(fragment)).trimmed) as typeof fragment;
    expect(trimmed.anchors.map((anchor) => anchor.id)).toEqual(['title', 'intro', 'named']);
  });

  test('leaves everything else in the fragment as it was', () => {
    const trimmed = fragmentOf(readFragment(pagefindBytes(fragment)).trimmed) as typeof fragment;
    expect({ ...trimmed, anchors: [] }).toEqual({ ...fragment, anchors: [] });
    expect(
      Buffer.from(readFragment(pagefindBytes(fragment)).trimmed)
        .subarray(0, 12)
        .toString(),
    ).toBe('pagefind_dcd');
  });

  test('counts as headings only h1 to h6, by their whole name', () => {
    const fragment = {
      url: '/a/',
      meta: { title: 'A' },
      filters: {},
      anchors: [
        { element: 'h2', id: 'x', text: 'Kept' },
        { element: 'th2', id: 'y', text: 'A table cell' },
        { element: 'h23', id: 'z', text: 'No such heading' },
      ],
    };
    const { trimmed } = readFragment(pagefindBytes(fragment));
    expect((fragmentOf(trimmed) as { anchors: { id: string }[] }).anchors.map((a) => a.id)).toEqual(['x']);
  });

  test('passes a fragment without anchors through untouched', () => {
    const raw = pagefindBytes({ url: '/a/', content: 'x', meta: {}, filters: {} });
    expect(readFragment(raw).trimmed).toBe(raw);
  });

  test('reads the summary a result shows: URL, title, author, tags, opening words and sections', () => {
    expect(readFragment(pagefindBytes(fragment)).summary).toEqual({
      url: '/articles/a/',
      title: 'Title',
      author: 'A. Writer',
      tags: ['drugs'],
      opening: 'Intro text. A paragraph worth sharing.',
      sections: [
        ['intro', 'Intro', 1],
        ['named', 'A titled section', 6],
      ],
    });
  });

  test('lists as sections the shown anchors but the title, each with an id and a place in the text', () => {
    const raw = pagefindBytes({
      url: '/a/',
      content: 'A. b c d',
      meta: { title: 'A' },
      filters: {},
      anchors: [
        { element: 'H1', id: 'top', text: 'A', location: 0 },
        { element: 'h2', id: 'one', text: 'One', location: 1 },
        { element: 'h2', text: 'No id', location: 2 },
        { element: 'h3', id: 'nowhere', text: 'No location' },
        { element: 'h2', id: 'two', title: 'Titled', text: 'Two', location: 3 },
      ],
    });
    expect(readFragment(raw).summary.sections).toEqual([
      ['one', 'One', 1],
      ['two', 'Titled', 3],
    ]);
  });

  test('leaves the opening and sections out of a summary that is not to be painted from', () => {
    expect(readFragment(pagefindBytes(fragment), { paintable: false }).summary).toEqual({
      url: '/articles/a/',
      title: 'Title',
      author: 'A. Writer',
      tags: ['drugs'],
    });
  });

  test('counts words as the excerpt does, whatever the white space, and adds no ellipsis when all are shown', () => {
    const words = Array.from({ length: 32 }, (_, i) => `w${i}`);
    const spaced = pagefindBytes({
      url: '/a/',
      content: ` T.\n  ${words.join('  ')}`,
      meta: { title: 'T' },
      filters: {},
    });
    expect(readFragment(spaced).summary.opening).toBe(words.join(' '));
  });

  test('keys the cache on the code that reads a fragment and on the excerpt’s length', () => {
    expect(FRAGMENT_RECIPE).toContain(String(readFragment));
    expect(FRAGMENT_RECIPE).toContain('EXCERPT_WORDS = 32');
  });

  test('opens with as many words as an excerpt, after the title, and says when there are more', () => {
    const words = Array.from({ length: 40 }, (_, i) => `w${i}`);
    const raw = pagefindBytes({
      url: '/a/',
      content: `Long Title. ${words.join(' ')}`,
      meta: { title: 'Long Title' },
      filters: {},
    });
    expect(readFragment(raw).summary.opening).toBe(`${words.slice(0, 32).join(' ')} …`);
  });

  test('a page without a title, author or tags is summarised by its URL alone', () => {
    const raw = pagefindBytes({ url: '/articles/b/', content: 'x', meta: {}, filters: {} });
    expect(readFragment(raw).summary).toEqual({ url: '/articles/b/', title: '/articles/b/', tags: [], opening: 'x' });
  });
});

describe('gunzipPagefind', () => {
  test('returns the bytes Pagefind compressed, signature included', () => {
    const raw = pagefindBytes({ url: '/a/' });
    expect(gunzipPagefind('fragment/en_1.pf_fragment', gzipSync(raw))).toEqual(raw);
  });

  test('names the file when its bytes are not Pagefind’s', () => {
    expect(() => gunzipPagefind('index/en_1.pf_index', gzipSync('{"not":"pagefind"}'))).toThrow(
      'pagefind/index/en_1.pf_index: expected the signature "pagefind_dcd", found "{"not":"page"',
    );
  });
});

describe('isShipped', () => {
  test('leaves out Pagefind’s own UIs, which nothing requests, and keeps what search and landings load', () => {
    const built = [
      'pagefind.js',
      'pagefind-worker.js',
      'pagefind-entry.json',
      'pagefind-highlight.js',
      'wasm.en.pagefind',
      'index/en_1.pf_index',
      'fragment/en_1.pf_fragment',
      'pagefind-ui.js',
      'pagefind-ui.css',
      'pagefind-modular-ui.js',
      'pagefind-component-ui.css',
    ];
    expect(built.filter(isShipped)).toEqual(built.slice(0, 7));
  });
});

describe('gzipSmallest', () => {
  const cache = mkdtempSync(join(tmpdir(), 'dossier-gzip-'));
  afterAll(() => rmSync(cache, { recursive: true, force: true }));
  const seed = readFileSync('seeds/000_4f47ba8be8894ef4.txt');

  test('writes gzip that any gunzip reads back to the same bytes', async () => {
    expect(gunzipSync(await gzipSmallest(seed, cache))).toEqual(seed);
  });

  test('is smaller than zlib at its best level', async () => {
    const best = gzipSync(seed, { level: constants.Z_BEST_COMPRESSION }).length;
    expect((await gzipSmallest(seed, cache)).length).toBeLessThan(best);
  });

  test('keeps each result, so a rebuild does not compress the same bytes again', async () => {
    const input = Buffer.from('the same bytes, twice '.repeat(50));
    const first = await gzipSmallest(input, cache);
    const entries = readdirSync(cache).length;
    expect(entries).toBeGreaterThan(0);
    expect(await gzipSmallest(input, cache)).toEqual(first);
    expect(readdirSync(cache)).toHaveLength(entries);
    expect(readdirSync(cache).every((name) => name.endsWith('.gz'))).toBe(true);
  });
});

describe('isWorthZopfli', () => {
  test('takes the WebAssembly at any size, and the metadata while it is small', () => {
    expect(isWorthZopfli('wasm.en.pagefind', 300_000)).toBe(true);
    expect(isWorthZopfli('pagefind.en_2ccbca0da0.pf_meta', ZOPFLI_MAX_BYTES)).toBe(true);
    expect(isWorthZopfli('pagefind.en_2ccbca0da0.pf_meta', ZOPFLI_MAX_BYTES + 1)).toBe(false);
  });

  test('leaves the chunks fetched per word, per tag or per result to zlib', () => {
    for (const path of [
      'index/en_7e21f7f.pf_index',
      'filter/en_b4405d8.pf_filter',
      'fragment/en_8d2f1a3.pf_fragment',
    ]) {
      expect(isWorthZopfli(path, 100)).toBe(false);
    }
  });
});

describe('gzipBest', () => {
  test('writes gzip that reads back to the same bytes, as small as zlib at its best level', async () => {
    const seed = readFileSync('seeds/000_4f47ba8be8894ef4.txt');
    const gz = await gzipBest(seed);
    expect(gunzipSync(gz)).toEqual(seed);
    expect(gz.length).toBe(gzipSync(seed, { level: constants.Z_BEST_COMPRESSION }).length);
  });
});

describe('firstSearchFiles', () => {
  const files = (...paths: string[]) => paths.map((path) => ({ path, content: new Uint8Array() }));

  test('names the metadata and a word index of one chunk, not the filter chunks (fetched after the results)', () => {
    expect(
      firstSearchFiles(
        files(
          'pagefind.js',
          'pagefind.en_cc48.pf_meta',
          'index/en_7e21.pf_index',
          'filter/en_ee53.pf_filter',
          'fragment/en_2.pf_fragment',
        ),
      ),
    ).toEqual(['pagefind.en_cc48.pf_meta', 'index/en_7e21.pf_index']);
  });

  test('leaves out a word index of several chunks, since which one a search needs depends on its words', () => {
    expect(firstSearchFiles(files('pagefind.en_cc48.pf_meta', 'index/en_1.pf_index', 'index/en_2.pf_index'))).toEqual([
      'pagefind.en_cc48.pf_meta',
    ]);
  });

  test('takes each language on its own', () => {
    expect(
      firstSearchFiles(
        files(
          'pagefind.en_1.pf_meta',
          'pagefind.fr_2.pf_meta',
          'index/en_3.pf_index',
          'index/fr_4.pf_index',
          'index/fr_5.pf_index',
        ),
      ),
    ).toEqual(['pagefind.en_1.pf_meta', 'index/en_3.pf_index', 'pagefind.fr_2.pf_meta']);
  });
});

describe('readEntry and indexTag', () => {
  const entry = (json: unknown) => [
    { path: 'pagefind-entry.json', content: Buffer.from(JSON.stringify(json), 'utf8') },
  ];

  test('the tag names every language’s metadata, in a fixed order', () => {
    const files = entry({ version: '1.6.0', languages: { fr: { hash: 'fr_2' }, en: { hash: 'en_1' } } });
    expect(readEntry(files).languages).toEqual({ fr: { hash: 'fr_2' }, en: { hash: 'en_1' } });
    expect(indexTag(files)).toBe('en_1.fr_2');
  });

  test('names what is wrong with an entry it cannot read', () => {
    expect(() => readEntry([])).toThrow('Pagefind wrote no pagefind-entry.json');
    expect(() => readEntry(entry({ languages: null }))).toThrow(
      'pagefind/pagefind-entry.json: expected an object of languages, found null',
    );
    expect(() => readEntry(entry({}))).toThrow('expected an object of languages, found undefined');
  });
});

describe('which file is which', () => {
  test('by its whole name, not a part of it', () => {
    expect(isMeta('pagefind.en_1a2b.pf_meta')).toBe(true);
    expect(isMeta('index/pagefind.en_1a2b.pf_meta')).toBe(false);
    expect(isMeta('pagefind.en_1a2b.pf_meta.bak')).toBe(false);
    expect(isWasm('wasm.en.pagefind')).toBe(true);
    expect(isWasm('old/wasm.en.pagefind')).toBe(false);
    expect(isWasm('wasm.en.pagefind.gz')).toBe(false);
    expect(isFragment('fragment/en_1a2b.pf_fragment')).toBe(true);
    expect(isFragment('fragment/en_1a2b.pf_fragment.tmp')).toBe(false);
    expect(isGzipped('index/en_1.pf_index')).toBe(true);
    expect(isGzipped('filter/en_1.pf_filter')).toBe(true);
    expect(isGzipped('pagefind.js')).toBe(false);
    expect(isGzipped('index/en_1.pf_index.json')).toBe(false);
    expect(isShipped('pagefind-ui.js')).toBe(false);
    expect(isShipped('my-pagefind-ui.js')).toBe(true);
    expect(isShipped('pagefind-ui.js.map')).toBe(true);
  });

  test('a shipped file carries Pagefind’s signature before its payload', () => {
    expect(Buffer.from(withSignature(Buffer.from('{}'))).toString('latin1')).toBe('pagefind_dcd{}');
  });
});
