/**
 * Reading an article: a progress bar that grows as the article is read, and a reader who
 * comes back to a long article is offered (never taken) a jump back to the paragraph they
 * had reached. The place is kept in localStorage, in the reader's browser only, and
 * forgotten when the article is read to the end.
 */

/** How far through `article` the window is, from 0 (its top at the window's top) to 1 (its end in view). */
function readSoFar(article: HTMLElement): number {
  const { top, height } = article.getBoundingClientRect();
  const scrollable = height - innerHeight;
  return scrollable <= 0 ? 1 : Math.min(1, Math.max(0, -top / scrollable));
}

/** Shows `bar` (hidden without script) and keeps it at the share of `article` read. */
export function showProgress(bar: HTMLProgressElement, article: HTMLElement): void {
  let frame = 0;
  const update = () => {
    frame = 0;
    bar.value = readSoFar(article);
  };
  bar.hidden = false;
  addEventListener('scroll', () => (frame ||= requestAnimationFrame(update)), { passive: true });
  addEventListener('resize', () => (frame ||= requestAnimationFrame(update)), { passive: true });
  update();
}

/**
 * The reader's localStorage, guarded: storage can be blocked (private modes, site settings),
 * and then nothing is kept and nothing fails. theme.ts guards its own two uses the same way
 * rather than share a module with this one: a module two page scripts import becomes a file
 * of its own, one more request on every page, and the header's script could no longer be
 * inlined (2 requests for a list page became 4, and Lighthouse's LCP 300 ms later).
 */
const store = {
  get: (key: string) => {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  set: (key: string, value: string | null) => {
    try {
      if (value === null) localStorage.removeItem(key);
      else localStorage.setItem(key, value);
    } catch {
      // storage blocked: nothing is kept
    }
  },
};

/** The offer: a link to the paragraph `id`, its first `words`, and a button to dismiss it. */
function placeOffer(id: string, words: string): HTMLElement {
  const box = document.createElement('section');
  box.className = 'place-offer';
  box.setAttribute('aria-label', 'Your place in this article');
  const text = document.createElement('p');
  const link = document.createElement('a');
  link.href = `#${id}`;
  link.textContent = 'Continue where you left off';
  const quote = document.createElement('span');
  quote.className = 'block text-sm text-ink-muted';
  quote.textContent = words;
  text.append(link, ' ', quote);
  const dismiss = document.createElement('button');
  dismiss.type = 'button';
  dismiss.className = 'place-offer-close';
  dismiss.setAttribute('aria-label', 'Dismiss');
  dismiss.textContent = '×';
  box.append(text, dismiss);
  const close = () => box.remove();
  // After the click is done: a link taken out of the page while clicked goes nowhere.
  link.addEventListener('click', () => setTimeout(close));
  dismiss.addEventListener('click', close);
  return box;
}

/**
 * Keeps the paragraph being read, near the top of the window, as the reader's place in
 * `article`, and forgets it at the article's end; on arrival, offers a jump back to a kept
 * place that is off the first screen, unless the page opened at a link's target or the
 * browser already restored the scroll position. The place is kept under `article`'s
 * `data-place-key-prefix` (`PLACE_KEY_PREFIX` in src/facts.ts) and the page's path.
 */
export function keepPlace(article: HTMLElement, body: HTMLElement): void {
  const paragraphs = [...body.querySelectorAll<HTMLElement>(':scope > p[id]')];
  const prefix = article.dataset.placeKeyPrefix;
  if (paragraphs.length === 0 || !prefix) return;
  const key = `${prefix}${location.pathname}`;
  const kept = store.get(key);
  const place = kept ? document.getElementById(kept) : null;
  if (place && !location.hash && scrollY < 50 && place.getBoundingClientRect().top > innerHeight) {
    const words = (place.textContent ?? '').trim().split(/\s+/);
    article.before(placeOffer(place.id, `“${words.slice(0, 8).join(' ')}${words.length > 8 ? '…' : ''}”`));
  }

  let frame = 0;
  let last = kept;
  const save = () => {
    frame = 0;
    // The paragraph being read: the first still in view below the top quarter of the window
    // (one whose last line is all that shows at the top is done with). Read to the end, the
    // place is forgotten; back at the first paragraph, an earlier place is kept.
    const atTop = paragraphs.find((paragraph) => paragraph.getBoundingClientRect().bottom > innerHeight / 4);
    const now = readSoFar(article) >= 0.98 ? null : atTop && atTop !== paragraphs[0] ? atTop.id : last;
    if (now !== last) store.set(key, now);
    last = now;
  };
  addEventListener('scroll', () => (frame ||= requestAnimationFrame(save)), { passive: true });
  // This script arrives once the page has been seen: where the reader has scrolled already,
  // that place is kept now, not at the next scroll, which may never come.
  if (scrollY > 0) frame = requestAnimationFrame(save);
}
