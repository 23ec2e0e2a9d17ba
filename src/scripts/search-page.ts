/**
 * The search page: Pagefind loads when the reader starts to search (focus, typing, or a
 * query in the URL); results render on every keystroke with no debounce (titles at once,
 * excerpts when the reader pauses); the URL carries the query and the tag
 * (`?q=heroin&tag=drugs`), so a search can be shared; the result count is announced.
 */
import { buildExcerpt, EXCERPT_WORDS, titleWords } from './excerpt';
import {
  loadPagefind,
  loadTagCounts,
  pageSummaryLoader,
  type PageSummary,
  type PagefindApi,
  type PagefindResult,
  type PagefindResultData,
  type PagefindSearch,
} from './pagefind';

/** Results rendered per search; each one's excerpt needs a small fragment file. */
const MAX_RESULTS = 10;

/** Sub-results (sections) shown under a result. */
const MAX_SUB_RESULTS = 3;

/**
 * How long the query must stay unchanged before excerpts are fetched. Titles show at once
 * (from the page list); fragments for the excerpts wait for the reader to pause, so typing
 * `heroin` does not fetch every article that `h` and `he` matched on the way.
 */
const EXCERPT_PAUSE_MS = 150;

interface SearchState {
  q: string;
  tag: string;
}

interface Elements {
  form: HTMLFormElement;
  input: HTMLInputElement;
  tags: HTMLFieldSetElement;
  status: HTMLElement;
  empty: HTMLElement;
  results: HTMLOListElement;
  resultTemplate: HTMLTemplateElement;
  subTemplate: HTMLTemplateElement;
}

function elements(root: Document): Elements {
  const get = <T extends HTMLElement>(id: string) => root.getElementById(id) as T;
  return {
    form: get('search-form'),
    input: get('search-input'),
    tags: get('search-tags'),
    status: get('search-status'),
    empty: get('search-empty'),
    results: get('search-results'),
    resultTemplate: get('search-result-template'),
    subTemplate: get('search-sub-result-template'),
  };
}

function readState(url: URL): SearchState {
  return { q: url.searchParams.get('q') ?? '', tag: url.searchParams.get('tag') ?? '' };
}

/** The page URL for a search: `?q=` and `?tag=` only when set, the rest of the URL kept. */
function urlFor(state: SearchState, current: URL): string {
  const url = new URL(current);
  url.searchParams.delete('q');
  url.searchParams.delete('tag');
  if (state.q) url.searchParams.set('q', state.q);
  if (state.tag) url.searchParams.set('tag', state.tag);
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The tab's title for a search, so history and tabs say what was searched: `“heroin” in drugs — Search — Dossier`. */
function titleFor({ q, tag }: SearchState, pageTitle: string): string {
  const what = [q && `“${q}”`, tag && (q ? `in ${tag}` : tag)].filter(Boolean).join(' ');
  return what ? `${what} — ${pageTitle}` : pageTitle;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A result as soon as the search returns: title, byline and tags, the excerpt to follow. */
function renderResult(el: Elements, page: PageSummary, href: string): HTMLElement {
  const item = el.resultTemplate.content.firstElementChild!.cloneNode(true) as HTMLElement;
  const link = item.querySelector<HTMLAnchorElement>('[data-result-link]')!;
  link.href = href;
  link.textContent = page.title;
  const byline = item.querySelector<HTMLElement>('[data-result-byline]')!;
  byline.textContent = [page.author && `By ${page.author}`, ...page.tags].filter(Boolean).join(' · ');
  return item;
}

/** Add the excerpt, with the matched words marked, and the matching sections. */
function fillResult(el: Elements, item: HTMLElement, data: PagefindResultData) {
  const title = titleWords(data.content, data.meta.title);
  item
    .querySelector('[data-result-excerpt]')!
    .replaceChildren(buildExcerpt(document, data.content, data.locations, EXCERPT_WORDS, title));
  // Sections of the body only: the title (`h1`) is the result itself.
  const subs = data.sub_results
    .filter((sub) => sub.anchor && sub.anchor.element !== 'h1' && sub.locations.length > 0)
    .slice(0, MAX_SUB_RESULTS);
  const list = item.querySelector<HTMLUListElement>('[data-result-subs]')!;
  list.setAttribute('aria-label', `Sections of ${data.meta.title ?? ''}`);
  list.replaceChildren(
    ...subs.map((sub) => {
      const subItem = el.subTemplate.content.firstElementChild!.cloneNode(true) as HTMLElement;
      const subLink = subItem.querySelector<HTMLAnchorElement>('a')!;
      subLink.href = sub.url;
      subLink.textContent = sub.title;
      subItem.querySelector('[data-sub-excerpt]')!.append(buildExcerpt(document, data.content, sub.locations, 18));
      return subItem;
    }),
  );
  list.hidden = subs.length === 0;
}

/** What a result shows before its fragment arrives, from its data when no summary exists. */
function summaryOf(data: PagefindResultData): PageSummary {
  return { url: data.url, title: data.meta.title ?? data.url, author: data.meta.author, tags: data.filters.tag ?? [] };
}

/** Each tag chip's count: within the search's results, or with no search, its articles in all. */
function renderTagCounts(el: Elements, search: PagefindSearch | undefined) {
  const counts = search?.totalFilters.tag ?? {};
  for (const count of el.tags.querySelectorAll<HTMLElement>('[data-tag-count]')) {
    const tag = count.dataset.tagCount!;
    const n = tag === '' ? (search?.unfilteredResultCount ?? 0) : (counts[tag] ?? 0);
    count.textContent = search ? String(n) : (count.dataset.total ?? '');
    count.closest('label')!.dataset.empty = String(Boolean(search) && n === 0);
  }
}

/**
 * Wire the search page up. `base` is the site's base path; the form's `data-index-tag` names
 * this build's index and its `data-highlight-param` the parameter result links carry.
 */
export function startSearchPage(base: string): void {
  const el = elements(document);
  const { indexTag = '', highlightParam = 'highlight', summaryDigits } = el.form.dataset;
  // Not a number in `astro dev`, where the placeholder stays: then one file, as a small build writes.
  const summariesOf = pageSummaryLoader(base, indexTag, Number.parseInt(summaryDigits ?? '', 10) || 0);
  /** Bumped by every change of query or tag; a search that sees it move gives way. */
  let version = 0;
  /** Results whose fragment has been fetched: their excerpts cost nothing more. */
  const fetched = new Set<string>();
  /**
   * Whether the next search renders whole (excerpts and sections with the titles): a search
   * restored from the URL, which nobody is typing, appears once rather than in two steps.
   */
  let whole = false;
  /** Whether Pagefind's tag filter has loaded, so that searches report tag counts. */
  let counted = false;

  /** Pagefind, loaded once, retried after a failure. */
  const load = () => loadPagefind(base, indexTag, highlightParam);

  /** A result link: the article under the base path, with the searched words to highlight. */
  const hrefFor = (url: string, q: string) => {
    const link = new URL(`${base}${url.replace(/^\//, '')}`, location.origin);
    for (const word of q.toLocaleLowerCase().split(/\s+/u)) {
      const clean = word.replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, '');
      if (clean) link.searchParams.append(highlightParam, clean);
    }
    return `${link.pathname}${link.search}`;
  };

  /** The results' data (their fragments, fetched once each), or undefined if the search went stale. */
  async function dataOf(results: PagefindResult[], stale: () => boolean) {
    const data = await Promise.all(results.map((result) => result.data()));
    for (const result of results) fetched.add(result.id);
    return stale() ? undefined : data;
  }

  /** Excerpts for the results on screen, once the reader pauses (at once when cached). */
  async function fillExcerpts(id: number, results: PagefindResult[], items: HTMLElement[]) {
    const stale = () => id !== version;
    if (!results.every((result) => fetched.has(result.id))) {
      await new Promise((resolve) => setTimeout(resolve, EXCERPT_PAUSE_MS));
      if (stale()) return;
    }
    const data = await dataOf(results, stale);
    data?.forEach((page, i) => fillResult(el, items[i]!, page));
  }

  /**
   * The tag counts of a search whose results came before the tag filter had loaded. The
   * filter is fetched once the reader pauses, as excerpts are (a reader still typing needs
   * the results of the words, not the counts); then the same search again (its words are
   * loaded now, so it is quick) gives them. Until then the chips keep the counts they show.
   */
  async function countTags(id: number, api: PagefindApi, q: string, tag: string) {
    await new Promise((resolve) => setTimeout(resolve, EXCERPT_PAUSE_MS));
    if (id !== version) return; // the next search asks again
    try {
      await loadTagCounts(api);
    } catch {
      return; // the chips keep their counts; the next search tries again
    }
    counted = true;
    if (id !== version) return;
    const search = await api.search(q, tag ? { filters: { tag } } : {});
    if (id === version && search) renderTagCounts(el, search);
  }

  const state = (): SearchState => ({
    q: el.input.value.trim(),
    tag: el.tags.querySelector<HTMLInputElement>('input:checked')?.value ?? '',
  });

  const show = (message: string, empty = false) => {
    el.status.textContent = message;
    el.empty.hidden = !empty;
  };

  async function run() {
    const complete = whole;
    whole = false;
    const id = version;
    const stale = () => id !== version;
    const { q, tag } = state();
    if (!q && !tag) {
      el.results.replaceChildren();
      delete el.results.dataset.query;
      renderTagCounts(el, undefined);
      show('');
      return;
    }
    let api: PagefindApi;
    try {
      api = await load();
    } catch {
      show(
        import.meta.env.DEV
          ? 'No search index yet. Run `npm run build` once and reload: `npm run dev` searches the last build.'
          : 'Search could not load. Check your connection and try again.',
      );
      return;
    }
    // At each wait the reader may have typed on: then this query gives way to the newer one.
    if (stale()) return;
    // A tag without words lists that tag's articles.
    const counts = counted; // whether this search reports tag counts
    const search = await api.search(q || null, tag ? { filters: { tag } } : {});
    if (stale() || !search) return;
    const shown = search.results.slice(0, MAX_RESULTS);
    const pages = await summariesOf(shown.map((result) => result.id));
    if (stale()) return;
    let items: HTMLElement[];
    let data: PagefindResultData[] | undefined;
    if (shown.every((result) => pages.has(result.id))) {
      items = shown.map((result) => renderResult(el, pages.get(result.id)!, hrefFor(pages.get(result.id)!.url, q)));
    } else {
      // No page list (an index from elsewhere): wait for the fragments, as Pagefind's own UI does.
      data = await dataOf(shown, stale);
      if (!data) return;
      items = data.map((page) => renderResult(el, summaryOf(page), page.url));
    }

    if (complete) {
      data ??= await dataOf(shown, stale);
      if (!data) return;
      data.forEach((page, i) => fillResult(el, items[i]!, page));
    }

    el.results.replaceChildren(...items);
    el.results.dataset.query = q;
    if (!complete) void fillExcerpts(id, shown, items);
    // Pagefind counts no tags for a search without words: then the counts are the articles'.
    if (!q || counts) renderTagCounts(el, q ? search : undefined);
    else void countTags(id, api, q, tag);
    const where = tag ? ` tagged ${tag}` : '';
    if (!q) show(`${plural(search.results.length, 'article')}${where}.`);
    else if (search.results.length === 0) show(`No results for “${q}”${where}.`, true);
    else {
      const more = search.results.length > MAX_RESULTS ? `, showing the first ${MAX_RESULTS}` : '';
      show(`${plural(search.results.length, 'result')} for “${q}”${where}${more}.`);
    }
  }

  // One search at a time, and after it only the newest query: keystrokes that arrive while
  // the index loads or a search runs never queue up searches for prefixes nobody wants.
  let running: Promise<void> | undefined;
  let again = false;
  const schedule = () => {
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        await run();
      } while (again);
      running = undefined;
    })();
  };

  const pageTitle = document.title;
  const update = () => {
    version++;
    history.replaceState(history.state, '', urlFor(state(), new URL(location.href)));
    document.title = titleFor(state(), pageTitle);
    schedule();
  };

  const restore = () => {
    const { q, tag } = readState(new URL(location.href));
    el.input.value = q;
    const radio = el.tags.querySelector<HTMLInputElement>(`input[value="${CSS.escape(tag)}"]`);
    (radio ?? el.tags.querySelector<HTMLInputElement>('input[value=""]')!).checked = true;
    document.title = titleFor(state(), pageTitle);
    version++;
    whole = true;
    schedule();
  };

  el.input.addEventListener('input', update);
  el.tags.addEventListener('change', update);
  el.form.addEventListener('submit', (event) => {
    event.preventDefault();
    el.results.querySelector<HTMLAnchorElement>('[data-result-link]')?.focus();
  });
  window.addEventListener('popstate', restore);

  // Arrow keys move between the input and the result links; Escape goes back to the input.
  el.form.parentElement!.addEventListener('keydown', (event) => {
    const links = [...el.results.querySelectorAll<HTMLAnchorElement>('a')];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'ArrowDown' && (document.activeElement === el.input || at >= 0)) {
      links[at + 1]?.focus();
      event.preventDefault();
    } else if (event.key === 'ArrowUp' && at >= 0) {
      (at === 0 ? el.input : links[at - 1]!).focus();
      event.preventDefault();
    } else if (event.key === 'Escape' && at >= 0) {
      el.input.focus();
    }
  });

  restore();
  el.input.focus();
  // A plain `/search/` paints first, then loads Pagefind, so the first keystroke finds it ready.
  // (A search in the URL has started loading it already, its files preloaded.)
  const warmUp = () => requestAnimationFrame(() => setTimeout(() => void load().catch(() => undefined)));
  if (document.readyState === 'complete') warmUp();
  else addEventListener('load', warmUp, { once: true });
}
