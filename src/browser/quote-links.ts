/**
 * Quotes on an article page: "Copy link to quote" and "Highlight" for selected text, and the
 * quote a shared link points to, marked and brought into view. Loaded only when a reader selects text in the
 * article or opens a link to a quote (quotes.ts, started by article.ts): with the
 * text-fragment code it is a third of the article's script, which most readers never need.
 */
import { highlightSelection } from './highlights/on-article';
import { canonicalUrl, confirm, copy, openedUrl, scriptButton } from './share-bar';
import { markQuote, parseTextFragment, quoteEdges, textAround, textFragment, uniquePrefix } from './text-fragment';

/** The buttons floating above a selection, and each of them (base.css). */
const QUOTE_TOOLS_CLASS = 'quote-tools';
const QUOTE_BUTTON_CLASS = 'quote-button';

/**
 * Show "Copy link to quote" and "Highlight" (buttons added after `body`) beside a selection
 * inside the article body.
 */
export function initQuoteLinks(body: HTMLElement, status: HTMLElement): void {
  const tools = document.createElement('div');
  tools.className = QUOTE_TOOLS_CLASS;
  tools.hidden = true;
  const button = scriptButton('Copy link to quote', QUOTE_BUTTON_CLASS);
  const highlight = scriptButton('Highlight', QUOTE_BUTTON_CLASS);
  tools.append(button, highlight);
  body.after(tools);
  let quote = '';
  /** Where the quote was selected; read only when its link is asked for. */
  let selected: Range | undefined;
  const place = () => {
    const selection = document.getSelection();
    const text = selection?.toString().replace(/\s+/gu, ' ').trim() ?? '';
    const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : undefined;
    if (!range || text.length < 3 || !body.contains(range.commonAncestorContainer)) {
      if (!tools.contains(document.activeElement)) tools.hidden = true;
      return;
    }
    quote = text;
    selected = range.cloneRange();
    const rect = range.getBoundingClientRect();
    tools.hidden = false;
    tools.style.top = `${Math.max(rect.top + scrollY - tools.offsetHeight - 10, scrollY + 4)}px`;
    tools.style.left = `${Math.min(Math.max(rect.left + scrollX + rect.width / 2 - tools.offsetWidth / 2, 8), document.documentElement.clientWidth - tools.offsetWidth - 8)}px`;
  };
  let pending = 0;
  document.addEventListener('selectionchange', () => {
    window.clearTimeout(pending);
    pending = window.setTimeout(place, 120);
  });
  button.addEventListener('click', async () => {
    // Where the quote's first words occur more than once, the words before it say which.
    const edges = quoteEdges(quote);
    const { text, before } = textAround(body, selected!);
    const prefix = uniquePrefix(before, edges.start, text);
    const url = `${canonicalUrl()}${textFragment({ ...(prefix ? { prefix } : {}), ...edges })}`;
    confirm(status, (await copy(url)) ? 'Link to quote copied' : 'Could not copy the link to the quote');
    tools.hidden = true;
  });
  highlight.addEventListener('click', () => {
    confirm(status, highlightSelection(body, selected!));
    tools.hidden = true;
  });
  // This script loads at the first selection, or once the page has been seen: a quote
  // selected before it arrived gets its button.
  place();
}

/**
 * Mark the quote a shared link names (`#:~:text=…`). Where the browser does not scroll to
 * it itself, scroll here.
 */
export function markSharedQuote(body: HTMLElement): void {
  const quote = parseTextFragment(openedUrl());
  if (!quote) return;
  const mark = markQuote(body, quote);
  if (mark && !('fragmentDirective' in document)) mark.scrollIntoView({ block: 'center' });
}
