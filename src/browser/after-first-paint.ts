/**
 * Work that can wait until the page has been seen: run once the load event has fired and the
 * first contentful paint has reached the screen. A request started before that paint shares a
 * slow connection with the page's own CSS and text and delays them, so the article's reading
 * features and the search page's script (which then loads Pagefind) are fetched only after
 * it (AfterFirstPaint.astro).
 */

/** A browser that reports no paint (or a tab in the background) waits this long instead. */
const PAINT_WAIT_MS = 1000;

/**
 * Run `then` after the load event, once the page's first contentful paint has been shown, as
 * the browser reports it (Paint Timing), and two frames after it: a long page's first paint
 * may show only its top, and the rest (the paragraph that is its largest paint) reaches the
 * screen a frame or two later. A frame's paint is reported when it reaches the screen, which
 * on a fast load comes after the load event and the next animation frame: waiting for those
 * alone let a request start 10 to 25 ms before the first paint.
 */
export function afterFirstPaint(then: () => void): void {
  if (document.readyState === 'complete') whenPainted(then);
  else addEventListener('load', () => whenPainted(then), { once: true });
}

/** Run `then` once `count` more frames have been drawn. */
function afterFrames(count: number, then: () => void): void {
  if (count === 0) setTimeout(then);
  else requestAnimationFrame(() => setTimeout(() => afterFrames(count - 1, then)));
}

function whenPainted(then: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    afterFrames(2, then);
  };
  try {
    const observer = new PerformanceObserver((entries) => {
      if (!entries.getEntriesByName('first-contentful-paint').length) return;
      observer.disconnect();
      setTimeout(run);
    });
    observer.observe({ type: 'paint', buffered: true });
  } catch {
    // no Paint Timing: the wait below
  }
  setTimeout(run, PAINT_WAIT_MS);
}

/**
 * Load the page's own script, named by a marker (AfterFirstPaint.astro), and ask at the same
 * moment for the files it will fetch, which the page names in a template of preload links
 * (SearchPreloads.astro): side by side with the script rather than after it.
 */
export function loadPageScripts(): void {
  for (const preloads of document.querySelectorAll<HTMLTemplateElement>('template[data-preload-after-paint]')) {
    document.head.append(preloads.content);
  }
  for (const marker of document.querySelectorAll<HTMLElement>('[data-load-after-paint]')) {
    const url = marker.dataset.loadAfterPaint;
    if (url) void import(/* @vite-ignore */ url);
  }
}
