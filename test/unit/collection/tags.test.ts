import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { keyOf } from '../../../src/ingest/heuristics';
import { parseSeed } from '../../../src/ingest/parse-seed';
import { bodyToPlainText } from '../../../src/ingest/to-markdown';
import type { Tag } from '../../../src/schemas/tag';
import { TAGS, parseTagVocabulary } from '../../../src/tags';
import { assignTags, findTag, mentions, tagRules, tagsInUse } from '../../../src/collection/tags';

const SEED = 'seeds/000_4f47ba8be8894ef4.txt';
const RULES = tagRules(TAGS);
const assign = (title: string, body: string) => assignTags({ title, body }, RULES);
const tag = (words: string[], slug = 'x'): Tag => ({ slug, label: slug, description: 'A tag.', words });
const count = (words: string[], text: string) => mentions(tagRules([tag(words)])[0]!, text);

describe('TAGS (content/tags.yml)', () => {
  test('is intelligence, cyber, PSCs and drugs, each with a slug and a one-sentence description', () => {
    expect(TAGS.map(({ slug, label }) => [slug, label])).toEqual([
      ['intelligence', 'intelligence'],
      ['cyber', 'cyber'],
      ['pscs', 'PSCs'],
      ['drugs', 'drugs'],
    ]);
    for (const { description } of TAGS) expect(description).toMatch(/^[A-Z][^.]*\.$/);
  });
});

describe('assignTags', () => {
  test('gives each article of the seed its one tag, as the rules in code did', () => {
    const articles = parseSeed(readFileSync(SEED, 'utf8'), SEED);
    const tagged = articles.map((a) => [a.title, assign(keyOf(a.title), keyOf(bodyToPlainText(a.body)))]);
    expect(tagged).toEqual([
      ['The Role of Information and Cyber Security and the Impact on Foreign Policy', ['cyber']],
      ['Evolutions of Strategic Intelligence', ['intelligence']],
      ['Chinese Private Security Companies Along the BRI: An Emerging Threat?', ['PSCs']],
      ['Tackling the Illicit Drug Trade: Perspectives From Russia', ['drugs']],
    ]);
  });

  test('tags from the title alone', () => {
    expect(assign('Heroin Routes Through Tajikistan', 'A short note.')).toEqual(['drugs']);
  });

  test('leaves an article untagged when nothing matches', () => {
    expect(assign('Water Wars on the Nile', 'The dam is finished, and the quarrel is not.')).toEqual([]);
  });

  test('ignores a passing mention in a long body', () => {
    expect(
      assign('Sea Power', `${'Ports and shipping lanes matter. '.repeat(200)}One cyber attack was noted.`),
    ).toEqual([]);
  });

  test('needs both enough mentions and enough of them per 1,000 words', () => {
    const filler = (words: number) => 'word '.repeat(words);
    // 3 mentions in 1,000 words: exactly the rate, tagged.
    expect(assign('T', `cyber cyber cyber ${filler(997)}`)).toEqual(['cyber']);
    // 3 mentions in 1,001 words: under the rate.
    expect(assign('T', `cyber cyber cyber ${filler(998)}`)).toEqual([]);
    // 2 mentions in 10 words: a high rate, too few mentions.
    expect(assign('T', `cyber cyber ${filler(8)}`)).toEqual([]);
  });

  test('tags a body that keeps returning to a subject, in vocabulary order', () => {
    expect(assign('A Region in Flux', 'Drug money funds militias. Cyber attacks hit banks. '.repeat(5))).toEqual([
      'cyber',
      'drugs',
    ]);
  });

  test('a tag added to the vocabulary is one entry, and tags by its words', () => {
    const energy = tag(['energy', 'oil', 'gas pipeline*'], 'energy');
    expect(
      assignTags({ title: 'Gas Pipelines Under the Baltic', body: 'A note.' }, tagRules([...TAGS, energy])),
    ).toEqual(['energy']);
  });
});

describe('the words of a rule', () => {
  test('match whole words in any case, a phrase across any white space', () => {
    expect(count(['drug'], 'Drug, drugs, DRUG; a drugstore; drug-money')).toBe(3);
    expect(count(['private security company'], 'Private  Security\nCompany')).toBe(1);
  });

  test('an acronym (two capitals or more) matches only as written', () => {
    expect(count(['PSC', 'PMSCs'], 'PSC, PMSCs, psc, Psc, pmscs, PSCs')).toBe(2);
  });

  test('a final * matches any ending', () => {
    expect(count(['cyber*'], 'cyber, cyberspace, Cybersecurity; not hypercyber')).toBe(3);
  });

  test('match in any script, without word boundaries in scripts written without spaces', () => {
    expect(count(['разведка'], 'Разведка и разведкаX, не контрразведка')).toBe(1);
    expect(count(['情报'], '中国情报工作')).toBe(1);
  });

  test('take punctuation in a word literally', () => {
    expect(count(['C++ (language)'], 'C++ (language) and C (language)')).toBe(1);
  });
});

describe('findTag and tagsInUse', () => {
  test('find a tag by label or slug', () => {
    expect(findTag(TAGS, 'PSCs')?.slug).toBe('pscs');
    expect(findTag(TAGS, 'pscs')?.label).toBe('PSCs');
    expect(findTag(TAGS, 'weather')).toBeUndefined();
  });

  test('count the tags articles carry, in vocabulary order, leaving out those none carries', () => {
    const articles = [{ data: { tags: ['drugs', 'cyber'] } }, { data: { tags: ['drugs'] } }];
    expect(tagsInUse(TAGS, articles).map(({ tag, count }) => [tag.slug, count])).toEqual([
      ['cyber', 1],
      ['drugs', 2],
    ]);
  });
});

describe('parseTagVocabulary', () => {
  const refused = (yaml: string) => {
    try {
      parseTagVocabulary(yaml, 'content/tags.yml');
    } catch (error) {
      return (error as Error).message;
    }
    return 'accepted';
  };

  test('reads the site’s own file', () => {
    expect(parseTagVocabulary(readFileSync('content/tags.yml', 'utf8'), 'content/tags.yml')).toEqual(TAGS);
  });

  test('refuses a wrong field with its file, line, tag and what it takes', () => {
    expect(
      refused(
        '- slug: energy\n  label: Energy\n  description: Power.\n  words: [oil]\n- slug: Trade Policy\n  label: trade\n  description: Goods.\n  words: [trade]\n',
      ),
    ).toBe(
      'content/tags.yml:5: the tag "Trade Policy": slug: expected lower-case letters, digits and single hyphens, such as "energy-policy", used by no other tag, found "Trade Policy"',
    );
    expect(refused('- slug: energy\n  label: Energy\n  description: Power.\n  words: []\n')).toBe(
      'content/tags.yml:4: the tag "energy": words: expected a list of words or phrases, such as [drug, drugs, heroin], a * only at the end of one, found an empty list',
    );
    expect(refused('- slug: energy\n  label: Energy\n  description: Power.\n  words: [oil]\n  colour: red\n')).toBe(
      'content/tags.yml:5: the tag "energy": expected only the fields slug, label, description, words, found "colour"',
    );
    expect(refused('- slug: energy\n  label: Energy\n  words: [oil]\n')).toBe(
      'content/tags.yml:1: the tag "energy": description: expected one sentence, as text, found nothing',
    );
  });

  test('refuses a slug or label used twice, and a label that is another tag’s slug', () => {
    const two = (a: string, b: string) =>
      `- slug: ${a}\n  label: ${a}\n  description: A.\n  words: [a]\n- slug: x\n  label: ${b}\n  description: B.\n  words: [b]\n`;
    expect(refused(two('energy', 'Energy'))).toMatch(
      /^content\/tags\.yml:6: the tag "x": label: expected a name of 1 to 40 characters that no other tag has, found "Energy"$/,
    );
    expect(refused(two('energy', 'trade'))).toBe('accepted');
  });

  test('refuses YAML that is not a list, or not YAML', () => {
    expect(refused('slug: energy\n')).toBe(
      'content/tags.yml:1: expected a list of tags (lines starting "- slug:"), found a single value',
    );
    expect(refused('- slug: [energy\n')).toMatch(/^content\/tags\.yml:\d+: expected YAML, found ".+"$/);
    expect(refused('')).toBe('accepted');
  });
});
