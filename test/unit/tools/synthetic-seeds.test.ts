import { describe, expect, test } from 'vitest';
import { ingest } from '../../../src/ingest/ingest';
import { parseSeed } from '../../../src/ingest/parse-seed';
import { keyOf } from '../../../src/ingest/heuristics';
import { bodyToPlainText } from '../../../src/ingest/to-markdown';
import { TAGS, TAG_RULES } from '../../../src/tags';
import { assignTags } from '../../../src/collection/tags';
import { seedSample } from '../../../tools/seed-sample';
import { ARTICLES_PER_PAGE, HEAPS_BETA, syntheticSeeds, wordsOf } from '../../../tools/synthetic-seeds';

const sample = seedSample();
const wordCount = (article: ReturnType<typeof parseSeed>[number]) => wordsOf(bodyToPlainText(article.body)).length;

describe('syntheticSeeds', () => {
  test('gives the same files, byte for byte, for the same count and seed', () => {
    expect(syntheticSeeds(40, sample, 7)).toEqual(syntheticSeeds(40, sample, 7));
    expect(syntheticSeeds(40, sample, 7)).not.toEqual(syntheticSeeds(40, sample, 8));
  });

  test('writes pages of four articles, the last one shorter, in files named in order', () => {
    const files = syntheticSeeds(10, sample);
    expect(files.map((file) => file.name)).toEqual(['synthetic-0.txt', 'synthetic-1.txt', 'synthetic-2.txt']);
    const counts = files.map((file) => parseSeed(file.text, file.name).length);
    expect(counts).toEqual([ARTICLES_PER_PAGE, ARTICLES_PER_PAGE, 2]);
  });

  test('writes the real seed format: every article ingests with no error, with all four tags and every kind of block', () => {
    const seeds = syntheticSeeds(200, sample).map((seed) => ({ file: seed.name, text: seed.text }));
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

  test('writes articles as long as the seed’s: each within 15 % of its model, as many on average', () => {
    const seedWords = sample.map(wordCount);
    const words = syntheticSeeds(400, sample)
      .flatMap((seed) => parseSeed(seed.text, seed.name))
      .map(wordCount);
    expect(Math.min(...words)).toBeGreaterThanOrEqual(Math.floor(Math.min(...seedWords) * 0.85));
    expect(Math.max(...words)).toBeLessThanOrEqual(Math.ceil(Math.max(...seedWords) * 1.15));
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(Math.abs(mean(words) - mean(seedWords)) / mean(seedWords)).toBeLessThan(0.05);
  });

  test('grows its vocabulary as Heaps’ law fitted to the seed predicts, within 5 %', () => {
    const lower = (words: string[]) => new Set(words.map((word) => word.toLowerCase())).size;
    const seedWords = sample.flatMap((article) => wordsOf(bodyToPlainText(article.body)));
    const words = syntheticSeeds(600, sample)
      .flatMap((seed) => parseSeed(seed.text, seed.name))
      .flatMap((article) => wordsOf(bodyToPlainText(article.body)));
    const K = lower(seedWords) / seedWords.length ** HEAPS_BETA;
    const predicted = K * (seedWords.length + words.length) ** HEAPS_BETA;
    expect(Math.abs(lower([...seedWords, ...words]) - predicted) / predicted).toBeLessThan(0.05);
  });
});
