import { describe, expect, test } from 'vitest';
import {
  BYLINE_MAX_CHARS,
  BYLINE_MAX_WORDS,
  FORBIDDEN_CHARACTER,
  HEADING_MAX_CHARS,
  HEADING_MAX_WORDS,
  LINE_BREAK,
  LIST_ITEM,
  SECTION_MAX_CHARS,
  SECTION_MAX_WORDS,
  bulletedItem,
  bylineName,
  cleanText,
  isBylineShaped,
  isIndented,
  isPlainName,
  isQuestionHeading,
  isSectionHeading,
  isSectionLine,
  isStructural,
  keyOf,
  numberedItem,
  partnerOf,
  readsAsTitle,
} from '../../../src/ingest/heuristics';

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
      ['\u0000', '\u0007', '\u000c', '\u001b', '\u007f', '\u0084', '\u009f', '\ufffe', '\uffff', '\ud83d'],
      true,
    );
  });

  test('lets text, tab and line breaks through, Unicode’s among them', () => {
    expectEach(
      (text) => FORBIDDEN_CHARACTER.test(text),
      ['\t', '\n', '\r', '\u000b', '\u0085', '\u2028', '\u2029', 'é', '\u00a0', '\u200d', '🙂', '中', '\u00ad'],
      false,
    );
  });
});

describe('LINE_BREAK', () => {
  test('breaks at LF, CRLF, CR and Unicode’s line breaks, and nowhere else', () => {
    expect('a\nb\r\nc\rd\u000be\u0085f\u2028g\u2029h\u000ci\u00a0j'.split(LINE_BREAK)).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e',
      'f',
      'g',
      'h\u000ci\u00a0j',
    ]);
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

describe('isPlainName', () => {
  test('accepts names: capitalised words, particles, prefixes, two names, a final initial', () => {
    expectEach(
      isPlainName,
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
      isPlainName,
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
        'Sajad xal-Abedi',
        'By Strategic Intelligence?',
        'Jane Doe Sr.?',
        'Jane the.',
        '',
      ],
      false,
    );
  });

  test(`holds at most ${BYLINE_MAX_WORDS} words and ${BYLINE_MAX_CHARS} characters`, () => {
    expectLimits(isPlainName, BYLINE_MAX_WORDS, BYLINE_MAX_CHARS);
  });
});

describe('isBylineShaped', () => {
  test('accepts any line of names: quotes, parentheses, ranks, places, affiliations, any script', () => {
    expectEach(
      isBylineShaped,
      [
        'Jane "JD" O\'Brien',
        'Jane “JD” O’Brien',
        'Olga Ivanova (Moscow)',
        'Col. (Ret.) David Stone',
        'Ambassador (ret.) Pierre Vimont',
        'Jane Doe, Senior Fellow at the Atlantic Council',
        'Li Wei and Sofia Marquez et al.',
        'John Smith, Ph.D.',
        'Martin Luther King Jr.',
        'By John Smith',
        'BY JANE DOE',
        'Олег «Док» Петров',
        '李伟',
        'محمد بن سلمان',
        'Sajad Abedi,',
      ],
      true,
    );
  });

  test('refuses a sentence: closed by a full stop, question or exclamation mark, or an ellipsis', () => {
    expectEach(
      isBylineShaped,
      [
        'The body paragraph that moved up into the header.',
        'Who wrote this?',
        'The total was equal.',
        'Read on!',
        'And so it went…',
        '一段正文。',
        'هل هذا سؤال؟',
        'Jane the.',
        '',
      ],
      false,
    );
  });

  test(`holds at most ${BYLINE_MAX_WORDS} words and ${BYLINE_MAX_CHARS} characters`, () => {
    expectLimits(isBylineShaped, BYLINE_MAX_WORDS, BYLINE_MAX_CHARS);
  });
});

describe('bylineName', () => {
  test('drops a leading By, in any case, with or without a colon, and keeps the rest as written', () => {
    expect(bylineName('By John Smith')).toBe('John Smith');
    expect(bylineName('BY JANE DOE')).toBe('JANE DOE');
    expect(bylineName('by: Li Wei')).toBe('Li Wei');
    expect(bylineName('\u200dBy Jane')).toBe('\u200dJane');
    expect(bylineName('By')).toBe('');
  });

  test('keeps a name that only starts with the letters', () => {
    expect(bylineName('Byron Hale')).toBe('Byron Hale');
    expect(bylineName('Bystrov, Ivan')).toBe('Bystrov, Ivan');
    expect(bylineName('Jane By')).toBe('Jane By');
  });
});

describe('readsAsTitle', () => {
  test('is true of one clause with a word that joins titles, never names', () => {
    expectEach(
      readsAsTitle,
      [
        'Evolutions of Strategic Intelligence',
        'The Role of Information',
        'War on Drugs',
        'Why It Matters'.toLowerCase(),
      ],
      true,
    );
  });

  test('is false of names, asides and affiliations after a comma', () => {
    expectEach(
      readsAsTitle,
      [
        'Giancarlo Elia Valori',
        'Carlos de la Fuente and Ana Gómez',
        'Jane Doe, Senior Fellow at the Atlantic Council',
        'Ambassador (ret.) Pierre Vimont',
        'Jane “Of” Doe',
        'Li Wei et al.',
      ],
      false,
    );
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
        'a Line That Starts Lower',
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

describe('isQuestionHeading', () => {
  test('accepts a short title-case question', () => {
    expectEach(
      isQuestionHeading,
      [
        'What Comes After the War on Drugs?',
        'Is This the End?',
        'What Next for Russia’s Drug Policy?',
        'Why Now?',
        'What Changed in 2020?',
        'What Is “Strategic” Intelligence?',
      ],
      true,
    );
  });

  test('refuses a question in running text, one word, a double mark, an uncased script, or no question', () => {
    expectEach(
      isQuestionHeading,
      [
        'How can this fight be won?',
        'Why?',
        'What Now??',
        'هل هذا سؤال؟',
        'What Comes After the War on Drugs',
        'what Comes Next?',
        'is This the End?',
        'What Next for this Policy?',
        'Who Pays for mid-Century Defence?',
        `${capitalisedWords(HEADING_MAX_WORDS + 1)}?`,
      ],
      false,
    );
  });
});

describe('LIST_ITEM and numberedItem', () => {
  test('an item is indented, numbered with a full stop, then white space and text', () => {
    expect(LIST_ITEM.exec('  10. Shandong Huawei Security Group')?.groups).toMatchObject({
      number: '10',
      text: 'Shandong Huawei Security Group',
    });
    expect(numberedItem('\u00a0 1.\u00a0 G4S')).toEqual({ number: 1, text: 'G4S' });
    expectEach(
      (line) => LIST_ITEM.test(line),
      ['1. Not indented', '  1) Parenthesis', '  1.No space', '  1.   ', '  x. Letter', '  1. '],
      false,
    );
    expect(numberedItem('1. Not indented')).toBeUndefined();
  });
});

describe('bulletedItem', () => {
  test('reads every marker, indented or not, and keeps the text whole', () => {
    for (const marker of ['•', '◦', '▪', '‣', '-', '*', '–', '—']) {
      expect(bulletedItem(`${marker} flags of convenience`), marker).toBe('flags of convenience');
      expect(bulletedItem(`\u00a0 ${marker}\tflags - of *convenience*`), marker).toBe('flags - of *convenience*');
    }
  });

  test('needs white space after the marker and text that is not only markers after that', () => {
    expectEach(
      (line) => bulletedItem(line) !== undefined,
      ['-not a marker', '* * *', '- - -', '—', '• ', '+ plus is not a marker', '2019 - 2020', 'a - b', '•• double'],
      false,
    );
    expect(bulletedItem('- 2019')).toBe('2019');
    expect(bulletedItem('• 🙂')).toBe('🙂');
    expect(bulletedItem('•  two spaces')).toBe('two spaces');
  });
});

describe('isIndented', () => {
  test('is true of a line that opens with white space, a no-break space among it', () => {
    expect(['  a', '\ta', '\u00a0a'].map(isIndented)).toEqual([true, true, true]);
    expect(['a', '', '\u200da'].map(isIndented)).toEqual([false, false, false]);
  });
});
