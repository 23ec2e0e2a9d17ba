/**
 * The search page: Pagefind loads when the reader starts to search (focus, typing, or a
 * query in the URL), results render on every keystroke with no debounce, the URL carries
 * the query and the tag (`?q=heroin&tag=drugs`) so a search can be shared, and the result
 * count is announced to screen readers.
 */
import { buildExcerpt } from './excerpt';
import { loadPagefind, type PagefindApi, type PagefindResultData, type PagefindSearch } from './pagefind';

/** Results rendered per search; Pagefind fetches one small fragment file per result shown. */
const MAX_RESULTS = 10;

/** Sub-results (sections) shown under a result. */
const MAX_SUB_RESULTS = 3;

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

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function renderResult(el: Elements, data: PagefindResultData): HTMLElement {
  const item = el.resultTemplate.content.firstElementChild!.cloneNode(true) as HTMLElement;
  const title = data.meta.title ?? data.url;
  const link = item.querySelector<HTMLAnchorElement>('[data-result-link]')!;
  link.href = data.url;
  link.textContent = title;
  const byline = item.querySelector<HTMLElement>('[data-result-byline]')!;
  byline.textContent = [data.meta.author && `By ${data.meta.author}`, ...(data.filters.tag ?? [])].filter(Boolean).join(' · ');
  item.querySelector('[data-result-excerpt]')!.append(buildExcerpt(document, data.content, data.locations));

  // Sections of the body only: the title (`h1`) is the result itself.
  const subs = data.sub_results
    .filter((sub) => sub.anchor && sub.anchor.element !== 'h1' && sub.locations.length > 0)
    .slice(0, MAX_SUB_RESULTS);
  const list = item.querySelector<HTMLUListElement>('[data-result-subs]')!;
  list.setAttribute('aria-label', `Sections of ${title}`);
  for (const sub of subs) {
    const subItem = el.subTemplate.content.firstElementChild!.cloneNode(true) as HTMLElement;
    const subLink = subItem.querySelector<HTMLAnchorElement>('a')!;
    subLink.href = sub.url;
    subLink.textContent = sub.title;
    subItem.querySelector('[data-sub-excerpt]')!.append(buildExcerpt(document, data.content, sub.locations, 18));
    list.append(subItem);
  }
  if (subs.length === 0) list.remove();
  return item;
}

function renderTagCounts(el: Elements, search: PagefindSearch | undefined) {
  const counts = search?.totalFilters.tag ?? {};
  for (const count of el.tags.querySelectorAll<HTMLElement>('[data-tag-count]')) {
    const tag = count.dataset.tagCount!;
    const n = tag === '' ? (search?.unfilteredResultCount ?? 0) : (counts[tag] ?? 0);
    count.textContent = search ? String(n) : '';
    count.closest('label')!.dataset.empty = String(Boolean(search) && n === 0);
  }
}

/**
 * Wire the search page up. `base` is the site's base path; the form's `data-index-tag` names
 * this build's index and its `data-highlight-param` the parameter result links carry.
 */
export function startSearchPage(base: string): void {
  const el = elements(document);
  const { indexTag = '', highlightParam = 'highlight' } = el.form.dataset;
  let pagefind: Promise<PagefindApi> | undefined;
  /** Bumped by every change of query or tag; a search that sees it move gives way. */
  let version = 0;

  const load = () => {
    pagefind ??= loadPagefind(base, indexTag, highlightParam);
    return pagefind;
  };

  const state = (): SearchState => ({
    q: el.input.value.trim(),
    tag: el.tags.querySelector<HTMLInputElement>('input:checked')?.value ?? '',
  });

  const show = (message: string, empty = false) => {
    el.status.textContent = message;
    el.empty.hidden = !empty;
  };

  async function run() {
    const id = version;
    const stale = () => id !== version;
    const { q, tag } = state();
    if (!q) {
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
      pagefind = undefined;
      show(
        import.meta.env.DEV
          ? 'No search index yet. Run `npm run build` once and reload: `npm run dev` searches the last build.'
          : 'Search could not load. Check your connection and try again.',
      );
      return;
    }
    // At each wait the reader may have typed on: then this query gives way to the newer one.
    if (stale()) return;
    const search = await api.search(q, tag ? { filters: { tag } } : {});
    if (stale() || !search) return;
    const top = await Promise.all(search.results.slice(0, MAX_RESULTS).map((result) => result.data()));
    if (stale()) return;

    el.results.replaceChildren(...top.map((data) => renderResult(el, data)));
    el.results.dataset.query = q;
    renderTagCounts(el, search);
    const where = tag ? ` tagged ${tag}` : '';
    if (search.results.length === 0) show(`No results for “${q}”${where}.`, true);
    else {
      const shown = search.results.length > MAX_RESULTS ? `, showing the first ${MAX_RESULTS}` : '';
      show(`${plural(search.results.length, 'result')} for “${q}”${where}${shown}.`);
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

  const update = () => {
    version++;
    history.replaceState(history.state, '', urlFor(state(), new URL(location.href)));
    schedule();
  };

  const restore = () => {
    const { q, tag } = readState(new URL(location.href));
    el.input.value = q;
    const radio = el.tags.querySelector<HTMLInputElement>(`input[value="${CSS.escape(tag)}"]`);
    (radio ?? el.tags.querySelector<HTMLInputElement>('input[value=""]')!).checked = true;
    version++;
    schedule();
  };

  el.input.addEventListener('input', update);
  el.tags.addEventListener('change', update);
  el.input.addEventListener('focus', () => void load().catch(() => undefined), { once: true });
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

  el.form.hidden = false;
  restore();
  el.input.focus();
}
