import { describe, expect, test } from 'vitest';
import { ingest } from '../../src/ingest/ingest';
import { parseSeed } from '../../src/ingest/parse-seed';
import { keyOf } from '../../src/ingest/heuristics';
import { bodyToPlainText } from '../../src/ingest/to-markdown';
import { TAGS, TAG_RULES } from '../../src/tags';
import { assignTags } from '../../src/utils/tags';
import { ARTICLES_PER_PAGE, syntheticSeeds } from '../../tools/synthetic-seeds';

describe('syntheticSeeds', () => {
  test('gives the same files, byte for byte, for the same count and seed', () => {
    expect(syntheticSeeds(40, 7)).toEqual(syntheticSeeds(40, 7));
    expect(syntheticSeeds(40, 7)).not.toEqual(syntheticSeeds(40, 8));
  });

  test('writes pages of four articles, the last one shorter, in files named in order', () => {
    const files = syntheticSeeds(10);
    expect(files.map((file) => file.name)).toEqual(['synthetic-0.txt', 'synthetic-1.txt', 'synthetic-2.txt']);
    const counts = files.map((file) => parseSeed(file.text, file.name).length);
    expect(counts).toEqual([ARTICLES_PER_PAGE, ARTICLES_PER_PAGE, 2]);
  });

  test('writes the real seed format: every article ingests with no error, with all four tags and every kind of block', () => {
    const seeds = syntheticSeeds(200).map((seed) => ({ file: seed.name, text: seed.text }));
    const files = ingest(seeds, []);
    expect(files).toHaveLength(200);
    expect(new Set(files.map((file) => file.slug)).size).toBe(200);
    const articles = seeds.flatMap((seed) => parseSeed(seed.text, seed.file));
    const kinds = new Set(articles.flatMap((article) => article.body.map((block) => block.type)));
    expect([...kinds].sort()).toEqual(['heading', 'list', 'paragraph']);
    expect(articles.some((article) => article.author === undefined)).toBe(true);
    expect(articles.some((article) => article.author !== undefined)).toBe(true);
    expect(articles.some((article) => article.partner !== undefined)).toBe(true);
    const tags = new Set(
      articles.flatMap((a) => assignTags({ title: keyOf(a.title), body: keyOf(bodyToPlainText(a.body)) }, TAG_RULES)),
    );
    expect([...tags].sort()).toEqual(TAGS.map((tag) => tag.label).sort());
  });

  test('writes paragraphs of realistic length: tens to a few hundred words', () => {
    const words = syntheticSeeds(40)
      .flatMap((seed) => parseSeed(seed.text, seed.name))
      .flatMap((article) => article.body.filter((block) => block.type === 'paragraph'))
      .map((block) => block.text.split(/\s+/).length);
    expect(Math.min(...words)).toBeGreaterThanOrEqual(10);
    expect(Math.max(...words)).toBeLessThanOrEqual(400);
  });
});
