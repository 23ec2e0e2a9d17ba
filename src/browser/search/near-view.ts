/**
 * Which results are near the reader's view: a result's excerpt needs its own fragment (6–7 KB
 * gzip for an article of the seed's length), and a reader sees two or three results on a
 * phone, five or so on a desktop. So excerpts are fetched for the results on screen and within
 * one screen below it, and for the others as the reader scrolls near them.
 */

/** How far below the view a result counts as near: one screen (the observer's bottom margin). */
const NEAR_VIEW_MARGIN = '0px 0px 100% 0px';

/**
 * Call `then` with the indexes (in order) of the `items` near the view: at once for those
 * near it now, then as the reader scrolls others near, each index once. Stops when all have
 * been given or `stale()` says a newer search has replaced them. A browser without
 * IntersectionObserver is given them all at once.
 */
export function whenNearView(items: readonly Element[], stale: () => boolean, then: (indexes: number[]) => void): void {
  if (typeof IntersectionObserver === 'undefined') {
    then(items.map((_, i) => i));
    return;
  }
  const waiting = new Set(items);
  const observer = new IntersectionObserver(
    (entries) => {
      if (stale()) {
        observer.disconnect();
        return;
      }
      const near = entries.filter((entry) => entry.isIntersecting && waiting.has(entry.target));
      for (const { target } of near) {
        waiting.delete(target);
        observer.unobserve(target);
      }
      if (waiting.size === 0) observer.disconnect();
      if (near.length > 0) then(near.map(({ target }) => items.indexOf(target)).sort((a, b) => a - b));
    },
    { rootMargin: NEAR_VIEW_MARGIN },
  );
  for (const item of items) observer.observe(item);
}
