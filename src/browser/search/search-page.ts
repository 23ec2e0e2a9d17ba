/**
 * The search page, wired up: Pagefind loads after the first paint (or at once for a search in
 * the URL); results render on every keystroke with no debounce (titles at once, excerpts when
 * the reader pauses, for the results near the view), but for a query that cannot narrow yet
 * (its last word too short, or possibly a common word on its way), which waits for the pause;
 * a query of several words asks only for those that narrow (query-plan.ts); the URL and the
 * tab's title carry the search (`?q=heroin&tag=drugs`), so it can be shared; a search opened
 * from such a link appears whole at once, painted from the page summaries when they hold each
 * page's opening and sections (sections.ts), its excerpts filling in as they come; the result
 * count is announced; arrow keys move through the results.
 *
 * The pieces it wires: search-state.ts (URL, title, status), query-plan.ts (what is asked of
 * Pagefind), render-results.ts (the results), latest-only.ts (one search at a time, then the
 * newest), near-view.ts (which results' excerpts to fetch), pagefind-api.ts (loading Pagefind).
 */
import { latestOnly } from './latest-only';
import { whenNearView } from './near-view';
import {
  loadPagefind,
  loadTagCounts,
  pageSummaryLoader,
  type PagefindApi,
  type PagefindResult,
  type PagefindResultData,
} from './pagefind-api';
import { commonWords, planQuery, waitsWhileTyping } from './query-plan';
import {
  fillResult,
  paintFromSummary,
  renderResult,
  renderTagCounts,
  summaryOf,
  type ResultTemplates,
} from './render-results';
import type { ResultSection } from './sections';
import { readState, resultHref, statusFor, titleFor, urlFor, type SearchState } from './search-state';

/** Results rendered per search; each one's excerpt needs a small fragment file. */
const MAX_RESULTS = 10;

/**
 * How long the query must stay unchanged before excerpts (and the tag filter) are fetched.
 * Titles show at once (from the page summaries); fragments wait for the reader to pause, so
 * typing `heroin` does not fetch every article that `h` and `he` matched on the way.
 */
const EXCERPT_PAUSE_MS = 150;

/** The search page's element `id` (search.astro), of the type the page promises. */
function byId<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`search page: expected an element #${id}, found none`);
  return found as T;
}

/** A fact the page must give its script (src/facts.ts, via search.astro): never guessed. */
function fact(element: HTMLElement, name: 'highlightParam' | 'base'): string {
  const value = element.dataset[name];
  if (!value) throw new Error(`search page: expected a data attribute "${name}" on #${element.id}, found none`);
  return value;
}

/**
 * Wire the search page up. The form's data attributes (search.astro) give the base path,
 * this build's index tag, the summaries' shard digits and the parameter result links carry.
 */
export function startSearchPage(): void {
  const form = byId<HTMLFormElement>('search-form');
  const input = byId<HTMLInputElement>('search-input');
  const chips = byId<HTMLFieldSetElement>('search-tags');
  const status = byId('search-status');
  const empty = byId('search-empty');
  const list = byId<HTMLOListElement>('search-results');
  const templates: ResultTemplates = {
    result: byId<HTMLTemplateElement>('search-result-template'),
    sub: byId<HTMLTemplateElement>('search-sub-result-template'),
  };
  const { indexTag = '', summaryDigits } = form.dataset;
  const highlightParam = fact(form, 'highlightParam');
  const base = fact(form, 'base');
  // Not a number in `astro dev`, where the placeholder stays: then one file, as a small build writes.
  const digits = Number.parseInt(summaryDigits ?? '', 10) || 0;
  const summariesOf = pageSummaryLoader(base, indexTag, digits);
  /** One file of summaries (no shard digits) holds each page's opening, to paint a linked search from. */
  const oneFileSummaries = digits === 0;
  const load = () => loadPagefind(base, indexTag, highlightParam);
  /** The common words of the page's language, which a query of several words leaves out. */
  const common = commonWords(document.documentElement.lang);

  /** Bumped by every change of query or tag; a search that sees it move gives way. */
  let version = 0;
  /** Ends the pauses going on (`pause`). */
  let endPauses = () => {};
  /** The query or tag changed: whoever waits on the last one gives way at once. */
  const changed = () => {
    version++;
    const end = endPauses;
    endPauses = () => {};
    end();
  };
  /** The reader's pause: `EXCERPT_PAUSE_MS`, or less if the query changes meanwhile. */
  const pause = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, EXCERPT_PAUSE_MS);
      const others = endPauses;
      endPauses = () => {
        others();
        clearTimeout(timer);
        resolve();
      };
    });
  /** Results whose fragment has been fetched: their excerpts cost nothing more. */
  const fetched = new Set<string>();
  /**
   * Whether the next search renders whole (excerpts and sections with the titles): a search
   * restored from the URL, which nobody is typing, appears once rather than in two steps.
   */
  let whole = false;
  /** Whether Pagefind's tag filter has loaded, so that searches report tag counts. */
  let counted = false;

  const state = (): SearchState => ({
    q: input.value.trim(),
    tag: chips.querySelector<HTMLInputElement>('input:checked')?.value ?? '',
  });

  const show = (message: string, isEmpty = false) => {
    status.textContent = message;
    empty.hidden = !isEmpty;
  };

  /** The results' data (their fragments, fetched once each), or undefined if the search went stale. */
  async function dataOf(results: PagefindResult[], stale: () => boolean) {
    const data = await Promise.all(results.map((result) => result.data()));
    for (const result of results) fetched.add(result.id);
    return stale() ? undefined : data;
  }

  /**
   * Excerpts for the results near the view (`whenNearView`), and for the others as the reader
   * scrolls near them. A typed search's wait for the reader's pause first (not when their
   * fragments are here); a linked one, `painted` from its summaries, fills its boxes at once.
   */
  function fillExcerpts(id: number, results: PagefindResult[], items: HTMLElement[], painted?: ResultSection[][]) {
    const stale = () => id !== version;
    let paused = painted !== undefined;
    whenNearView(items, stale, (near) => {
      void (async () => {
        const wanted = near.map((i) => results[i]!);
        if (!paused && !wanted.every((result) => fetched.has(result.id))) {
          await pause();
          if (stale()) return;
          paused = true;
        }
        const data = await dataOf(wanted, stale);
        data?.forEach((page, k) => fillResult(templates, items[near[k]!]!, page, painted?.[near[k]!]));
      })().catch(() => undefined); // a fragment that cannot come leaves its result's opening or empty box
    });
  }

  /**
   * The tag counts of a search whose results came before the tag filter had loaded. The
   * filter is fetched once the reader pauses, as excerpts are (a reader still typing needs
   * the results of the words, not the counts); then the same search again (its words are
   * loaded now, so it is quick) gives them. Until then the chips keep the counts they show.
   */
  async function countTags(id: number, api: PagefindApi, search: string, tag: string) {
    await pause();
    if (id !== version) return; // the next search asks again
    try {
      await loadTagCounts(api);
    } catch {
      return; // the chips keep their counts; the next search tries again
    }
    counted = true;
    if (id !== version) return;
    const found = await api.search(search, tag ? { filters: { tag } } : {});
    if (id === version && found) renderTagCounts(chips, found);
  }

  async function run() {
    const complete = whole;
    whole = false;
    const id = version;
    const stale = () => id !== version;
    const current = state();
    const { q, tag } = current;
    if (!q && !tag) {
      list.replaceChildren();
      delete list.dataset.query;
      renderTagCounts(chips, undefined);
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
          : 'Search is offline: this device cannot reach the site, and search needs the index it has not saved. Try again once you are back online.',
      );
      return;
    }
    // At each wait the reader may have typed on: then this query gives way to the newer one.
    if (stale()) return;
    // While the reader types, a query that cannot narrow yet (`th`, `the w`) waits for their
    // pause: at 10,000 articles `h` alone, on the way to `heroin`, fetches 268 KB. A reader
    // who stops at a short query (`AI`, a word of one Chinese character) has it after the pause.
    const plan = planQuery(q, common);
    if (!complete && q && waitsWhileTyping(q, plan, common)) {
      await pause();
      if (stale()) return;
    }
    const counts = counted; // whether this search reports tag counts
    // A tag without words lists that tag's articles.
    const search = await api.search(plan.search || null, tag ? { filters: { tag } } : {});
    if (stale() || !search) return;
    const shown = search.results.slice(0, MAX_RESULTS);
    // A search opened from a link that waits for its fragments (sharded summaries hold no
    // openings to paint from) asks for them at once, beside the summaries.
    const fragments = complete && !oneFileSummaries ? dataOf(shown, stale) : undefined;
    fragments?.catch(() => undefined); // a search gone stale meanwhile never reads them
    const pages = await summariesOf(shown.map((result) => result.id));
    if (stale()) return;
    let items: HTMLElement[];
    let data: PagefindResultData[] | undefined;
    const summaries = shown.map((result) => pages.get(result.id));
    // A search opened from a link appears once, whole: painted from its summaries when they hold
    // each page's opening (one preloaded file, a small collection), the excerpts filling in
    // their boxes when the fragments come; else once the fragments have come.
    const paintable = complete && summaries.every((page) => page?.opening !== undefined);
    /** The sections each result was painted with, for its fragment to fill in. */
    const painted: ResultSection[][] = [];
    if (summaries.every((page) => page !== undefined)) {
      items = summaries.map((page, i) => {
        const href = resultHref(base, page.url, plan.marked, highlightParam);
        const item = renderResult(templates, page, href);
        if (paintable) painted.push(paintFromSummary(templates, item, page, shown[i]!.words, href));
        return item;
      });
    } else {
      // No page summaries (an index from elsewhere): wait for the fragments, as Pagefind's own UI does.
      data = await (fragments ?? dataOf(shown, stale));
      if (!data) return;
      items = data.map((page) => renderResult(templates, summaryOf(page), page.url));
    }
    if (complete && !paintable) {
      data ??= await (fragments ?? dataOf(shown, stale));
      if (!data) return;
      data.forEach((page, i) => fillResult(templates, items[i]!, page));
    }

    list.replaceChildren(...items);
    list.dataset.query = q;
    if (paintable) fillExcerpts(id, shown, items, painted);
    else if (!complete) fillExcerpts(id, shown, items);
    // Pagefind counts no tags for a search without words: then the counts are the articles'.
    if (!q || counts) renderTagCounts(chips, q ? search : undefined);
    else void countTags(id, api, plan.search, tag);
    const { message, empty: isEmpty } = statusFor(current, search.results.length, MAX_RESULTS, plan);
    show(message, isEmpty);
  }

  const schedule = latestOnly(run);
  const pageTitle = document.title;

  const update = () => {
    changed();
    history.replaceState(history.state, '', urlFor(state(), new URL(location.href)));
    document.title = titleFor(state(), pageTitle);
    void schedule();
  };

  const restore = () => {
    const { q, tag } = readState(new URL(location.href));
    input.value = q;
    const radio =
      chips.querySelector<HTMLInputElement>(`input[value="${CSS.escape(tag)}"]`) ??
      chips.querySelector<HTMLInputElement>('input[value=""]');
    if (radio) radio.checked = true;
    document.title = titleFor(state(), pageTitle);
    changed();
    whole = true;
    void schedule();
  };

  input.addEventListener('input', update);
  chips.addEventListener('change', update);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    list.querySelector<HTMLAnchorElement>('[data-result-link]')?.focus();
  });
  window.addEventListener('popstate', restore);

  // Arrow keys move between the input and the result links; Escape goes back to the input.
  (form.parentElement ?? document).addEventListener('keydown', (event) => {
    if (!(event instanceof KeyboardEvent)) return;
    const links = [...list.querySelectorAll<HTMLAnchorElement>('a')];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'ArrowDown' && (document.activeElement === input || at >= 0)) {
      links[at + 1]?.focus();
      event.preventDefault();
    } else if (event.key === 'ArrowUp' && at >= 0) {
      (at === 0 ? input : links[at - 1])?.focus();
      event.preventDefault();
    } else if (event.key === 'Escape' && at >= 0) {
      input.focus();
    }
  });

  // The script arrives once the page has been seen: a query typed or a tag picked before then,
  // with no search in the URL, is searched now rather than cleared.
  const linked = readState(new URL(location.href));
  const typed = state();
  if (!linked.q && !linked.tag && (typed.q || typed.tag)) update();
  else restore();
  if (document.activeElement === document.body) input.focus();
  // This script arrives once a plain `/search/` has been seen (AfterFirstPaint.astro): Pagefind
  // loads now, so the first keystroke finds it ready. (A search in the URL has started loading
  // it already, its files preloaded.)
  void load().catch(() => undefined);
}
