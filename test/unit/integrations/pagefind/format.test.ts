import { decode, encode } from 'cborg';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import {
  boundChunks,
  firstSearchFiles,
  gunzipPagefind,
  indexTag,
  installedPagefindVersion,
  isFragment,
  isShipped,
  pagefindFormat,
  pagesIndexed,
  readEntry,
  readFragment,
  resultId,
  SMALL_CHUNK_LOCATIONS,
  stemsFromChunks,
  vocabularyOf,
  wordsOf,
} from '../../../../src/integrations/pagefind/format';

/** A file as Pagefind writes one: its signature, then `body` (CBOR, or a fragment's JSON), gzipped. */
const signed = (body: string | Uint8Array) =>
  gzipSync(Buffer.concat([Buffer.from('pagefind_dcd', 'latin1'), Buffer.from(body)]));
/** A fragment as Pagefind writes it. */
const pagefindBytes = (json: unknown) => signed(JSON.stringify(json));
const read = (json: unknown, options?: { paintable?: boolean }) =>
  readFragment('fragment/en_1.pf_fragment', pagefindBytes(json), options);

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

  test('counts as headings only h1 to h6, by their whole name', () => {
    const sections = read({
      url: '/a/',
      meta: { title: 'A' },
      filters: {},
      anchors: [
        { element: 'h2', id: 'x', text: 'Kept', location: 1 },
        { element: 'th2', id: 'y', text: 'A table cell', location: 2 },
        { element: 'h23', id: 'z', text: 'No such heading', location: 3 },
        { element: 'p', id: 'p-1', text: 'A paragraph’s share id', location: 4 },
      ],
    }).sections;
    expect(sections).toEqual([['x', 'Kept', 1]]);
  });
  test('reads the summary a result shows: URL, title, author, tags, opening words and sections', () => {
    expect(read(fragment)).toEqual({
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
    const summary = read({
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
    expect(summary.sections).toEqual([
      ['one', 'One', 1],
      ['two', 'Titled', 3],
    ]);
  });

  test('leaves the opening and sections out of a summary that is not to be painted from', () => {
    expect(read(fragment, { paintable: false })).toEqual({
      url: '/articles/a/',
      title: 'Title',
      author: 'A. Writer',
      tags: ['drugs'],
    });
  });

  test('counts words as the excerpt does, whatever the white space, and adds no ellipsis when all are shown', () => {
    const words = Array.from({ length: 32 }, (_, i) => `w${i}`);
    const summary = read({
      url: '/a/',
      content: ` T.\n  ${words.join('  ')}`,
      meta: { title: 'T' },
      filters: {},
    });
    expect(summary.opening).toBe(words.join(' '));
  });

  test('opens with as many words as an excerpt, after the title, and says when there are more', () => {
    const words = Array.from({ length: 40 }, (_, i) => `w${i}`);
    const summary = read({
      url: '/a/',
      content: `Long Title. ${words.join(' ')}`,
      meta: { title: 'Long Title' },
      filters: {},
    });
    expect(summary.opening).toBe(`${words.slice(0, 32).join(' ')} …`);
  });

  test('a page without a title, author or tags is summarised by its URL alone', () => {
    const summary = read({ url: '/articles/b/', content: 'x', meta: {}, filters: {} });
    expect(summary).toEqual({ url: '/articles/b/', title: '/articles/b/', tags: [], opening: 'x' });
  });
});

describe('gunzipPagefind', () => {
  test('returns the bytes Pagefind compressed, signature included', () => {
    const raw = Buffer.from('pagefind_dcd{"url":"/a/"}');
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

describe('firstSearchFiles', () => {
  const entry = (...hashes: string[]) => ({
    path: 'pagefind-entry.json',
    content: Buffer.from(
      JSON.stringify({
        languages: Object.fromEntries(hashes.map((h) => [h.split('_')[0], { hash: h, wasm: h.split('_')[0] }])),
      }),
    ),
  });
  const files = (...paths: string[]) => [
    entry(...paths.flatMap((path) => /^pagefind\.(.+)\.pf_meta$/.exec(path)?.[1] ?? [])),
    ...paths.map((path) => ({ path, content: new Uint8Array() })),
  ];

  test('names the entry under its tag, the WebAssembly, the metadata and a word index of one chunk, not the filter chunks (fetched after the results)', () => {
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
    ).toEqual([
      'pagefind-entry.json?ts=en_cc48',
      'wasm.en.pagefind',
      'pagefind.en_cc48.pf_meta',
      'index/en_7e21.pf_index',
    ]);
  });

  test('leaves out a word index of several chunks, since which one a search needs depends on its words', () => {
    expect(firstSearchFiles(files('pagefind.en_cc48.pf_meta', 'index/en_1.pf_index', 'index/en_2.pf_index'))).toEqual([
      'pagefind-entry.json?ts=en_cc48',
      'wasm.en.pagefind',
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
    ).toEqual([
      'pagefind-entry.json?ts=en_1.fr_2',
      'wasm.en.pagefind',
      'pagefind.en_1.pf_meta',
      'index/en_3.pf_index',
      'wasm.fr.pagefind',
      'pagefind.fr_2.pf_meta',
    ]);
  });

  test('names no WebAssembly for a language whose entry gives none', () => {
    const files = [
      { path: 'pagefind-entry.json', content: Buffer.from('{"languages":{"en":{"hash":"en_1"}}}') },
      { path: 'pagefind.en_1.pf_meta', content: new Uint8Array() },
    ];
    expect(firstSearchFiles(files)).toEqual(['pagefind-entry.json?ts=en_1', 'pagefind.en_1.pf_meta']);
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
    expect(isFragment('fragment/en_1a2b.pf_fragment')).toBe(true);
    expect(isFragment('fragment/en_1a2b.pf_fragment.tmp')).toBe(false);
    expect(resultId('fragment/en_1a2b.pf_fragment')).toBe('en_1a2b');
    expect(isShipped('pagefind-ui.js')).toBe(false);
    expect(isShipped('my-pagefind-ui.js')).toBe(true);
    expect(isShipped('pagefind-ui.js.map')).toBe(true);
  });
});

describe('pagesIndexed', () => {
  test('reads the count Pagefind’s command line prints, and nothing from output it does not know', () => {
    expect(pagesIndexed('Running Pagefind v1.6.0\n\nIndexed 1 page\nIndexed 4 pages\n')).toBe(1);
    expect(pagesIndexed('Indexed 1234 pages')).toBe(1234);
    expect(pagesIndexed('Indexed many pages')).toBeUndefined();
  });
});

describe('pagefindFormat', () => {
  const fragment = { url: '/a/', content: 'A. b c', meta: { title: 'A' }, filters: { tag: ['cyber'] } };
  const files = [
    {
      path: 'pagefind-entry.json',
      content: Buffer.from('{"version":"1.6.0","languages":{"en":{"hash":"en_1","wasm":"en"}}}'),
    },
    { path: 'pagefind.en_1.pf_meta', content: new Uint8Array() },
    { path: 'index/en_2.pf_index', content: new Uint8Array() },
  ];

  test('the installed Pagefind is a version this module knows', () => {
    const warnings: string[] = [];
    const format = pagefindFormat(installedPagefindVersion(), (w) => warnings.push(w));
    expect(format.known).toBe(true);
    expect(warnings).toEqual([]);
  });

  test('for a version it knows: page summaries, preloads and the metadata’s hash as tag', () => {
    const format = pagefindFormat('1.6.0', () => undefined);
    expect(format.summary('fragment/en_9.pf_fragment', pagefindBytes(fragment), { paintable: false })).toEqual({
      url: '/a/',
      title: 'A',
      tags: ['cyber'],
    });
    expect(format.preloads(files)).toEqual([
      'pagefind-entry.json?ts=en_1',
      'wasm.en.pagefind',
      'pagefind.en_1.pf_meta',
      'index/en_2.pf_index',
    ]);
    expect(format.tag(files)).toBe('en_1');
  });

  test('for a version it knows: an index of one chunk is made again in smaller ones, one of several stays', () => {
    const format = pagefindFormat('1.6.0', () => undefined);
    expect(format.smallIndexEnv(files)).toEqual({ PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: String(SMALL_CHUNK_LOCATIONS) });
    const cut = [...files, { path: 'index/en_3.pf_index', content: new Uint8Array() }];
    expect(format.smallIndexEnv(cut)).toBeUndefined();
    expect(pagefindFormat('1.6.0', () => undefined, new Set(['chunk-size'])).smallIndexEnv(files)).toBeUndefined();
    expect(pagefindFormat('1.7.0', () => undefined).smallIndexEnv(files)).toBeUndefined();
  });

  test('for a version it knows, each workaround left out on its own: the plain path for that one alone', () => {
    const without = (name: 'page-summaries' | 'preloads') => pagefindFormat('1.6.0', () => undefined, new Set([name]));
    const summary = (format: ReturnType<typeof without>) =>
      format.summary('fragment/en_9.pf_fragment', pagefindBytes(fragment), { paintable: false });
    expect(summary(without('preloads'))).toBeDefined();
    expect(summary(without('page-summaries'))).toBeUndefined();
    expect(without('page-summaries').preloads(files)).toHaveLength(4);
    expect(without('preloads').preloads(files)).toEqual([]);
    expect(without('preloads').tag(files)).toBe('en_1');
    expect(pagefindFormat('1.6.0', () => undefined).chunkBounds).toBeDefined();
    expect(pagefindFormat('1.6.0', () => undefined, new Set(['chunk-bounds'])).chunkBounds).toBeUndefined();
    expect(without('preloads').chunkBounds).toBeDefined();
  });

  test('for a version it does not know: the plain path, said in one warning', () => {
    const warnings: string[] = [];
    const format = pagefindFormat('1.7.0', (w) => warnings.push(w));
    expect(format.known).toBe(false);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^Pagefind 1\.7\.0: expected a version matching .*1.*6.*, found another; /);
    expect(format.summary('fragment/en_9.pf_fragment', pagefindBytes(fragment), { paintable: true })).toBeUndefined();
    expect(format.preloads(files)).toEqual([]);
    expect(format.chunkBounds).toBeUndefined();
    // A tag all the same, from the entry file's bytes, whatever they hold: a new index, a new tag.
    const other = [{ path: 'pagefind-entry.json', content: Buffer.from('{"languages":{"en":{"hash":"en_3"}}}') }];
    expect(format.tag(files)).toMatch(/^[0-9a-f]{16}$/);
    expect(format.tag(other)).not.toBe(format.tag(files));
    expect(pagefindFormat('2.0.0', () => undefined).known).toBe(false);
    expect(pagefindFormat('1.60.0', () => undefined).known).toBe(false);
  });
});

describe('stemsFromChunks', () => {
  /** The chunks Pagefind's own indexer makes of `words`, as the build asks for them. */
  async function pagefindChunks(words: string[]): Promise<Uint8Array[]> {
    const { createIndex, close } = await import('pagefind');
    const { index } = await createIndex({ forceLanguage: 'en' });
    await index!.addCustomRecord({ url: '/', content: words.join(' '), language: 'en' });
    const { files } = await index!.getFiles();
    await close();
    return files.filter((file) => file.path.startsWith('index/')).map((file) => file.content);
  }

  test('reads each word’s stem as Pagefind’s indexer gives it', async () => {
    const words = ['alpha', 'international', 'intelligence', 'intelligent', 'universities', 'university', 'zebra'];
    const stems = stemsFromChunks(await pagefindChunks(words), words);
    expect(Object.fromEntries(stems!)).toEqual({
      alpha: 'alpha',
      international: 'internat',
      intelligence: 'intellig',
      intelligent: 'intellig',
      universities: 'universiti',
      university: 'universiti',
      zebra: 'zebra',
    });
  });

  test('gives none when the chunks do not place every word once', async () => {
    const words = ['alpha', 'beta'];
    const chunks = await pagefindChunks(words);
    expect(stemsFromChunks(chunks, [...words, 'gamma'])).toBeUndefined();
    expect(stemsFromChunks([], words)).toBeUndefined();
  });
});

describe('stemsFromChunks, on chunks it does not know', () => {
  /** A chunk as Pagefind writes one. */
  const chunk = (value: unknown) => signed(encode(value));
  const words = ['alpha', 'beta'];
  const entry = (stem: unknown, locations: unknown) => [stem, [[0, locations, []]], []];

  test('reads delta-coded locations after a weight mark', () => {
    expect(
      Object.fromEntries(stemsFromChunks([chunk([[entry('alpha', [-25, 0]), entry('bet', [-25, 1])]])], words)!),
    ).toEqual({
      alpha: 'alpha',
      beta: 'bet',
    });
    expect(stemsFromChunks([chunk([[entry('x', [-25, 0, 1])]])], words)).toEqual(
      new Map([
        ['alpha', 'x'],
        ['beta', 'x'],
      ]),
    );
  });

  test('gives none for anything else', () => {
    for (const odd of [
      {},
      [{}],
      [[entry(7, [-25, 0]), entry('b', [-25, 1])]],
      [[entry('a', 'no list'), entry('b', [-25, 1])]],
      [[entry('a', [-25, 'zero']), entry('b', [-25, 1])]],
      [[entry('a', [-25, 0]), entry('b', [-25, 2])]],
      [[entry('a', [-25, 0]), entry('b', [-25, 0])]],
      [[['a'], entry('b', [-25, 1])]],
    ]) {
      expect(stemsFromChunks([chunk(odd)], words)).toBeUndefined();
    }
  });
});

describe('vocabularyOf', () => {
  test('every distinct word of the texts once, as a search box sends them, in UTF-8 order', () => {
    expect(vocabularyOf(['Café society, café SOCIETY!', 'Zebra “état” 2024', '', 'émigré \u{1F600}x'])).toEqual([
      '2024',
      'cafe',
      'emigre',
      'etat',
      'society',
      'x',
      'zebra',
    ]);
  });
});

describe('wordsOf', () => {
  test('lower case, without diacritics or punctuation, as a search box sends them', () => {
    expect(wordsOf('Café-society, “Tsinghua” 2024 NGOs’')).toEqual(['cafe', 'society', 'tsinghua', '2024', 'ngos']);
  });
});

describe('boundChunks', () => {
  const text = 'intelligence in international inquiry into insurgency and the interior ministry in india';
  /** Pagefind's files for a page of `text`, in chunks of `size` word locations. */
  async function pagefindFiles(size: number) {
    const { createIndex, close } = await import('pagefind');
    process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(size);
    try {
      const { index } = await createIndex({ forceLanguage: 'en' });
      await index!.addCustomRecord({ url: '/a/', content: text, language: 'en' });
      return (await index!.getFiles()).files;
    } finally {
      delete process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
      await close();
    }
  }
  /** `files` with their metadata's bytes after the signature replaced by `body`. */
  const withMeta = (files: { path: string; content: Uint8Array }[], body: Uint8Array) =>
    files.map((f) => (f.path.endsWith('.pf_meta') ? { ...f, content: signed(body) } : f));
  const metaOf = (files: { path: string; content: Uint8Array }[]) => {
    const file = files.find((f) => f.path.endsWith('.pf_meta'))!;
    return decode(gunzipPagefind(file.path, file.content).subarray('pagefind_dcd'.length), { useMaps: true }) as [
      string,
      unknown,
      [string, string, string][],
    ];
  };
  const vocabulary = async () => {
    const { vocabularyWithStems } = await import('../../../../src/integrations/pagefind/integration');
    return (await vocabularyWithStems([text], 'en'))!;
  };

  test('adds after each chunk’s range a range for the gap after it, naming that chunk, in order', async () => {
    const files = await pagefindFiles(2);
    const before = metaOf(files)[2];
    expect(before.length).toBeGreaterThan(2);
    const warnings: string[] = [];
    const after = metaOf(boundChunks(files, await vocabulary(), (m) => warnings.push(m)))[2];
    expect(warnings).toEqual([]);
    expect(after.filter((range) => before.some((own) => own.join() === range.join()))).toEqual(before);
    const gaps = after.filter((range) => !before.some((own) => own.join() === range.join()));
    expect(gaps.length).toBeGreaterThan(0);
    for (const [from, , hash] of gaps) expect(before.find(([, to]) => to === from)?.[2]).toBe(hash);
    for (let i = 1; i < after.length; i++) expect(after[i - 1]![0] <= after[i]![0]).toBe(true);
  });

  test('leaves the files as they are, and says so, without a vocabulary or with a metadata it cannot read', async () => {
    const files = await pagefindFiles(2);
    const warnings: string[] = [];
    expect(boundChunks(files, undefined, (m) => warnings.push(m))).toEqual(files);
    const odd = withMeta(files, Uint8Array.of(0x83, 0x01, 0x02, 0x03));
    expect(boundChunks(odd, await vocabulary(), (m) => warnings.push(m))).toEqual(odd);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/could not be read/);
    expect(warnings[1]).toMatch(/expected a list of chunk ranges/);
  });

  test('leaves the metadata of a language it has no stems for as it is, and says so', async () => {
    const files = await pagefindFiles(2);
    const warnings: string[] = [];
    const french = { ...(await vocabulary()), language: 'fr' };
    expect(boundChunks(files, french, (m) => warnings.push(m))).toEqual(files);
    expect(warnings).toEqual([expect.stringMatching(/"en" could not be read/)]);
  });

  test('says so of a metadata whose chunks are not ranges, or that would not be written back the same', async () => {
    const files = await pagefindFiles(2);
    const meta = metaOf(files);
    const notRanges = withMeta(files, encode([meta[0], meta[1], [['a', 'b']], ...meta.slice(3)]));
    // The version's length written in two bytes: the same value, other bytes.
    const raw = Buffer.from(encode(meta));
    const longer = withMeta(
      files,
      Buffer.concat([raw.subarray(0, 1), Buffer.from([0x79, 0x00, raw[1]! - 0x60]), raw.subarray(2)]),
    );
    const vocab = await vocabulary();
    for (const odd of [notRanges, longer]) {
      const warnings: string[] = [];
      expect(boundChunks(odd, vocab, (m) => warnings.push(m))).toEqual(odd);
      expect(warnings).toHaveLength(1);
    }
  });

  test('leaves an index of one chunk as it is', async () => {
    const files = await pagefindFiles(20000);
    expect(metaOf(files)[2]).toHaveLength(1);
    expect(boundChunks(files, await vocabulary(), () => undefined)).toEqual(files);
  });
});
