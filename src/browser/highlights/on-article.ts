/**
 * Highlights on an article page: the reader's highlights of this article marked again on
 * each visit, those whose text is gone reported (and remembered as not found, for the list),
 * and a new one made from a selection.
 */
import { HIGHLIGHTS_KEY } from '../../facts';
import { anchorsOf, findAnchor, markRange } from './anchor';
import { newId, PROBLEM_MESSAGES, updateHighlights, type Highlight } from './store';

/** The class of a highlight's marks (base.css). */
const MARK_CLASS = 'reader-highlight';

/** Mark `range` as the highlight `id`. */
function mark(range: Range, id: string): void {
  markRange(range, { class: MARK_CLASS, 'data-highlight': id });
}

/** The address of the reader's list of highlights, named by the page's link to it. */
const listUrl = () => document.querySelector<HTMLAnchorElement>('a[data-highlights-link]')?.href;

/**
 * Mark this article's highlights in `body`; say in `status` how many were not found, and keep
 * which, so the list can say it too.
 */
export function markHighlights(body: HTMLElement, status: HTMLElement): void {
  const path = location.pathname;
  const lost = new Set<string>();
  const result = updateHighlights(HIGHLIGHTS_KEY, (highlights) =>
    highlights.map((highlight) => {
      if (highlight.path !== path) return highlight;
      // Marked already when the quote code ran before, e.g. after a highlight was made here.
      const marked = body.querySelector(`[data-highlight="${CSS.escape(highlight.id)}"]`) !== null;
      const range = marked ? undefined : findAnchor(body, highlight);
      if (range) mark(range, highlight.id);
      const isLost = !marked && !range;
      if (isLost) lost.add(highlight.id);
      const rest = { ...highlight };
      delete rest.lost;
      return isLost ? { ...rest, lost: true } : rest;
    }),
  );
  if (!result.ok) {
    if (result.problem !== 'unavailable') status.textContent = PROBLEM_MESSAGES[result.problem];
    return;
  }
  if (lost.size > 0) {
    // Said at the end of the article, where it moves nothing the reader is looking at.
    const notice = document.createElement('p');
    notice.className = 'highlights-notice';
    notice.setAttribute('role', 'status');
    notice.textContent = `${lost.size === 1 ? 'One of your highlights' : `${lost.size} of your highlights`} on this article could not be found: its text has changed. Your highlights keeps ${lost.size === 1 ? 'it' : 'them'}, marked as not found.`;
    body.after(notice);
  }
}

/**
 * Make a highlight of the selected `range` in `body`, one for each paragraph (or other block)
 * it covers; the message for the reader: done, or why not.
 */
export function highlightSelection(body: HTMLElement, range: Range): string {
  const anchors = anchorsOf(body, range);
  if (anchors.length === 0) return 'Select some of the article’s text to highlight it.';
  const title = document.querySelector('h1')?.textContent?.trim() ?? document.title;
  const created = new Date().toISOString();
  const made: Highlight[] = anchors.map((anchor) => ({
    id: newId(),
    path: location.pathname,
    title,
    note: '',
    created,
    ...anchor,
  }));
  const result = updateHighlights(HIGHLIGHTS_KEY, (highlights) => [...highlights, ...made]);
  if (!result.ok) return PROBLEM_MESSAGES[result.problem];
  for (const highlight of made) {
    const found = findAnchor(body, highlight);
    if (found) mark(found, highlight.id);
  }
  document.getSelection()?.removeAllRanges();
  const done = made.length === 1 ? 'Highlighted.' : `Highlighted, as ${made.length} passages, one for each paragraph.`;
  return listUrl()
    ? `${done} Your highlights lists ${made.length === 1 ? 'it' : 'them'}, where you can add a note.`
    : done;
}
