/**
 * The seed format as a written grammar: every rule the parser applies is a named pattern or
 * predicate here, with the seed line it targets. The parser (`parse-seed.ts`) only walks
 * blocks and calls these; the README's "seed format" section summarises them.
 *
 * ```text
 * seed      = leading-chrome* article+ trailing-chrome*
 * article   = section title byline? "Published" "on" body ending
 * body      = (paragraph | heading | list)+ partner-credit?
 * list      = paragraph? (numbered-item | bulleted-item)+
 * ending    = "Continue Reading" "Comments"*
 * ```
 *
 * Blocks are separated by blank lines (or U+2029, the paragraph separator); each header item
 * is a block of one line. Every
 * predicate reads a line's *key* (`keyOf`): its text without invisible format characters,
 * so a zero-width joiner can never decide a section, a title match or a slug.
 */

/** Page chrome that may stand before the first article: `Connect with us`. */
export const LEADING_CHROME: readonly string[] = ['Connect with us'];

/** Page chrome that may stand after the last article: `Publications`, `Latest`, `Trending`. */
export const TRAILING_CHROME: readonly string[] = ['Publications', 'Latest', 'Trending'];

/** The line after the header that once held the date: `Published`. */
export const PUBLISHED = 'Published';

/** The line after `Published`; the date that followed it was lost in the scrape. */
export const PUBLISHED_ON = 'on';

/** The line that ends every article: `Continue Reading`. */
export const ARTICLE_END = 'Continue Reading';

/** Chrome that may follow `Continue Reading`, on the next lines or after a blank: `Comments`. */
export const ARTICLE_END_EXTRA = 'Comments';

/** The credit some articles end with, e.g. `From our partner RIAC`. */
export const PARTNER_CREDIT = /^From our partner (?<partner>\S.*)$/u;

/** One item of a numbered list, always indented in the seed: `  1. G4S`. */
export const LIST_ITEM = /^\p{White_Space}+(?<number>\d{1,9})\.\p{White_Space}+(?<text>\P{White_Space}.*)$/u;

/**
 * One item of a bulleted list, indented or not: a marker (`•`, `◦`, `▪`, `‣`, `-`, `*`, `–`,
 * `—`), white space, then text that is not only more markers: `• ship-to-ship transfers;`.
 * The marker is structure, not text. `* * *`, a break between scenes, is all markers: it is text.
 */
export const BULLET_ITEM =
  /^\p{White_Space}*[•◦▪‣*\-–—]\p{White_Space}+(?<text>(?=.*[^•◦▪‣*\-–—\p{White_Space}])\P{White_Space}.*)$/u;

/** Longest line, in characters, that can still be a section heading in the body. */
export const HEADING_MAX_CHARS = 120;

/** Most words a section heading in the body can have. */
export const HEADING_MAX_WORDS = 18;

/** Longest section line, e.g. `Intelligence`, `Science & Technology`. */
export const SECTION_MAX_CHARS = 40;

/** Most words of a section line. */
export const SECTION_MAX_WORDS = 4;

/**
 * Longest byline, in characters: names with titles, affiliations or places
 * (`Ambassador (ret.) Pierre Vimont`, `Olga Ivanova (Moscow)`); a longer line is a sentence.
 */
export const BYLINE_MAX_CHARS = 150;

/** Most words of a byline; a line of more words is a sentence, not a byline. */
export const BYLINE_MAX_WORDS = 20;

/** A `By ` that opens a byline (any case, with or without a colon): not part of the name. */
export const BYLINE_PREFIX = /^(\p{Cf}*)by:?(?: |$)/iu;

/**
 * Characters that close a sentence, a clause or a quotation, in any script (`.`, `,`, `”`, `)`,
 * `。`, `؟`…): a line ending in one is not a heading, a section or a byline.
 */
const SENTENCE_END = /[\p{Terminal_Punctuation}\p{Pf}\p{Pe}"'…]$/u;

/**
 * A heading opens with a capital letter, a letter of a script without case (Chinese,
 * Arabic…) or a digit, as `Scope of Current PSC Tasks` does.
 */
const HEADING_START = /^[\p{Lu}\p{Lt}\p{Lo}\p{N}]/u;

/**
 * A capitalised word: it opens with a capital letter, or with a letter of a script that has
 * no case (Chinese, Arabic, Hebrew…), as names in those scripts do.
 */
const CAPITALISED_WORD = /^[\p{Lu}\p{Lt}\p{Lo}]/u;

/** Words that join the capitalised words of a section line: `Science & Technology`. */
const SECTION_JOINERS: ReadonlySet<string> = new Set(['&', 'and']);

/** Lower-case words that names carry: `de`, `van`, `bin`…, and the `and` between two names. */
const NAME_PARTICLES: ReadonlySet<string> = new Set(
  'and & al bin bint da das de del della den der des di do dos du e el et ibn la le ten ter van von y zu'.split(' '),
);

/** A name with a lower-case prefix joined to it: `al-Assad`, `d’Alembert` (`O'Brien` has a capital). */
const PREFIXED_NAME = /^(?:(?:al|el|ad|bin|ibn|abu)-|[dl]['’])[\p{Lu}\p{Lt}\p{Lo}]/u;

/** A word that can open or close a name: capitalised, or prefixed (`al-Assad`). */
const isNameWord = (word: string) => CAPITALISED_WORD.test(word) || PREFIXED_NAME.test(word);

/** A name's last word that may end in a full stop: an initial or `Jr.`, `Sr.`, `Ph.D.`, `et al.`. */
const NAME_ABBREVIATION = /^(?:\p{Lu}[\p{L}.]{0,3}|al|jr|sr|ret)\.$/u;

/**
 * Characters that close a sentence in any script (`.`, `!`, `?`, `。`, `؟`, `…`): a byline
 * that ends in one, but for an abbreviation, is a sentence that moved into the header.
 */
const SENTENCE_CLOSE = /[\p{Sentence_Terminal}…]$/u;

/** Whether a line is at most `chars` characters and `words` words long. */
const isShort = (key: string, chars: number, words: number) => key.length <= chars && key.split(' ').length <= words;

/** Format characters (zero-width joiners, bidirectional marks…): kept in text, never in a key. */
const FORMAT_CHARACTERS = /\p{Cf}/gu;

/**
 * What ends a line: LF, CRLF and CR, and Unicode's other line breaks, U+000B (the manual line
 * break word processors write), U+0085 (NEL), U+2028 (line separator) and U+2029 (paragraph
 * separator, which also ends a block, as a blank line does).
 */
// U+000B spelled as a code point, not `\v`: mutation testing's `\V` would not parse (eslint sees a control character).
// eslint-disable-next-line no-control-regex
export const LINE_BREAK = /\r\n|[\n\r\u000b\u0085\u2028\u2029]/u;

/** The paragraph separator, U+2029: a line break that also ends a block. */
export const PARAGRAPH_SEPARATOR = '\u2029';

/**
 * Characters a seed may not hold: C0 controls but tab and line breaks, DEL, C1 controls but
 * NEL, noncharacters such as U+FFFF, which XML (the RSS feed) cannot carry, and half a
 * surrogate pair, which no UTF-8 file can hold but a string handed to `parseSeed` can.
 */
// eslint-disable-next-line no-control-regex -- line breaks named to let them through, as LINE_BREAK's
export const FORBIDDEN_CHARACTER = /(?![\t\n\r\u000b\u0085])[\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}]/u;

/**
 * Text of a line as it should read: runs of white space, no-break spaces among them, collapse
 * to one space, and the ends are trimmed. `\u00a0Finally, for…` → `Finally, for…`. White space
 * is Unicode's: not JavaScript's `\s`, which counts the zero-width U+FEFF as a space.
 */
export function cleanText(line: string): string {
  return line.replace(/\p{White_Space}+/gu, ' ').replace(/^ | $/gu, '');
}

/**
 * What rules compare: the cleaned text without format characters, so `\u200dIntelligence`
 * is the section `Intelligence` and slugs to `intelligence`.
 */
export function keyOf(text: string): string {
  return cleanText(text.replace(FORMAT_CHARACTERS, ''));
}

/** Whether a line is `Published`, which opens an article's metadata. */
export function isPublished(key: string): boolean {
  return key === PUBLISHED;
}

/** Whether a line is `on`, which follows `Published`. */
export function isPublishedOn(key: string): boolean {
  return key === PUBLISHED_ON;
}

/** Whether a line closes an article: `Continue Reading`. */
export function isArticleEnd(key: string): boolean {
  return key === ARTICLE_END;
}

/** Whether a line is the `Comments` that may follow `Continue Reading`. */
export function isArticleEndExtra(key: string): boolean {
  return key === ARTICLE_END_EXTRA;
}

/** Whether a line is chrome that may stand before the first article: `Connect with us`. */
export function isLeadingChrome(key: string): boolean {
  return LEADING_CHROME.includes(key);
}

/** Whether a line is chrome that may stand after the last article: `Publications`… */
export function isTrailingChrome(key: string): boolean {
  return TRAILING_CHROME.includes(key);
}

/** Whether a line is one the format gives a structural role, so it cannot be a title. */
export function isStructural(key: string): boolean {
  return isPublished(key) || isPublishedOn(key) || isArticleEnd(key);
}

/** The partner named by a credit line (`From our partner RIAC` → `RIAC`), or undefined. */
export function partnerOf(key: string): string | undefined {
  return PARTNER_CREDIT.exec(key)?.groups!.partner;
}

/**
 * Whether a line can open an article as its section: one to four capitalised words (or `&`,
 * `and`), short, without closing punctuation. `Intelligence` and `Science & Technology` are
 * sections; `The emergence of the most advanced…` and `Evolutions of Strategic Intelligence` are not.
 */
export function isSectionLine(key: string): boolean {
  return (
    isShort(key, SECTION_MAX_CHARS, SECTION_MAX_WORDS) &&
    CAPITALISED_WORD.test(key) &&
    key.split(' ').every((word) => CAPITALISED_WORD.test(word) || SECTION_JOINERS.has(word)) &&
    !SENTENCE_END.test(key)
  );
}

/**
 * Whether a line is a plain name, or names: a few capitalised words and the particles names
 * carry (`Giancarlo Elia Valori`, `Carlos de la Fuente and Ana Gómez`), without closing
 * punctuation but a final initial or `Jr.`. A title such as `The Role of Information…` is not.
 * Bylines need not be plain names (see `isBylineShaped`); this tells a title that is one.
 */
export function isPlainName(key: string): boolean {
  const words = key.split(' ');
  const last = words[words.length - 1]!;
  const closes = SENTENCE_END.test(key) && !NAME_ABBREVIATION.test(last);
  return (
    isShort(key, BYLINE_MAX_CHARS, BYLINE_MAX_WORDS) &&
    isNameWord(words[0]!) &&
    isNameWord(last) &&
    words.every((word) => isNameWord(word) || NAME_PARTICLES.has(word)) &&
    !closes
  );
}

/**
 * The name a byline gives, without a leading `By ` (`By John Smith` → `John Smith`): empty
 * when the line is only `By`.
 */
export function bylineName(text: string): string {
  return text.replace(BYLINE_PREFIX, '$1');
}

/**
 * Whether the one line between a title and `Published` can be a byline: whatever its
 * characters (quotes, parentheses, titles, abbreviations, any script), it is not a sentence,
 * that is, at most `BYLINE_MAX_WORDS` words and `BYLINE_MAX_CHARS` characters, not closed by
 * a full stop, question or exclamation mark but after an abbreviation (`Jr.`, `et al.`).
 * `Jane “JD” O’Brien`, `Col. (Ret.) David Stone`, `李伟` are bylines; `The body paragraph
 * that moved up into the header.` is not.
 */
export function isBylineShaped(key: string): boolean {
  const words = key.split(' ');
  const closes = SENTENCE_CLOSE.test(key) && !NAME_ABBREVIATION.test(words[words.length - 1]!);
  return key !== '' && isShort(key, BYLINE_MAX_CHARS, BYLINE_MAX_WORDS) && !closes;
}

/** Words that join the words of a title but never a name's: `Evolutions of Strategic Intelligence`. */
const TITLE_WORDS: ReadonlySet<string> = new Set(
  'a an as at for from how in into is of on the to what when where which who why with'.split(' '),
);

/**
 * Whether a byline reads as a title: one clause (no comma, bracket or quotation mark) holding
 * a word that joins a title's words but never a name's (`of`, `the`, `on`…). `Evolutions of
 * Strategic Intelligence` does; `Jane Doe, Senior Fellow at the Atlantic Council`, `Ambassador
 * (ret.) Pierre Vimont` and `Carlos de la Fuente` do not. Under a title that is a plain name,
 * it tells a title and byline swapped.
 */
export function readsAsTitle(key: string): boolean {
  return !/[,()[\]"“”«»]/u.test(key) && key.split(' ').some((word) => TITLE_WORDS.has(word));
}

/**
 * Whether a one-line block is a section heading: short, capitalised and without closing
 * punctuation. `Scope of Current PSC Tasks` and `Conclusion` are headings;
 * `This is a completely wrong criterion.` is a paragraph. The body reader also requires
 * a heading to have a block after it: a heading heads something.
 */
export function isSectionHeading(key: string): boolean {
  return isShort(key, HEADING_MAX_CHARS, HEADING_MAX_WORDS) && HEADING_START.test(key) && !SENTENCE_END.test(key);
}

/** The number and text of an indented numbered item (`  1. G4S` → 1, `G4S`), or undefined. */
export function numberedItem(rawLine: string): { number: number; text: string } | undefined {
  const groups = LIST_ITEM.exec(rawLine)?.groups;
  return groups && { number: Number(groups.number), text: groups.text! };
}

/** The text of a bulleted item without its marker (`• flags of convenience` → `flags of convenience`), or undefined. */
export function bulletedItem(rawLine: string): string | undefined {
  return BULLET_ITEM.exec(rawLine)?.groups!.text;
}

/** Whether a raw line is indented: a list item's continuation is, a paragraph after a list is not. */
export function isIndented(rawLine: string): boolean {
  return /^\p{White_Space}/u.test(rawLine);
}

/**
 * Whether a one-line block is a question heading: a short title-case line ending in `?`,
 * whose words of four letters or more are all capitalised (`What Next for Russia’s Drug
 * Policy?`); a question in running text (`How can this fight be won?`) is a paragraph.
 */
export function isQuestionHeading(key: string): boolean {
  const words = key.split(' ');
  return (
    words.length >= 2 &&
    isShort(key, HEADING_MAX_CHARS, HEADING_MAX_WORDS) &&
    /^\p{Lu}/u.test(key) &&
    /[^?]\?$/u.test(key) &&
    words.every((word) => [...word.replace(/\P{L}/gu, '')].length < 4 || /^\P{L}*\p{Lu}/u.test(word))
  );
}
