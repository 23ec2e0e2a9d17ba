/**
 * fast-check arbitraries for seeds in the scraped page format, written independently of the
 * parser: each generated seed comes with the articles it holds, block for block and line for
 * line, so a property can compare what ingest reads with what was written.
 */
import fc from 'fast-check';

/** What a generated article holds, as ingest should read it. */
export interface ExpectedArticle {
  section: string;
  title: string;
  author?: string;
  partner?: string;
  body: (
    | { type: 'paragraph'; text: string }
    | { type: 'heading'; text: string }
    | { type: 'list'; ordered: true; start: number; items: string[] }
    | { type: 'list'; ordered: false; items: string[] }
  )[];
  firstLine: number;
  lastLine: number;
}

/** A generated seed: its text and the articles in it. */
export interface GeneratedSeed {
  text: string;
  articles: ExpectedArticle[];
}

/** Format characters a scrape carries: zero-width joiner and space, marks of direction. */
const FORMAT_CHARACTERS = ['\u200d', '\u200b', '\u200c', '\u200e', '\u200f', '\u2066', '\u2069', '\u00ad'];

const strip = (text: string) => text.replace(/\p{Cf}/gu, '');

/** Capitalised words in several scripts (uncased scripts count as capitalised). */
const CAPITALISED = [
  'Intelligence',
  'Security',
  'Middle',
  'East',
  'Cyber',
  'Defense',
  'Ciência',
  'Östliche',
  'Δίκαιο',
  'Політика',
  'Énergie',
  'Ásia',
  'Żegluga',
  'İstanbul',
  '中东',
  'الأمن',
  'ביטחון',
  'Science',
  'Energy',
  'G20',
  'EU',
];
/** Names in several scripts. */
const NAMES = [
  'Sajad',
  'Abedi',
  'Giancarlo',
  'Elia',
  'Valori',
  'José',
  'Zoë',
  'Ólafur',
  'Łukasz',
  'محمد',
  '李',
  'Ngozi',
  "O'Brien",
  'Nguyễn',
];
/** Words of running text: any script, digits, punctuation, emoji, combining marks. */
const WORDS = [
  'the',
  'intelligence',
  'of',
  'security',
  'drug',
  'trade',
  'cyber',
  '2019',
  '1.',
  '#1',
  '*not*',
  '<script>',
  'a—b',
  '“quoted”',
  'PSCs',
  'naïve',
  'e\u0301te\u0301',
  'страна',
  'دولة',
  'מדינה',
  '国家',
  '🙂',
  '👩🏽‍💻',
  'x_y',
  '[link](u)',
  '&amp;',
];

/** The markers that open a bulleted item when a space follows them. */
const BULLETS = ['•', '◦', '▪', '‣', '-', '*', '–', '—'];

/**
 * A word of random printable graphemes: no white space, control, format character or
 * noncharacter, and not a bullet marker alone (which, opening a line, would open a list).
 */
const randomWord = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 6 })
  .filter((word) => !/[\s\p{Cc}\p{Cf}\p{Cs}\p{Noncharacter_Code_Point}]/u.test(word) && !BULLETS.includes(word));

const word = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: randomWord });

/** A word, sometimes with a format character inside or before it. */
const wordWithMarks = fc
  .tuple(word, fc.option(fc.constantFrom(...FORMAT_CHARACTERS), { freq: 6 }), fc.boolean())
  .map(([text, mark, before]) => (mark === null ? text : before ? `${mark}${text}` : `${text}${mark}`));

/** Words joined by single spaces. */
const words = (min: number, max: number) =>
  fc.array(wordWithMarks, { minLength: min, maxLength: max }).map((w) => w.join(' '));

const capitalised = (min: number, max: number) =>
  fc.array(fc.constantFrom(...CAPITALISED), { minLength: min, maxLength: max }).map((w) => w.join(' '));

/**
 * A paragraph: one to three lines of text that ends a sentence. A question ends in a word of
 * running text (`indeed?`), as questions in paragraphs do: a title-case question of one line
 * heads what follows.
 */
const paragraph = fc
  .tuple(fc.array(words(1, 25), { minLength: 1, maxLength: 3 }), fc.constantFrom('.', '!', ' indeed?', '…', '.”', ':'))
  .map(([lines, end]) => {
    const last = lines.length - 1;
    lines[last] = `${lines[last]}${end}`;
    return { lines, block: { type: 'paragraph' as const, text: lines.join(' ') } };
  });

/** A heading: a short capitalised line without closing punctuation (placed only before another block). */
const heading = fc
  .tuple(
    fc.constantFrom(...CAPITALISED),
    fc.array(fc.constantFrom('of', 'and', 'the', 'Drug', 'Trade', '2020'), { maxLength: 6 }),
  )
  .map(([first, rest]) => {
    const text = [first, ...rest].join(' ');
    return { lines: [text], block: { type: 'heading' as const, text } };
  });

/** A numbered list, indented as the seed's are, numbered on from `start`. */
const list = fc
  .tuple(
    fc.integer({ min: 1, max: 30 }),
    fc.array(words(1, 8), { minLength: 1, maxLength: 5 }),
    fc.constantFrom('  ', '   ', '\u00a0 '),
  )
  .map(([start, items, indent]) => ({
    lines: items.map((item, i) => `${indent}${start + i}. ${item}`),
    block: { type: 'list' as const, ordered: true as const, start, items },
  }));

/**
 * A bulleted list: each item a line opening with a marker and white space, indented or not,
 * some items running on to an indented line.
 */
const bulleted = fc
  .array(
    fc.tuple(
      fc.constantFrom(...BULLETS),
      fc.constantFrom('', '  ', '\u00a0'),
      fc.constantFrom(' ', '\t', '\u00a0'),
      words(1, 8),
      // A line that runs an item on is not an item itself (`  1. …` is a numbered one).
      fc.option(
        words(1, 5).filter((more) => !/^\d+\.\s/u.test(more)),
        { freq: 4 },
      ),
    ),
    { minLength: 1, maxLength: 5 },
  )
  .map((items) => ({
    lines: items.flatMap(([marker, indent, space, text, more]) => [
      `${indent}${marker}${space}${text}`,
      ...(more === null ? [] : [`  ${more}`]),
    ]),
    block: {
      type: 'list' as const,
      ordered: false as const,
      items: items.map(([, , , text, more]) => (more === null ? text : `${text} ${more}`)),
    },
  }));

type BodyPiece = { lines: string[]; block: ExpectedArticle['body'][number] };

/**
 * A body: blocks whose last is a paragraph or a list (a heading always heads something). Two
 * lists of one kind are never next to each other, since they read as one list.
 */
const body = fc
  .tuple(
    fc.array(fc.oneof({ weight: 5, arbitrary: paragraph }, heading, list, bulleted), { maxLength: 8 }),
    fc.oneof(paragraph, list, bulleted),
  )
  .map(([pieces, last]): BodyPiece[] =>
    [...pieces, last].filter((piece, i, all) => {
      const before = all[i - 1]?.block;
      return !(piece.block.type === 'list' && before?.type === 'list');
    }),
  )
  .filter((pieces) => pieces.at(-1)!.block.type !== 'heading');

/** Titles of running text, as most are. */
const anyTitle = fc.tuple(words(2, 14), fc.constantFrom('', '?', ':', ' — 2020')).map(([text, end]) => `${text}${end}`);

/**
 * A byline as real pages print them: one to three names, in several scripts, with what
 * names come with (a nickname in quotes, a place or rank in parentheses, a degree, `et al.`),
 * sometimes after a `By `. The expected author is the line without its `By `.
 */
const byline = fc
  .record({
    names: fc.array(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 3 }),
    more: fc.constantFrom('', ' de Souza', ' and Ana'),
    aside: fc.constantFrom('', ' "JD"', ' “JD”', ' «Док»', ' (Moscow)', ', Ph.D.', ' et al.', ' Jr.'),
    rank: fc.constantFrom('', 'Col. (Ret.) ', 'Ambassador (ret.) ', 'Dr. '),
    by: fc.constantFrom('', '', 'By ', 'BY ', 'by: '),
  })
  .map(({ names, more, aside, rank, by }) => {
    const [first, ...rest] = names;
    const quoted = /^ ["“«]/u.test(aside);
    const author = quoted
      ? `${rank}${[first, aside.trim(), ...rest].join(' ')}${more}`
      : `${rank}${names.join(' ')}${more}${aside}`;
    return { line: `${by}${author}`, author };
  });

/** Titles from a small pool, so articles of different seeds share them and their slugs collide. */
const poolTitle = fc.constantFrom('Same Title', 'Strategic Intelligence?', 'Другой заголовок', '?!… — ***');

/** One article's blocks of lines and what they hold (line numbers are set when the seed is laid out). */
const articleOf = (titles: fc.Arbitrary<string>) =>
  fc
    .record({
      section: fc.tuple(capitalised(1, 3), fc.boolean(), fc.boolean()),
      title: titles,
      byline: fc.option(byline, { freq: 2 }),
      body,
      partner: fc.option(fc.constantFrom('RIAC', 'IFIMES', 'Al-Ahram', 'ЦСИ'), { freq: 3 }),
      ending: fc.constantFrom('none', 'same-block', 'own-block'),
    })
    .map(({ section: [sectionWords, amp, joiner], title, byline, body, partner, ending }) => {
      const sectionText = `${joiner ? '\u200d' : ''}${amp ? sectionWords.replace(' ', ' & ') : sectionWords}`;
      const author = byline?.author;
      const shown = byline && strip(byline.line) !== strip(title) && strip(byline.line) !== strip(sectionText);
      const header = [[sectionText], [title], ...(shown ? [[byline.line]] : [])];
      const blocks: string[][] = [...header, ['Published'], ['on'], ...body.map((piece) => piece.lines)];
      if (partner) blocks.push([`From our partner ${partner}`]);
      blocks.push(ending === 'same-block' ? ['Continue Reading', 'Comments'] : ['Continue Reading']);
      if (ending === 'own-block') blocks.push(['Comments']);
      const expected: Omit<ExpectedArticle, 'firstLine' | 'lastLine'> = {
        section: strip(sectionText),
        title,
        ...(header.length === 3 ? { author: author! } : {}),
        ...(partner ? { partner } : {}),
        body: body.map((piece) => piece.block),
      };
      return { blocks, expected, endBlock: blocks.length - (ending === 'own-block' ? 2 : 1) };
    });

/** The lines between two blocks: one or more blank lines, some of only (no-break) spaces. */
const separator = fc.array(fc.constantFrom('', '', '\u00a0', '  '), { minLength: 1, maxLength: 3 });

/** A whole seed page: optional chrome around one to four articles, in any line break, with or without a BOM. */
const seedOf = (titles: fc.Arbitrary<string>): fc.Arbitrary<GeneratedSeed> =>
  fc
    .record({
      articles: fc.array(articleOf(titles), { minLength: 1, maxLength: 4 }),
      leading: fc.boolean(),
      trailing: fc.subarray(['Publications', 'Latest', 'Trending']),
      separators: fc.infiniteStream(separator),
      // Unicode's line breaks too: a word processor's U+000B, the line separator U+2028.
      newline: fc.constantFrom('\n', '\n', '\r\n', '\u000b', '\u2028', '\u0085'),
      finalNewline: fc.boolean(),
      bom: fc.boolean(),
    })
    .map(({ articles, leading, trailing, separators, newline, finalNewline, bom }) => {
      const lines: string[] = [];
      const expected: ExpectedArticle[] = [];
      const add = (block: string[]) => {
        if (lines.length > 0) lines.push(...separators.next().value);
        const first = lines.length + 1;
        lines.push(...block);
        return first;
      };
      if (leading) add(['Connect with us']);
      for (const { blocks, expected: article, endBlock } of articles) {
        const starts = blocks.map(add);
        expected.push({ ...article, firstLine: starts[0]!, lastLine: starts[endBlock]! });
      }
      for (const chrome of trailing) add([chrome]);
      const text = `${bom ? '\ufeff' : ''}${lines.join(newline)}${finalNewline ? newline : ''}`;
      return { text, articles: expected.map((a) => nfc(a)) };
    });

/** A seed page of any titles. */
export const seedArbitrary = seedOf(anyTitle);

/** A seed page whose titles come from a small pool, shared with other pages. */
export const collidingSeedArbitrary = seedOf(poolTitle);

/** What ingest reads: NFC text. */
function nfc(article: ExpectedArticle): ExpectedArticle {
  const n = (text: string) => text.normalize('NFC');
  return {
    ...article,
    section: n(article.section),
    title: n(article.title),
    ...(article.author ? { author: n(article.author) } : {}),
    body: article.body.map((block) =>
      block.type === 'list' ? { ...block, items: block.items.map(n) } : { ...block, text: n(block.text) },
    ),
  };
}

/** A change a hand, a scraper or a disk might make to a seed. */
export type Mutation =
  | { kind: 'delete' | 'duplicate'; at: number }
  | { kind: 'swap'; at: number; with: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; text: string };

/** Text a mutation may insert: controls, format and direction marks, line breaks, format words, any graphemes. */
const inserted = fc.oneof(
  fc.constantFrom(
    '\u0000',
    '\u0007',
    '\u001b[31m',
    '\u007f',
    '\u0085',
    '\ufffe',
    '\u200d',
    '\u202e',
    '\u2066',
    '\u00a0',
    '\t',
  ),
  fc.constantFrom(
    '\n',
    '\r\n',
    '\r',
    '\n\n',
    '  1. ',
    'Published',
    '\n\nPublished\n\non\n\n',
    'Continue Reading',
    '\n\nLatest\n\n',
    'From our partner X',
  ),
  fc.string({ unit: 'grapheme', maxLength: 4 }),
);

/** A position as a fraction of the seed, so it fits any seed; unbiased, so not mostly at the start. */
const position = fc.noBias(fc.integer({ min: 0, max: 999_999 })).map((n) => n / 1_000_000);

/** One mutation, its positions as fractions of the seed so they fit any seed. */
export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('delete' as const, 'duplicate' as const),
    at: position,
  }),
  fc.record({
    kind: fc.constant('swap' as const),
    at: position,
    with: position,
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
  fc.record({ kind: fc.constant('insert' as const), at: position, text: inserted }),
);

/** `text` with the mutation applied. */
export function mutate(text: string, mutation: Mutation): string {
  const lines = text.split('\n');
  const line = (fraction: number) => Math.min(lines.length - 1, Math.floor(fraction * lines.length));
  const offset = (fraction: number) => Math.floor(fraction * text.length);
  switch (mutation.kind) {
    case 'delete':
      lines.splice(line(mutation.at), 1);
      return lines.join('\n');
    case 'duplicate':
      lines.splice(line(mutation.at), 0, lines[line(mutation.at)]!);
      return lines.join('\n');
    case 'swap': {
      const [a, b] = [line(mutation.at), line(mutation.with)];
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return lines.join('\n');
    }
    case 'truncate':
      return text.slice(0, offset(mutation.at));
    case 'insert':
      return `${text.slice(0, offset(mutation.at))}${mutation.text}${text.slice(offset(mutation.at))}`;
  }
}
