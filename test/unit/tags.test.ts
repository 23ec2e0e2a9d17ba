import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseSeed } from '../../src/ingest/parse-seed';
import { bodyToPlainText } from '../../src/ingest/to-markdown';
import { TAGS, assignTags, findTag } from '../../src/utils/tags';

const SEED = 'seeds/000_4f47ba8be8894ef4.txt';

describe('TAGS', () => {
  test('is exactly intelligence, cyber, PSCs and drugs, each with a slug and a one-sentence description', () => {
    expect(TAGS.map(({ slug, label }) => [slug, label])).toEqual([
      ['intelligence', 'intelligence'],
      ['cyber', 'cyber'],
      ['pscs', 'PSCs'],
      ['drugs', 'drugs'],
    ]);
    for (const tag of TAGS) expect(tag.description).toMatch(/^[A-Z][^.]*\.$/);
  });
});

describe('assignTags', () => {
  test('gives each article of the seed its one tag', () => {
    const articles = parseSeed(readFileSync(SEED, 'utf8'), SEED);
    const tagged = articles.map((a) => [a.title, assignTags({ title: a.title, body: bodyToPlainText(a.body) })]);
    expect(tagged).toEqual([
      ['The Role of Information and Cyber Security and the Impact on Foreign Policy', ['cyber']],
      ['Evolutions of Strategic Intelligence', ['intelligence']],
      ['Chinese Private Security Companies Along the BRI: An Emerging Threat?', ['PSCs']],
      ['Tackling the Illicit Drug Trade: Perspectives From Russia', ['drugs']],
    ]);
  });

  test('tags from the title alone', () => {
    expect(assignTags({ title: 'Heroin Routes Through Tajikistan', body: 'A short note.' })).toEqual(['drugs']);
  });

  test('leaves an article untagged when nothing matches', () => {
    expect(
      assignTags({ title: 'Water Wars on the Nile', body: 'The dam is finished, and the quarrel is not.' }),
    ).toEqual([]);
  });

  test('ignores a passing mention in a long body', () => {
    const body = `${'Ports and shipping lanes matter. '.repeat(200)}One cyber attack was noted.`;
    expect(assignTags({ title: 'Sea Power', body })).toEqual([]);
  });

  test('needs both enough mentions and enough of them per 1,000 words', () => {
    const filler = (words: number) => 'word '.repeat(words);
    // 3 mentions in 1,000 words: exactly the rate, tagged.
    expect(assignTags({ title: 'T', body: `cyber cyber cyber ${filler(997)}` })).toEqual(['cyber']);
    // 3 mentions in 1,001 words: under the rate.
    expect(assignTags({ title: 'T', body: `cyber cyber cyber ${filler(998)}` })).toEqual([]);
    // 2 mentions in 10 words: a high rate, too few mentions.
    expect(assignTags({ title: 'T', body: `cyber cyber ${filler(8)}` })).toEqual([]);
  });

  test('tags a body that keeps returning to a subject, in vocabulary order', () => {
    const body = 'Drug money funds militias. Cyber attacks hit banks. '.repeat(5);
    expect(assignTags({ title: 'A Region in Flux', body })).toEqual(['cyber', 'drugs']);
  });
});

describe('findTag', () => {
  test('finds a tag by label or by slug', () => {
    expect(findTag('PSCs')?.slug).toBe('pscs');
    expect(findTag('pscs')?.label).toBe('PSCs');
    expect(findTag('weather')).toBeUndefined();
  });
});
