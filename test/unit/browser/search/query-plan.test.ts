import { describe, expect, test } from 'vitest';
import { commonWords, planQuery, waitsWhileTyping } from '../../../../src/browser/search/query-plan';

const EN = commonWords('en');
const plan = (q: string) => planQuery(q, EN);
const waits = (q: string) => waitsWhileTyping(q, plan(q), EN);

describe('commonWords', () => {
  test('are English’s for English pages, whatever the region, and none for a language without a list', () => {
    expect(EN.has('the')).toBe(true);
    expect(commonWords('en-GB')).toEqual(EN);
    expect(commonWords('EN')).toEqual(EN);
    expect(EN.has('drugs')).toBe(false);
    expect(commonWords('xx').size).toBe(0);
  });
});

describe('planQuery', () => {
  test('asks only for the words that narrow, and says which it left out', () => {
    expect(plan('the war on drugs')).toEqual({ search: 'war drugs', leftOut: ['the', 'on'], marked: 'war drugs' });
    expect(plan('What is the future of Intelligence?')).toEqual({
      search: 'future Intelligence?',
      leftOut: ['What', 'is', 'the', 'of'],
      marked: 'future Intelligence?',
    });
    expect(plan('  role   of the state ').search).toBe('role state');
    expect(plan('role\u00a0of the state').search).toBe('role state');
    expect(plan('...the... war').leftOut).toEqual(['...the...']);
    expect(plan('the-war on').leftOut).toEqual(['on']);
  });

  test('keeps a word of one word, a query of common words only, and a query of no common word as they are', () => {
    expect(plan('the')).toEqual({ search: 'the', leftOut: [], marked: 'the' });
    expect(plan('what is the')).toEqual({ search: 'what is the', leftOut: [], marked: 'what is the' });
    expect(plan('heroin routes')).toEqual({ search: 'heroin routes', leftOut: [], marked: 'heroin routes' });
  });

  test('knows a common word with punctuation or capitals on it', () => {
    expect(plan('(The) war, On drugs!')).toEqual({
      search: 'war, drugs!',
      leftOut: ['(The)', 'On'],
      marked: 'war, drugs!',
    });
  });

  test('searches an exact phrase whole, its curly quotes made straight, and marks the words that narrow', () => {
    expect(plan('"the war on drugs"')).toEqual({ search: '"the war on drugs"', leftOut: [], marked: 'war drugs' });
    expect(plan('“the war on drugs”')).toEqual({ search: '"the war on drugs"', leftOut: [], marked: 'war drugs' });
    expect(plan('"of the"').marked).toBe('of the');
  });

  test('leaves every word for a language without a list', () => {
    expect(planQuery('the war on drugs', commonWords('fr')).search).toBe('the war on drugs');
  });
});

describe('waitsWhileTyping', () => {
  test('waits on a lone common word and on its prefixes', () => {
    for (const q of ['t', 'th', 'the', 'what is the', 'ther', 'would', 'What Would']) expect(waits(q), q).toBe(true);
  });

  test('does not wait on a word that only ends like a common word', () => {
    expect(waits('hats')).toBe(false); // `what`, `that`
    expect(waits('the hats')).toBe(false);
  });

  test('waits on a last word shorter than four letters, searched as a prefix', () => {
    for (const q of ['w', 'wa', 'war', 'the w', 'the war', 'the war o', 'war dr', 'war dru', 'AI', 'sec']) {
      expect(waits(q), q).toBe(true);
    }
  });

  test('searches at once a last word of four letters that no common word starts with', () => {
    for (const q of ['secu', 'the war drug', 'war drug', 'heroin', 'private security companies in afri']) {
      expect(waits(q), q).toBe(false);
    }
  });

  test('searches at once when the last word is common and left out: the other words are searched', () => {
    expect(waits('the war on')).toBe(false);
    expect(waits('security of the')).toBe(false);
  });

  test('waits on a phrase in quotation marks, whose every word would be fetched', () => {
    expect(waits('"the war on')).toBe(true);
    expect(waits('“heroin routes”')).toBe(true);
  });
});
