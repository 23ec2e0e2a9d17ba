/**
 * An article's citation in the forms readers' tools take: an APA 7 and a Chicago reference,
 * a BibTeX entry and a RIS record. Pure: the article's facts in, text out. A date is never
 * invented: an article without one is cited "n.d." and its files carry no year.
 */
import type { Author } from './authors';

/** What a citation of an article says. */
export interface CitedArticle {
  /** A key unique on the site: the article's slug. */
  id: string;
  title: string;
  authors: readonly Author[];
  date?: Date;
  /** The article's absolute address. */
  url: string;
  /** The site's name, where the article was published. */
  site: string;
  /** Its language (BCP 47). */
  lang: string;
}

/**
 * A reference as three runs of text, the title apart because a style may set it in italics
 * (`italic`); `text` is the whole, as a reader copies it.
 */
export interface Reference {
  before: string;
  title: string;
  italic: boolean;
  after: string;
  text: string;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The parts of a date as it was given (a date with no time is midnight UTC). */
function dayOf(date: Date) {
  return { year: date.getUTCFullYear(), month: MONTHS[date.getUTCMonth()]!, day: date.getUTCDate() };
}

/** `G. E.` for `Giancarlo Elia`, `J.-P.` for `Jean-Paul`. */
function initials(given: string): string {
  return given
    .split(/\s+/u)
    .filter(Boolean)
    .map((name) =>
      name
        .replace(/^["“‘'(]+|["”’')]+$/gu, '')
        .split('-')
        .map((part) => `${[...part][0] ?? ''}.`)
        .join('-'),
    )
    .filter((initial) => initial !== '.')
    .join(' ');
}

/** Ends `text` with a full stop unless it ends with one already (or another closing mark). */
function stop(text: string): string {
  return /[.?!]$/u.test(text) ? text : `${text}.`;
}

/**
 * Names as a list: `a`, then `a, & b` / `a, and b`, `a, b, & c`: APA puts a comma before the
 * "&" even between two, and Chicago one before the "and" after an inverted first name.
 */
function series(items: readonly string[], join: '&' | 'and'): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')}, ${join} ${items.at(-1)}`;
}

function reference(before: string, title: string, after: string, italic: boolean): Reference {
  return { before, title, italic, after, text: `${before}${title}${after}` };
}

/**
 * APA 7, a page of a website: `Valori, G. E. (n.d.). Title. Site. URL`. Without an author,
 * the title leads and the date follows it.
 */
export function apa(article: CitedArticle): Reference {
  const date = article.date
    ? (({ year, month, day }) => `(${year}, ${month} ${day}).`)(dayOf(article.date))
    : '(n.d.).';
  const title = stop(article.title);
  const tail = ` ${stop(article.site)} ${article.url}`;
  if (article.authors.length === 0) return reference('', title, ` ${date}${tail}`, true);
  const names = article.authors.map(({ given, family }) => (given ? `${family}, ${initials(given)}` : family));
  return reference(`${stop(series(names, '&'))} ${date} `, title, tail, true);
}

/**
 * Chicago (notes and bibliography), a bibliography entry for a page of a website:
 * `Valori, Giancarlo Elia. “Title.” Site, n.d. URL.` The first author is inverted, the others not.
 */
export function chicago(article: CitedArticle): Reference {
  const date = article.date ? (({ year, month, day }) => `${month} ${day}, ${year}`)(dayOf(article.date)) : 'n.d.';
  const names = article.authors.map(({ given, family }, i) =>
    !given ? family : i === 0 ? `${family}, ${given}` : `${given} ${family}`,
  );
  const title = `“${stop(article.title)}”`;
  const after = ` ${article.site}, ${stop(date)} ${article.url}.`;
  return names.length === 0
    ? reference('', title, after, false)
    : reference(`${stop(series(names, 'and'))} `, title, after, false);
}

/** BibTeX's special characters that a backslash alone does not escape. */
const SPELLED: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
};

/** Text for a BibTeX value, its special characters escaped. */
function escaped(value: string): string {
  return (
    value
      .replace(/[\\{}%&$#_^~]/gu, (c) => SPELLED[c] ?? `\\${c}`)
      // TeX's ligatures ('' → ”, -- → –, ?` → ¿) kept as the characters typed.
      .replace(/(['`-])(?=\1)|([?!])(?=`)/gu, '$1$2{}')
  );
}

/** A BibTeX value in braces, its special characters escaped. */
function braced(value: string): string {
  return `{${escaped(value)}}`;
}

/** `YYYY-MM-DD` of a date as given. */
function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A BibLaTeX `@online` entry (read by Zotero, JabRef, BibTeX with biblatex), keyed by the article's id. */
export function bibtex(article: CitedArticle): string {
  const fields: [string, string][] = [
    ['title', `{${braced(article.title)}}`],
    ...(article.authors.length > 0
      ? ([
          [
            'author',
            // Each family name braced: BibTeX would read a lowercase first word as a particle.
            `{${article.authors
              .map(({ given, family }) => `{${escaped(family)}}${given ? `, ${escaped(given)}` : ''}`)
              .join(' and ')}}`,
          ],
        ] as [string, string][])
      : []),
    ['organization', braced(article.site)],
    ...(article.date
      ? ([
          ['date', braced(isoDay(article.date))],
          ['year', braced(String(dayOf(article.date).year))],
        ] as [string, string][])
      : []),
    // A verbatim field: escapes would be read as part of the address.
    ['url', `{${article.url}}`],
    ['language', braced(article.lang)],
  ];
  const key = article.id.replace(/[^\p{L}\p{N}_:-]/gu, '-');
  return `@online{${key},\n${fields.map(([name, value]) => `  ${name} = ${value}`).join(',\n')}\n}\n`;
}

/** A RIS record of a web page (`TY  - ELEC`), as Zotero, EndNote and Mendeley import it. */
export function ris(article: CitedArticle): string {
  const line = (tag: string, value: string) => `${tag}  - ${value.replace(/\s+/gu, ' ')}`;
  return `${[
    line('TY', 'ELEC'),
    line('TI', article.title),
    ...article.authors.map(({ given, family }) => line('AU', given ? `${family}, ${given}` : family)),
    line('T2', article.site),
    ...(article.date
      ? [line('PY', String(dayOf(article.date).year)), line('DA', isoDay(article.date).replaceAll('-', '/'))]
      : []),
    line('UR', article.url),
    line('LA', article.lang),
    'ER  - ',
  ].join('\r\n')}\r\n`;
}
