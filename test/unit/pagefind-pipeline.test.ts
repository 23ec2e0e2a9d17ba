import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { close, createIndex, type IndexFile } from 'pagefind';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { INDEX_FILES_PLACEHOLDER, INDEX_TAG_PLACEHOLDER, SUMMARY_DIGITS_PLACEHOLDER } from '../../src/facts';
import { nameIndex, namesIndex } from '../../src/integrations/name-index';
import { shipIndex } from '../../src/integrations/pagefind-pipeline';

const page = (slug: string, title: string, text: string) => ({
  url: `/articles/${slug}/`,
  content: `<html lang="en"><body><main data-pagefind-body><h1 data-pagefind-meta="title">${title}</h1><p id="p-${slug}">${text}</p><h2 id="more">More</h2><p>${text} again.</p><span data-pagefind-filter="tag">cyber</span></main></body></html>`,
});

let built: IndexFile[];
/** A collection large enough for Pagefind to cut its word index in several chunks itself. */
let large: IndexFile[];
const LARGE_PAGES = 120;
const scratch = mkdtempSync(join(tmpdir(), 'dossier-pipeline-'));

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
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const byPath = (files: readonly IndexFile[]) => new Map(files.map((file) => [file.path, file.content]));
const json = (content: Uint8Array) => JSON.parse(Buffer.from(content).toString('utf8')) as unknown;

describe('shipIndex', () => {
  test('ships no Pagefind UI, one summary per page, and tells the page what to preload', async () => {
    const warnings: string[] = [];
    const index = await shipIndex(built, { cacheDir: join(scratch, 'shared'), warn: (w) => warnings.push(w) });
    const files = byPath(index.files);
    expect([...files.keys()].filter((path) => /pagefind-(ui|modular-ui|component-ui)/.test(path))).toEqual([]);
    expect(files.has('pagefind.js')).toBe(true);
    expect(warnings).toEqual([]);

    const entry = json(files.get('pagefind-entry.json')!) as { languages: { en: { hash: string } } };
    expect(index.tag).toBe(entry.languages.en.hash);
    expect(files.has(`pagefind.${index.tag}.pf_meta`)).toBe(true);
    expect(index.digits).toBe(0);
    expect(index.preloads).toContain(`pagefind.${index.tag}.pf_meta`);
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

  test('leaves the openings and sections out of sharded summaries, which results fetch one by one', async () => {
    const index = await shipIndex(large, { cacheDir: join(scratch, 'shared'), warn: () => undefined });
    expect(index.digits).toBeGreaterThan(0);
    const shards = index.files.filter((file) => file.path.startsWith('dossier-pages/'));
    expect(shards.length).toBeGreaterThan(1);
    for (const shard of shards) {
      for (const summary of Object.values(json(shard.content) as Record<string, object>)) {
        expect(Object.keys(summary).sort()).toEqual(['tags', 'title', 'url']);
      }
    }
  });

  test('keeps the anchors a search shows (headings), not the paragraphs’ share ids', async () => {
    const index = await shipIndex(built, { cacheDir: join(scratch, 'shared'), warn: () => undefined });
    const fragments = index.files.filter((file) => file.path.endsWith('.pf_fragment'));
    expect(fragments).toHaveLength(2);
    for (const fragment of fragments) {
      const data = json(gunzipSync(fragment.content).subarray('pagefind_dcd'.length)) as { anchors: { id: string }[] };
      expect(data.anchors.map((anchor) => anchor.id)).toEqual(['more']);
    }
  });

  test('gives the same files with a warm cache as with a cold one', async () => {
    const cacheDir = join(scratch, 'c');
    const cold = await shipIndex(built, { cacheDir, warn: () => undefined });
    const warm = await shipIndex(built, { cacheDir, warn: () => undefined });
    expect(warm.files.map((file) => file.path)).toEqual(cold.files.map((file) => file.path));
    expect(warm.files.every((file, i) => Buffer.from(file.content).equals(cold.files[i]!.content))).toBe(true);
  });
});

describe('shipIndex on a larger collection', () => {
  test('leaves an index Pagefind cut in several chunks as it cut it, and shards the summaries', async () => {
    const pagefindChunks = large.filter((file) => file.path.startsWith('index/'));
    expect(pagefindChunks.length, 'Pagefind cut the index itself').toBeGreaterThan(1);
    const index = await shipIndex(large, { cacheDir: join(scratch, 'shared'), warn: () => undefined });
    const files = byPath(index.files);
    for (const chunk of pagefindChunks) expect(Buffer.from(files.get(chunk.path)!).equals(chunk.content)).toBe(true);
    expect(index.files.filter((file) => file.path.startsWith('index/'))).toHaveLength(pagefindChunks.length);

    expect(index.digits).toBe(1);
    expect(files.has('dossier-pages.json')).toBe(false);
    expect(index.preloads.some((path) => path.startsWith('dossier-pages'))).toBe(false);
    const shards = index.files.filter((file) => /^dossier-pages\/[0-9a-f]\.json$/.test(file.path));
    expect(shards).toHaveLength(index.report.shards);
    const summarised = shards.flatMap((shard) => Object.keys(json(shard.content) as Record<string, unknown>));
    expect(summarised).toHaveLength(LARGE_PAGES);
    for (const id of summarised) expect(files.has(`dossier-pages/${id.slice(3, 4)}.json`), id).toBe(true);
  });
});

describe('shipIndex, every file', () => {
  test('gzipped ones read back with Pagefind’s signature, and the report counts what was done', async () => {
    const index = await shipIndex(built, { cacheDir: join(scratch, 'shared'), warn: () => undefined });
    const zipped = index.files.filter((file) => /\.(pagefind|pf_meta|pf_index|pf_filter|pf_fragment)$/.test(file.path));
    expect(zipped.length).toBeGreaterThan(4);
    for (const file of zipped)
      expect(gunzipSync(file.content).subarray(0, 12).toString('latin1'), file.path).toBe('pagefind_dcd');
    expect(index.report.fragments).toBe(2);
    expect(index.report.shards).toBe(1);
    expect(index.report.recompressed).toBe(zipped.length - 2);
    expect(Number(index.report.shippedKb)).toBeGreaterThan(0);
    expect(Number(index.report.shippedKb)).toBeLessThan(Number(index.report.pagefindKb));
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
