import { close, createIndex, type IndexFile } from 'pagefind';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  INDEX_FILES_PLACEHOLDER,
  INDEX_TAG_PLACEHOLDER,
  NO_SUMMARIES,
  SUMMARY_DIGITS_PLACEHOLDER,
  summaryDigits,
} from '../../../../src/facts';
import { nameIndex, namesIndex } from '../../../../src/integrations/pagefind/name-index';
import { pagefindFormat } from '../../../../src/integrations/pagefind/format';
import { shipIndex } from '../../../../src/integrations/pagefind/pipeline';

const page = (slug: string, title: string, text: string) => ({
  url: `/articles/${slug}/`,
  content: `<html lang="en"><body><main data-pagefind-body><h1 data-pagefind-meta="title">${title}</h1><p id="p-${slug}">${text}</p><h2 id="more">More</h2><p>${text} again.</p><span data-pagefind-filter="tag">cyber</span></main></body></html>`,
});

let built: IndexFile[];
/** A collection large enough for Pagefind to cut its word index in several chunks itself. */
let large: IndexFile[];
const LARGE_PAGES = 120;
const known = pagefindFormat('1.6.0', () => undefined);

beforeAll(async () => {
  const { index } = await createIndex({ forceLanguage: 'en' });
  for (const [slug, title, text] of [
    ['alpha', 'Alpha', 'Heroin routes across Central Asia.'],
    ['beta', 'Beta', 'Cyber security and foreign policy.'],
  ] as const) {
    await index!.addHTMLFile(page(slug, title, text));
  }
  built = (await index!.getFiles()).files;
  await close();

  const { index: big } = await createIndex({ forceLanguage: 'en' });
  for (let n = 0; n < LARGE_PAGES; n++) {
    // About 250 different words a page: 30,000 locations, past Pagefind's 20,000 a chunk.
    const words = Array.from({ length: 250 }, (_, i) => `w${(n * 7919 + i * 104729) % 99991}x`).join(' ');
    await big!.addHTMLFile(page(`p${n}`, `Page ${n}`, words));
  }
  large = (await big!.getFiles()).files;
  await close();
}, 60_000);

const byPath = (files: readonly IndexFile[]) => new Map(files.map((file) => [file.path, file.content]));
const json = (content: Uint8Array) => JSON.parse(Buffer.from(content).toString('utf8')) as unknown;

describe('shipIndex', () => {
  test('ships no Pagefind UI, one summary per page, and tells the page what to preload', () => {
    const index = shipIndex(built, known);
    const files = byPath(index.files);
    expect([...files.keys()].filter((path) => /pagefind-(ui|modular-ui|component-ui)/.test(path))).toEqual([]);
    expect(files.has('pagefind.js')).toBe(true);

    const entry = json(files.get('pagefind-entry.json')!) as { languages: { en: { hash: string } } };
    expect(index.tag).toBe(entry.languages.en.hash);
    expect(files.has(`pagefind.${index.tag}.pf_meta`)).toBe(true);
    expect(index.digits).toBe(0);
    expect(index.preloads).toContain(`pagefind.${index.tag}.pf_meta`);
    expect(index.preloads).toContain(`pagefind-entry.json?ts=${index.tag}`);
    expect(index.preloads).toContain('wasm.en.pagefind');
    expect(index.preloads).toContain(`dossier-pages.json?ts=${index.tag}`);
    for (const path of index.preloads) expect(files.has(path.replace(/\?.*$/, '')), path).toBe(true);

    const summaries = Object.values(json(files.get('dossier-pages.json')!) as Record<string, unknown>);
    expect(summaries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ url: '/articles/alpha/', title: 'Alpha', tags: ['cyber'] }),
        expect.objectContaining({ url: '/articles/beta/', title: 'Beta', tags: ['cyber'] }),
      ]),
    );
    expect(summaries).toHaveLength(2);
    // One preloaded file: each page's opening and sections, for a linked search to paint from.
    expect(summaries[0]).toMatchObject({ opening: expect.stringContaining('again'), sections: [['more', 'More', 6]] });
  });

  test('leaves the openings and sections out of sharded summaries, which results fetch one by one', () => {
    const index = shipIndex(large, known);
    expect(index.digits).toBeGreaterThan(0);
    const shards = index.files.filter((file) => file.path.startsWith('dossier-pages/'));
    expect(shards.length).toBeGreaterThan(1);
    for (const shard of shards) {
      for (const summary of Object.values(json(shard.content) as Record<string, object>)) {
        expect(Object.keys(summary).sort()).toEqual(['tags', 'title', 'url']);
      }
    }
  });

  test('ships every file but the UIs as Pagefind wrote it, byte for byte', () => {
    const files = byPath(shipIndex(built, known).files);
    for (const file of built.filter((f) => !/pagefind-(ui|modular-ui|component-ui)/.test(f.path))) {
      expect(Buffer.from(files.get(file.path)!).equals(file.content), file.path).toBe(true);
    }
  });

  test('on a Pagefind it does not know, ships its files alone: no summaries, nothing to preload', () => {
    const index = shipIndex(
      built,
      pagefindFormat('9.0.0', () => undefined),
    );
    expect(index.files.map((file) => file.path).sort()).toEqual(
      built
        .map((file) => file.path)
        .filter((path) => !/pagefind-(ui|modular-ui|component-ui)/.test(path))
        .sort(),
    );
    expect(index.preloads).toEqual([]);
    expect(index.digits, 'the search page is told there are no summaries to fetch').toBe(NO_SUMMARIES);
    expect(index.report).toMatchObject({ fragments: 2, summaries: 0, shards: 0 });
    expect(index.tag).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('shipIndex on a larger collection', () => {
  test('leaves an index Pagefind cut in several chunks as it cut it, and shards the summaries', () => {
    const pagefindChunks = large.filter((file) => file.path.startsWith('index/'));
    expect(pagefindChunks.length, 'Pagefind cut the index itself').toBeGreaterThan(1);
    const index = shipIndex(large, known);
    const files = byPath(index.files);
    for (const chunk of pagefindChunks) expect(Buffer.from(files.get(chunk.path)!).equals(chunk.content)).toBe(true);
    expect(index.files.filter((file) => file.path.startsWith('index/'))).toHaveLength(pagefindChunks.length);

    expect(index.digits).toBe(summaryDigits(LARGE_PAGES));
    expect(index.digits).toBeGreaterThan(0);
    expect(files.has('dossier-pages.json')).toBe(false);
    expect(index.preloads.some((path) => path.startsWith('dossier-pages'))).toBe(false);
    const shards = index.files.filter((file) => /^dossier-pages\/[0-9a-f]+\.json$/.test(file.path));
    expect(shards).toHaveLength(index.report.shards);
    const summarised = shards.flatMap((shard) => Object.keys(json(shard.content) as Record<string, unknown>));
    expect(summarised).toHaveLength(LARGE_PAGES);
    for (const id of summarised) {
      expect(files.has(`dossier-pages/${id.slice(3, 3 + index.digits)}.json`), id).toBe(true);
    }
  });
});

describe('shipIndex, the report', () => {
  test('counts the fragments, the summaries read from them, their files, and the kilobytes shipped', () => {
    const index = shipIndex(built, known);
    expect(index.report).toMatchObject({ fragments: 2, summaries: 2, shards: 1 });
    const bytes = index.files.reduce((sum, file) => sum + file.content.length, 0);
    expect(index.report.shippedKb).toBe((bytes / 1000).toFixed(1));
  });
});

describe('nameIndex', () => {
  const html = `<head><link rel="preload" href="/pagefind/${INDEX_FILES_PLACEHOLDER}" as="fetch"></head><form data-index-tag="${INDEX_TAG_PLACEHOLDER}" data-summary-digits="${SUMMARY_DIGITS_PLACEHOLDER}"></form>`;

  test('fills in the tag and digits, and writes one preload link per file', () => {
    const named = nameIndex(html, {
      tag: 'en_abc',
      digits: 2,
      preloads: ['pagefind.en_abc.pf_meta', 'index/en_1.pf_index'],
    });
    expect(named).toBe(
      '<head><link rel="preload" href="/pagefind/pagefind.en_abc.pf_meta" as="fetch"><link rel="preload" href="/pagefind/index/en_1.pf_index" as="fetch"></head><form data-index-tag="en_abc" data-summary-digits="2"></form>',
    );
    expect(namesIndex(named)).toBe(false);
  });

  test('with nothing to preload, leaves no link naming the placeholder', () => {
    expect(nameIndex(html, { tag: 't', digits: 0, preloads: [] })).not.toContain(INDEX_FILES_PLACEHOLDER);
    expect(namesIndex(html)).toBe(true);
    expect(namesIndex('<p>no search here</p>')).toBe(false);
    expect(namesIndex(`<form data-index-tag="${INDEX_TAG_PLACEHOLDER}"></form>`)).toBe(true);
    expect(namesIndex(`<link href="/${INDEX_FILES_PLACEHOLDER}">`)).toBe(true);
  });
});
