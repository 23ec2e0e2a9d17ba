/**
 * The article page's reading features, started once the page has been seen (see
 * after-first-paint.ts): the share bar, the cite section's copy buttons (at its first
 * opening), reading progress, the contents list following the section being read, and the
 * reader's place. Others load only when needed, each bundled on its own: the landing from a
 * search result (landing.ts) on such a landing, and quote links (quotes.ts) at the first
 * selection in the text or on a link to a quote. Each of them only adds to a page that reads
 * in full without it.
 */
import { followSections } from './contents';
import { hasHighlightsHere } from './highlights/here';
import { keepPlace, showProgress } from './reading';
import { initShareBar, openedUrl } from './share-bar';

/** True when the reader has selected something inside `body`. */
function selectedIn(body: HTMLElement): boolean {
  const selection = document.getSelection();
  return !!selection && !selection.isCollapsed && body.contains(selection.getRangeAt(0).commonAncestorContainer);
}

/**
 * Load the quote features (the page names their bundle, `data-quote-script`) on a link to a
 * quote, or once the reader selects text in `body`, a selection made already included.
 */
function quotesWhenNeeded(body: HTMLElement): void {
  const script = body.dataset.quoteScript;
  if (!script) return;
  const onSelect = () => {
    if (selectedIn(body)) load();
  };
  const load = () => {
    document.removeEventListener('selectionchange', onSelect);
    // Offline, or the file failed: the next selection tries again.
    import(/* @vite-ignore */ script).catch(() => document.addEventListener('selectionchange', onSelect));
  };
  if (openedUrl().includes(':~:') || selectedIn(body) || hasHighlightsHere()) load();
  else document.addEventListener('selectionchange', onSelect);
}

const body = document.getElementById('article-body');
if (body) {
  // Only a landing from a search result (`?highlight=…`) loads the landing (landing.ts, the
  // page names its bundle), and with it Pagefind's highlighter.
  const { highlightParam, landingScript } = body.dataset;
  if (highlightParam && landingScript && new URLSearchParams(location.search).has(highlightParam)) {
    void import(/* @vite-ignore */ landingScript).catch(() => undefined);
  }
  quotesWhenNeeded(body);
  const shareBar = document.querySelector<HTMLElement>('[data-share-bar]');
  if (shareBar) initShareBar(shareBar);
  // The cite section's copy buttons, at its first opening (the page names their bundle).
  const cite = document.querySelector<HTMLElement>('[data-cite]');
  const citeScript = cite?.dataset.citeScript;
  if (cite && citeScript) {
    const details = cite.querySelector('details')!;
    const load = () => void import(/* @vite-ignore */ citeScript).catch(() => undefined);
    if (details.open) load();
    else details.addEventListener('toggle', load, { once: true });
  }
  const contents = document.querySelector<HTMLElement>('[data-contents]');
  if (contents) followSections(contents);
  const article = body.closest('article')!;
  const progress = document.querySelector<HTMLProgressElement>('[data-reading-progress]');
  if (progress) showProgress(progress, article);
  keepPlace(article, body);
}
