/**
 * What a search asks Pagefind for. Pagefind keeps every word in its index, the commonest too
 * (its exact phrases need them), and a word on every page has the largest chunk of all: at
 * 10,000 articles `the` alone is 759 KB. So a query of several words asks only for the words
 * that narrow it, and says which it left out; and while the reader types, a word that may yet
 * become a common one, or is too short to narrow, waits for the reader's pause.
 * Pure: no DOM, so each rule is tested on its own (test/unit/browser/search/query-plan.test.ts).
 */
import { eng } from 'stopword';

/** Common words by language (BCP 47 primary subtag): English's, from the `stopword` package. */
const COMMON: Readonly<Record<string, readonly string[]>> = { en: eng };

/** The common words of a page's language (`en`, `en-GB`); none for a language without a list. */
export function commonWords(lang: string): ReadonlySet<string> {
  return new Set(COMMON[lang.toLowerCase().split('-')[0]!] ?? []);
}

/**
 * Fewest letters of a last word searched while the reader types: Pagefind searches the last
 * word as a prefix, and fetches every index chunk a word of that prefix may be in. `s` or `se`,
 * on the way to `security`, match most of the index; `sec` still fetches a chunk of its own
 * beside `secu`'s (at 1,000 articles a first search for "security" fetched 191 KB with three
 * letters, 154 with four: `npm run bench:scale -- --articles 1000`). A shorter word is searched
 * when the reader pauses.
 */
export const SHORT_WORD = 4;

/** Quotation marks an exact phrase may be typed in: straight, or curly, as phones type them. */
const QUOTE = /["“”„]/u;
const QUOTES = new RegExp(QUOTE.source, 'gu');

/** A word as the lists spell it: lower case, without punctuation at its ends. */
const bare = (word: string) => word.toLocaleLowerCase().replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, '');

/** The words of a query, as typed. */
const wordsOf = (q: string) => q.split(/\s+/u).filter(Boolean);

/** What a query asks Pagefind for, and what the page says and marks of it. */
export interface QueryPlan {
  /** What Pagefind is asked: the words that narrow the search, or the whole query. */
  search: string;
  /** The reader's words left out as too common to narrow (`the`, `on`), as typed. */
  leftOut: readonly string[];
  /** The reader's words a result's page marks on landing: those that narrow, or all. */
  marked: string;
}

/**
 * The plan of query `q`. Of several words, only those not in `common` are searched
 * (`the war on drugs` → `war drugs`), and the rest are `leftOut`. A query in quotation marks is
 * an exact phrase, which needs every word: it is searched whole, its curly quotes made
 * straight (Pagefind's phrase syntax). A query of common words only is searched whole too.
 */
export function planQuery(q: string, common: ReadonlySet<string>): QueryPlan {
  const words = wordsOf(q);
  const narrowing = words.filter((word) => !common.has(bare(word)));
  const marked = (narrowing.length > 0 ? narrowing : words).join(' ').replace(QUOTES, '');
  if (QUOTE.test(q)) return { search: q.replace(QUOTES, '"'), leftOut: [], marked };
  if (narrowing.length === 0 || narrowing.length === words.length) return { search: q, leftOut: [], marked };
  return { search: narrowing.join(' '), leftOut: words.filter((word) => common.has(bare(word))), marked };
}

/**
 * Whether query `q` (planned as `plan`), while the reader is typing it, waits for their pause
 * before it is searched: a phrase in quotation marks (every word of it would be fetched); a query of
 * common words only (`the`); or one whose last word, searched as a prefix, is shorter than
 * `SHORT_WORD` letters (`the w`) or may yet become a common word (`th`, `ther` on the way to
 * `there`). A last word that is itself common is left out, so the rest is searched at once.
 */
export function waitsWhileTyping(q: string, plan: QueryPlan, common: ReadonlySet<string>): boolean {
  if (QUOTE.test(q)) return true;
  const last = bare(wordsOf(q).at(-1) ?? '');
  if (plan.leftOut.length > 0 && common.has(last)) return false;
  // Here a common last word makes the whole query common, and waits as a prefix of itself.
  return [...last].length < SHORT_WORD || [...common].some((word) => word.startsWith(last));
}
