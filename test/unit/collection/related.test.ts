import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { packTerms, relatedArticles, termVector, unpackTerms, wordCounts } from '../../../src/collection/related';

const documents = (texts: Record<string, string>) =>
  Object.entries(texts).map(([id, text]) => ({ id, counts: wordCounts(text) }));

describe('wordCounts', () => {
  test('counts words lower-cased, without possessives, numbers or words under three letters', () => {
    expect(Object.fromEntries(wordCounts("Russia's drug policy: the DRUG trade, 2024, in 12 ports of Russia"))).toEqual(
      {
        russia: 2,
        drug: 2,
        policy: 1,
        the: 1,
        trade: 1,
        ports: 1,
      },
    );
  });

  test('counts Chinese and Japanese text, written without spaces, by pairs of characters', () => {
    expect(Object.fromEntries(wordCounts('网络安全'))).toEqual({ 网络: 1, 络安: 1, 安全: 1 });
  });
});

describe('termVector', () => {
  test("keeps an article's most used words, most used first, without common English words", () => {
    const vector = termVector('The cartel and the cartel: heroin, heroin, heroin, and the border of the state.');
    expect(Object.entries(vector)).toEqual([
      ['heroin', 3],
      ['cartel', 2],
      ['border', 1],
      ['state', 1],
    ]);
  });

  test('keeps at most 64 words, the most used', () => {
    const words = Array.from({ length: 100 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}${i}`);
    const text = words.map((word, i) => `${word} `.repeat(i < 10 ? 5 : 1)).join(' ');
    const vector = termVector(text);
    expect(Object.keys(vector)).toHaveLength(64);
    expect(Object.keys(vector).slice(0, 10)).toEqual(words.slice(0, 10));
  });
});

describe('packTerms and unpackTerms', () => {
  test("an article's words are stored as one string and read back as they were, in order", () => {
    const vector = termVector('The cartel and the cartel: heroin, heroin, heroin, and the border of the state.');
    expect(packTerms(vector)).toBe('heroin:3 cartel:2 border:1 state:1');
    expect([...unpackTerms(packTerms(vector), 'a.md')]).toEqual(Object.entries(vector));
  });

  test('any text: its words read back as termVector counted them (any script, apostrophes, pairs of Han)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        const vector = termVector(text);
        expect([...unpackTerms(packTerms(vector), 'a.md')]).toEqual(Object.entries(vector));
      }),
    );
  });

  test('a store written otherwise is refused, naming the article and what was found', () => {
    expect(() => unpackTerms('heroin:3 cartel', 'drugs.md')).toThrow(
      'drugs.md: expected stored words as "word:count", found "cartel"',
    );
    expect(() => unpackTerms('heroin:0', 'drugs.md')).toThrow('found "heroin:0"');
    expect(unpackTerms('', 'empty.md').size).toBe(0);
  });
});

describe('relatedArticles', () => {
  const corpus = documents({
    cyber1: 'Cyber attacks on networks: malware, ransomware and hackers target critical networks and servers.',
    cyber2: 'Ransomware gangs and state hackers: malware spreads through networks and servers in every sector.',
    drugs1: 'Heroin and cocaine trafficking routes: cartels smuggle heroin through ports, and cocaine by sea.',
    drugs2: 'Cartels and trafficking: cocaine seizures at ports, heroin routes through Central Asia.',
    intel: 'Strategic intelligence agencies: analysts, collection and estimates for policy makers.',
  });

  test('finds the articles that share weighted words, most similar first', () => {
    const related = relatedArticles(corpus);
    expect(related.get('cyber1')![0]).toBe('cyber2');
    expect(related.get('drugs2')![0]).toBe('drugs1');
  });

  test('never lists the article itself, and lists none that share no word', () => {
    const related = relatedArticles(corpus);
    for (const [id, others] of related) expect(others).not.toContain(id);
    expect(related.get('intel')).toEqual([]);
  });

  test('holds for any collection: at most the count asked for, no repeats, no self, only known ids', () => {
    const word = fc.constantFrom('cyber', 'heroin', 'cartel', 'network', 'agency', 'policy', 'border', 'market');
    const collection = fc.array(fc.array(word, { maxLength: 30 }), { maxLength: 25 });
    fc.assert(
      fc.property(collection, fc.integer({ min: 1, max: 5 }), (texts, count) => {
        const docs = texts.map((words, i) => ({ id: `a${i}`, counts: wordCounts(words.join(' ')) }));
        const related = relatedArticles(docs, count);
        expect([...related.keys()]).toEqual(docs.map((doc) => doc.id));
        for (const [id, others] of related) {
          expect(others.length).toBeLessThanOrEqual(count);
          expect(new Set(others).size).toBe(others.length);
          expect(others).not.toContain(id);
        }
      }),
    );
  });

  test('does not depend on the order the articles come in, beyond breaking ties', () => {
    const forwards = relatedArticles(corpus);
    const backwards = relatedArticles([...corpus].reverse());
    expect(backwards.get('cyber1')![0]).toBe(forwards.get('cyber1')![0]);
    expect(backwards.get('drugs1')![0]).toBe(forwards.get('drugs1')![0]);
  });
});
