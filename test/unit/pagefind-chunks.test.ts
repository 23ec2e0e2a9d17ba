import { decode, encode } from 'cborg';
import { gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import {
  boundaryPrefixes,
  chunkRanges,
  chunkWords,
  rechunk,
  type PackedWord,
} from '../../src/integrations/pagefind-chunks';

/** A word on page 0 with `n` locations (each word then weighs n + 1, as Pagefind counts). */
const word = (text: string, n = 1): PackedWord => [text, [[0, Array.from({ length: n }, (_, i) => i), []]], []];
const texts = (chunks: PackedWord[][]) => chunks.map((chunk) => chunk.map(([text]) => text));

describe('boundaryPrefixes (Pagefind’s own cases)', () => {
  test('shortens neighbours to the first letter where they differ', () => {
    expect(boundaryPrefixes('apple', 'apricot')).toEqual(['app', 'apr']);
    expect(boundaryPrefixes('cataraman', 'yacht')).toEqual(['c', 'y']);
    expect(boundaryPrefixes('cath', 'cathartic')).toEqual(['cath', 'catha']);
  });
});

describe('chunkWords', () => {
  test('cuts once a chunk holds `size` locations, but only where the first letter changes', () => {
    const words = [word('apple', 3), word('apricot', 3), word('avid', 3), word('banana', 3), word('bead', 3)];
    expect(texts(chunkWords(words, 8))).toEqual([
      ['apple', 'apricot', 'avid'],
      ['banana', 'bead'],
    ]);
  });

  test('keeps a small index whole', () => {
    expect(texts(chunkWords([word('a'), word('b')], 100))).toEqual([['a', 'b']]);
  });
});

describe('chunkRanges', () => {
  test('names each chunk’s words from first to last, shortened where chunks meet', () => {
    const chunks = [[word('apple'), word('avid')], [word('banana'), word('bead')], [word('peach')]];
    expect(chunkRanges(chunks)).toEqual([
      { from: 'apple', to: 'a' },
      { from: 'b', to: 'b' },
      { from: 'p', to: 'peach' },
    ]);
  });
});

describe('rechunk', () => {
  // Files as the integration hands them over: Pagefind's payloads unzipped, signature first.
  const SIG = Buffer.from('pagefind_dcd');
  const pack = (value: unknown) => Buffer.concat([SIG, encode(value)]);
  const unpack = (content: Uint8Array) => decode(content.subarray(SIG.length)) as unknown[];
  const words = ['apple', 'avid', 'banana', 'bead', 'cherry', 'damson'].map((text) => word(text, 4));
  const site = (version = '1.6.0') => [
    { path: 'pagefind-entry.json', content: Buffer.from(JSON.stringify({ languages: { en: { hash: 'en_meta1' } } })) },
    {
      path: 'pagefind.en_meta1.pf_meta',
      content: pack([version, [['en_p1', 10, '']], [['apple', 'damson', 'en_all']], []]),
    },
    { path: 'index/en_all.pf_index', content: pack([words]) },
    { path: 'fragment/en_p1.pf_fragment', content: Buffer.from('pagefind_dcd{}') },
  ];

  test('writes the same words in several chunks, lists them in renamed metadata, and points the entry at it', () => {
    const out = rechunk(site(), { size: 10 });
    const paths = out.map((file) => file.path);
    expect(paths).not.toContain('index/en_all.pf_index');
    expect(paths).not.toContain('pagefind.en_meta1.pf_meta');
    expect(paths).toContain('fragment/en_p1.pf_fragment');
    const entry = JSON.parse(Buffer.from(out.find((f) => f.path === 'pagefind-entry.json')!.content).toString());
    const hash = entry.languages.en.hash as string;
    expect(hash).toMatch(/^en_[0-9a-f]{10}$/);
    const meta = unpack(out.find((file) => file.path === `pagefind.${hash}.pf_meta`)!.content);
    const chunks = meta[2] as [string, string, string][];
    expect(chunks.map(([from, to]) => [from, to])).toEqual([
      ['apple', 'a'],
      ['b', 'b'],
      ['c', 'damson'],
    ]);
    const rewritten = chunks.flatMap(([, , name]) => {
      const file = out.find((f) => f.path === `index/${name}.pf_index`)!;
      return (unpack(file.content)[0] as PackedWord[]).map(([text]) => text);
    });
    expect(rewritten).toEqual(words.map(([text]) => text));
  });

  test('leaves an index as small as asked, or of a layout it does not know, as it was', () => {
    expect(rechunk(site(), { size: 1000 })).toEqual(site());
    const warnings: string[] = [];
    expect(rechunk(site('2.0.0'), { size: 10, warn: (message) => warnings.push(message) })).toEqual(site('2.0.0'));
    expect(warnings).toEqual([
      "pagefind.en_meta1.pf_meta: expected Pagefind 1.6's index layout, found version 2.0.0; left as Pagefind cut it",
    ]);
  });
});

describe('Pagefind’s own files', () => {
  test('come out of cborg byte for byte as Pagefind wrote them, so entries move unchanged', async () => {
    const { createIndex, close } = await import('pagefind');
    const { index } = await createIndex({ forceLanguage: 'en' });
    await index!.addHTMLFile({
      url: '/a/',
      content:
        '<html lang="en"><body><main data-pagefind-body><h1>Tsinghua</h1><p>Heroin, −12 “quotes” and 2019.</p></main></body></html>',
    });
    const { files } = await index!.getFiles();
    await close();
    const cbor = files.filter((file) => /\.(pf_meta|pf_index|pf_filter)$/.test(file.path));
    expect(cbor.length).toBeGreaterThanOrEqual(2);
    for (const file of cbor) {
      const raw = gunzipSync(file.content).subarray('pagefind_dcd'.length);
      expect(Buffer.from(encode(decode(raw))).equals(raw), file.path).toBe(true);
    }
  });
});
