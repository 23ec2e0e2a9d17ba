/**
 * A search as the URL, the tab's title and the status line say it: pure functions over
 * strings and URLs, no DOM, so each is tested on its own (test/unit/browser/search/search-state.test.ts).
 */
import type { QueryPlan } from './query-plan';

/** What is searched: the words (`q`) and the tag (`tag`), each empty when not set. */
export interface SearchState {
  q: string;
  tag: string;
}

/** The search a page URL carries: `?q=heroin&tag=drugs`. */
export function readState(url: URL): SearchState {
  return { q: url.searchParams.get('q') ?? '', tag: url.searchParams.get('tag') ?? '' };
}

/** The page URL for a search: `?q=` and `?tag=` only when set, the rest of the URL kept. */
export function urlFor(state: SearchState, current: URL): string {
  const url = new URL(current);
  url.searchParams.delete('q');
  url.searchParams.delete('tag');
  if (state.q) url.searchParams.set('q', state.q);
  if (state.tag) url.searchParams.set('tag', state.tag);
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The tab's title for a search, so history and tabs say what was searched: `“heroin” in drugs — Search — Dossier`. */
export function titleFor({ q, tag }: SearchState, pageTitle: string): string {
  const what = [q && `“${q}”`, tag && (q ? `in ${tag}` : tag)].filter(Boolean).join(' ');
  return what ? `${what} — ${pageTitle}` : pageTitle;
}

/**
 * A result's link: the article at `url` (a site path as Pagefind records it, `/articles/x/`)
 * under `base`, with each searched word of `q`, lower-cased and stripped of punctuation at its
 * ends, in a `param` parameter for the article to mark: `/reader/articles/x/?highlight=heroin`.
 */
export function resultHref(base: string, url: string, q: string, param: string): string {
  const link = new URL(`${base}${url.replace(/^\//, '')}`, 'https://site.invalid');
  for (const word of q.toLocaleLowerCase().split(/\s+/u)) {
    const clean = word.replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, '');
    if (clean) link.searchParams.append(param, clean);
  }
  return `${link.pathname}${link.search}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** What was searched of a query, as the status line says it. */
export type Searched = Pick<QueryPlan, 'search' | 'leftOut'>;

/**
 * The status line of a search that found `found` results, of which the page shows at most
 * `shown`; `empty` when nothing was found, so the page can offer what to try instead. It
 * names what was searched, and the common words left out of it: nothing is hidden.
 */
export function statusFor(
  { q, tag }: SearchState,
  found: number,
  shown: number,
  searched: Searched = { search: q, leftOut: [] },
): { message: string; empty: boolean } {
  const where = tag ? ` tagged ${tag}` : '';
  if (!q) return { message: `${plural(found, 'article')}${where}.`, empty: false };
  const words = searched.search.replace(/^"(.*)"$/u, '$1');
  const left =
    searched.leftOut.length > 0 ? ` (common words left out: ${searched.leftOut.map((w) => `“${w}”`).join(', ')})` : '';
  if (found === 0) return { message: `No results for “${words}”${where}${left}.`, empty: true };
  const more = found > shown ? `, showing the first ${shown}` : '';
  return { message: `${plural(found, 'result')} for “${words}”${where}${more}${left}.`, empty: false };
}
