/**
 * On an article opened from a search result (`?highlight=heroin`), mark the searched words
 * with Pagefind's own highlighter and bring the first match into view: the first after the
 * section anchor when the link has one (`#conclusion`), else the first in the body.
 */

/** Class of the `<mark>` elements around highlighted words. */
export const HIGHLIGHT_CLASS = 'search-highlight';

interface PagefindHighlightModule {
  default: new (options: {
    highlightParam: string;
    markContext: string;
    addStyles: boolean;
    markOptions: { className: string; exclude: string[] };
  }) => unknown;
}

/**
 * Mark in `body` (the article body) the words of the URL parameter `param`, with the
 * highlighter of the Pagefind bundle at `pagefind` (`/reader/pagefind/`). The article page
 * gives both from src/facts.ts, as data attributes of the body.
 */
export async function highlightLanding(body: HTMLElement, param: string, pagefind: string): Promise<void> {
  const url = `${pagefind}pagefind-highlight.js`;
  const { default: PagefindHighlight } = (await import(/* @vite-ignore */ url)) as PagefindHighlightModule;
  body.id ||= 'article-body';
  new PagefindHighlight({
    highlightParam: param,
    markContext: `#${body.id}`,
    addStyles: false,
    markOptions: { className: HIGHLIGHT_CLASS, exclude: ['[data-pagefind-ignore]', '[data-pagefind-ignore] *'] },
  });

  const marks = [...body.querySelectorAll<HTMLElement>(`mark.${HIGHLIGHT_CLASS}`)];
  const anchor = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  const first =
    (anchor && marks.find((mark) => anchor.compareDocumentPosition(mark) & Node.DOCUMENT_POSITION_FOLLOWING)) ??
    marks[0];
  if (!first) return;
  const smooth = window.matchMedia('(prefers-reduced-motion: no-preference)').matches;
  first.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
  first.dataset.firstMatch = '';
}
