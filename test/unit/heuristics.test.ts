import { describe, expect, test } from 'vitest';
import {
  BYLINE_MAX_CHARS,
  BYLINE_MAX_WORDS,
  FORBIDDEN_CHARACTER,
  HEADING_MAX_CHARS,
  HEADING_MAX_WORDS,
  LIST_ITEM,
  SECTION_MAX_CHARS,
  SECTION_MAX_WORDS,
  cleanText,
  isByline,
  isNumberedList,
  isSectionHeading,
  isSectionLine,
  isStructural,
  keyOf,
  partnerOf,
} from '../../src/ingest/heuristics';

/** Expect `predicate` to say `verdict` of every line, naming the first it does not. */
function expectEach(predicate: (line: string) => boolean, lines: readonly string[], verdict: boolean): void {
  for (const line of lines) expect(predicate(line), JSON.stringify(line)).toBe(verdict);
}

/** Expect `predicate` to accept `words` words (of `wordLength` letters) and `chars` characters, and no more. */
function expectLimits(predicate: (line: string) => boolean, words: number, chars: number, wordLength = 4): void {
  expect(predicate(capitalisedWords(words, wordLength))).toBe(true);
  expect(predicate(capitalisedWords(words + 1, wordLength))).toBe(false);
  expect(predicate(lineOf(chars))).toBe(true);
  expect(predicate(lineOf(chars + 1))).toBe(false);
}

/** `n` capitalised words of `length` letters each, e.g. `Aaaa Aaaa`. */
const capitalisedWords = (n: number, length = 4) =>
  Array.from({ length: n }, () => `A${'a'.repeat(length - 1)}`).join(' ');
/** A line of exactly `chars` characters of capitalised words. */
const lineOf = (chars: number) => `A${'a'.repeat(chars - 1)}`;

describe('cleanText', () => {
  test('collapses Unicode white space, no-break spaces among them, and trims the ends', () => {
    expect(cleanText('\u00a0 Finally,\t for\u2003 the  rest  ')).toBe('Finally, for the rest');
  });

  test('keeps U+FEFF, which JavaScript counts as a space but is a zero-width format character', () => {
    expect(cleanText('a\ufeffb')).toBe('a\ufeffb');
  });
});

describe('keyOf', () => {
  test('drops format characters, then cleans', () => {
    expect(keyOf('\u200dIntelligence')).toBe('Intelligence');
    expect(keyOf('Evolutions\u200b of \u202eStrategic\ufeff ')).toBe('Evolutions of Strategic');
  });
});

describe('FORBIDDEN_CHARACTER', () => {
  test('matches C0 and C1 controls, DEL, noncharacters and half a surrogate pair', () => {
    expectEach(
      (character) => FORBIDDEN_CHARACTER.test(`a${character}b`),
      ['\u0000', '\u0007', '\u000b', '\u000c', '\u001b', '\u007f', '\u0085', '\u009f', '\ufffe', '\uffff', '\ud83d'],
      true,
    );
  });

  test('lets text, tab and line breaks through', () => {
    expectEach(
      (text) => FORBIDDEN_CHARACTER.test(text),
      ['\t', '\n', '\r', 'é', '\u00a0', '\u200d', '🙂', '中', '\u00ad'],
      false,
    );
  });
});

describe('isStructural', () => {
  test('is true of the format’s own lines only', () => {
    expect(['Published', 'on', 'Continue Reading'].map(isStructural)).toEqual([true, true, true]);
    expect(['Comments', 'Publications', 'On', 'published'].map(isStructural)).toEqual([false, false, false, false]);
  });
});

describe('partnerOf', () => {
  test('names the partner of a whole credit line', () => {
    expect(partnerOf('From our partner RIAC')).toBe('RIAC');
    expect(partnerOf('From our partner Al-Ahram Weekly')).toBe('Al-Ahram Weekly');
  });

  test('is undefined for a line that only contains a credit, or credits nobody', () => {
    expect(partnerOf('Reprinted. From our partner RIAC')).toBeUndefined();
    expect(partnerOf('From our partner ')).toBeUndefined();
    expect(partnerOf('From our partners RIAC')).toBeUndefined();
  });
});

describe('isSectionLine', () => {
  test('accepts one to four capitalised words, joined by & or and, in any script', () => {
    expectEach(
      isSectionLine,
      [
        'Intelligence',
        'Middle East',
        'Science & Technology',
        'Science and Technology',
        'New Social Compact',
        '中东',
        'G20',
      ],
      true,
    );
  });

  test('refuses a sentence, a title, a lower-case word, a joiner first, or closing punctuation', () => {
    expectEach(
      isSectionLine,
      [
        'The emergence of the most advanced technologies.',
        'Evolutions of Strategic Intelligence',
        'intelligence',
        '& Science',
        'Intelligence:',
        'Follow us',
        '',
      ],
      false,
    );
  });

  test(`holds at most ${SECTION_MAX_WORDS} words and ${SECTION_MAX_CHARS} characters`, () => {
    expectLimits(isSectionLine, SECTION_MAX_WORDS, SECTION_MAX_CHARS);
  });
});

describe('isByline', () => {
  test('accepts names: capitalised words, particles, prefixes, two names, a final initial', () => {
    expectEach(
      isByline,
      [
        'Sajad Abedi',
        'Giancarlo Elia Valori',
        'Carlos de la Fuente and Ana Gómez',
        'Bashar al-Assad',
        'Jean d’Alembert',
        "Jean d'Alembert",
        "Conan O'Brien",
        'Martin Luther King Jr.',
        'John Q.',
        'محمد بن سلمان',
        'Li',
      ],
      true,
    );
  });

  test('refuses a sentence, a title with lower-case words, a particle first or last, or closing punctuation', () => {
    expectEach(
      isByline,
      [
        'The body paragraph that moved up into the header.',
        'The Role of Information and Cyber Security',
        'on',
        'de Souza',
        'Ana de',
        'Sajad Abedi,',
        'Sajad Abedi.',
        'Sajad Abedi says so',
        'Sajad x-Abedi',
        'Sajad lo’Abedi',
        'Sajad d-Abedi',
        'By Strategic Intelligence?',
        'Jane Doe Sr.?',
        'Jane the.',
        '',
      ],
      false,
    );
  });

  test(`holds at most ${BYLINE_MAX_WORDS} words and ${BYLINE_MAX_CHARS} characters`, () => {
    expectLimits(isByline, BYLINE_MAX_WORDS, BYLINE_MAX_CHARS);
  });
});

describe('isSectionHeading', () => {
  test('accepts a short line that opens with a capital, an uncased letter or a digit, without closing punctuation', () => {
    expectEach(
      isSectionHeading,
      ['Conclusion', 'Scope of Current PSC Tasks', '2019 and After', '结论', 'Why It Matters: Three Reasons'],
      true,
    );
  });

  test('refuses a sentence in any script, a lower-case opening, a quotation', () => {
    expectEach(
      isSectionHeading,
      [
        'This is a completely wrong criterion.',
        'a lowercase line',
        '“Quoted”',
        '一段正文。',
        'هل هذا سؤال؟',
        'Conclusion)',
      ],
      false,
    );
  });

  test(`holds at most ${HEADING_MAX_WORDS} words and ${HEADING_MAX_CHARS} characters`, () => {
    expectLimits(isSectionHeading, HEADING_MAX_WORDS, HEADING_MAX_CHARS, 2);
  });
});

describe('LIST_ITEM and isNumberedList', () => {
  test('an item is indented, numbered with a full stop, then white space and text', () => {
    expect(LIST_ITEM.exec('  10. Shandong Huawei Security Group')?.groups).toMatchObject({
      number: '10',
      text: 'Shandong Huawei Security Group',
    });
    expect(LIST_ITEM.exec('\u00a0 1.\u00a0 G4S')?.groups).toMatchObject({ number: '1', text: 'G4S' });
    expectEach(
      (line) => LIST_ITEM.test(line),
      ['1. Not indented', '  1) Parenthesis', '  1.No space', '  1.   ', '  x. Letter', '  1. '],
      false,
    );
  });

  test('a block is a list when every line is an item', () => {
    expect(isNumberedList(['  1. G4S', '  2. Control Risks'])).toBe(true);
    expect(isNumberedList(['  1. G4S', 'Control Risks'])).toBe(false);
  });
});
