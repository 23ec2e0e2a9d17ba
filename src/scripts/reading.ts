/**
 * Reading an article: a progress bar that grows as the article is read, and a reader who
 * comes back to a long article is offered (never taken) a jump back to the paragraph they
 * had reached. The place is kept in localStorage, in the reader's browser only, and
 * forgotten when the article is read to the end.
 */

const placeKey = () => `dossier:place:${location.pathname}`;

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

/**
 * Keeps the paragraph being read, near the top of the window, as the reader's place in `article`, and
 * forgets it at the article's end; on arrival, offers a jump back to a kept place that is
 * off the first screen, unless the page opened at a link's target or the browser already
 * restored the scroll position.
 */
export function keepPlace(article: HTMLElement, body: HTMLElement, offer: HTMLTemplateElement): void {
  const paragraphs = [...body.querySelectorAll<HTMLElement>(':scope > p[id]')];
  if (paragraphs.length === 0) return;
  const key = placeKey();
  const kept = store.get(key);
  const place = kept ? document.getElementById(kept) : null;
  if (place && !location.hash && scrollY < 50 && place.getBoundingClientRect().top > innerHeight) {
    const box = offer.content.firstElementChild!.cloneNode(true) as HTMLElement;
    const link = box.querySelector<HTMLAnchorElement>('a')!;
    link.href = `#${place.id}`;
    const words = (place.textContent ?? '').trim().split(/\s+/);
    box.querySelector('[data-place-words]')!.textContent =
      `“${words.slice(0, 8).join(' ')}${words.length > 8 ? '…' : ''}”`;
    const close = () => box.remove();
    // After the click is done: a link taken out of the page while clicked goes nowhere.
    link.addEventListener('click', () => setTimeout(close));
    box.querySelector('button')!.addEventListener('click', close);
    article.before(box);
  }

  let frame = 0;
  let last = kept;
  const save = () => {
    frame = 0;
    // Read to the end: forgotten. At the first paragraph: nothing to come back to, but an
    // earlier place is kept until the reader moves past it.
    // The paragraph being read: the first still in view below the top quarter of the window
    // (one whose last line is all that shows at the top is done with).
    const atTop = paragraphs.find((paragraph) => paragraph.getBoundingClientRect().bottom > innerHeight / 4);
    const now = readSoFar(article) >= 0.98 ? null : atTop && atTop !== paragraphs[0] ? atTop.id : last;
    if (now !== last) store.set(key, now);
    last = now;
  };
  addEventListener('scroll', () => (frame ||= requestAnimationFrame(save)), { passive: true });
}
