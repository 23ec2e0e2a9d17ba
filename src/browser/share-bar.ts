/**
 * Sharing on an article page: the share bar (copy link, the system share sheet where the
 * browser has one; e-mail works without JavaScript), "Copy link to quote" for selected text,
 * and the quote a shared link points to, marked and brought into view.
 */
import { markQuote, parseTextFragment, quoteEdges, textAround, textFragment, uniquePrefix } from './text-fragment';

/** The page's canonical URL, the one to share. */
function canonicalUrl(): string {
  return document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ?? location.href.split('#')[0]!;
}

/** Put text on the clipboard; false when the browser refuses. */
async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Say `message` in the status element for a few seconds (visible, and read by screen readers). */
function confirm(status: HTMLElement, message: string) {
  status.textContent = message;
  window.clearTimeout(Number(status.dataset.timer));
  status.dataset.timer = String(window.setTimeout(() => (status.textContent = ''), 4000));
}

/**
 * A button only script can work, made by script: absent from the page without it (text
 * browsers show even `hidden` and `<template>` content), so no reader meets a dead control.
 */
function scriptButton(label: string, className: string): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = className;
  button.textContent = label;
  return button;
}

/** Add the share bar's buttons (copy link, and the share sheet where the browser has one) beside its e-mail link. */
export function initShareBar(bar: HTMLElement): void {
  const status = bar.querySelector<HTMLElement>('[data-share-status]')!;
  const mail = bar.querySelector<HTMLElement>('[data-share-mail]')!;
  // Added after the link, so nothing already drawn moves (no layout shift).
  const copyButton = scriptButton('Copy link', mail.className);
  mail.after(' ', copyButton);
  copyButton.addEventListener('click', async () => {
    confirm(status, (await copy(canonicalUrl())) ? 'Link copied' : 'Could not copy: copy the address bar instead');
  });
  if (typeof navigator.share === 'function') {
    const native = scriptButton('Share…', mail.className);
    copyButton.after(' ', native);
    native.addEventListener('click', () => {
      navigator
        .share({ title: document.querySelector('h1')?.textContent ?? document.title, url: canonicalUrl() })
        .catch(() => undefined);
    });
  }
}

/** The "Copy link to quote" button, floating above the selection (global.css). */
const QUOTE_BUTTON_CLASS = 'quote-button';

/** Show "Copy link to quote" (a button added after `body`) beside a selection inside the article body. */
export function initQuoteLinks(body: HTMLElement, status: HTMLElement): void {
  const button = scriptButton('Copy link to quote', QUOTE_BUTTON_CLASS);
  button.hidden = true;
  body.after(button);
  let quote = '';
  /** Where the quote was selected; read only when its link is asked for. */
  let selected: Range | undefined;
  const place = () => {
    const selection = document.getSelection();
    const text = selection?.toString().replace(/\s+/gu, ' ').trim() ?? '';
    const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : undefined;
    if (!range || text.length < 3 || !body.contains(range.commonAncestorContainer)) {
      if (document.activeElement !== button) button.hidden = true;
      return;
    }
    quote = text;
    selected = range.cloneRange();
    const rect = range.getBoundingClientRect();
    button.hidden = false;
    button.style.top = `${Math.max(rect.top + scrollY - button.offsetHeight - 10, scrollY + 4)}px`;
    button.style.left = `${Math.min(Math.max(rect.left + scrollX + rect.width / 2 - button.offsetWidth / 2, 8), document.documentElement.clientWidth - button.offsetWidth - 8)}px`;
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
    button.hidden = true;
  });
  // This script loads once the page has been seen: a quote selected before that gets its button.
  place();
}

/**
 * Mark the quote a shared link names (`#:~:text=…`). Browsers hide that part of the URL from
 * `location`; the navigation entry keeps it. Where the browser does not scroll to it itself,
 * scroll here.
 */
export function markSharedQuote(body: HTMLElement): void {
  const url =
    (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.name ?? location.href;
  const quote = parseTextFragment(url);
  if (!quote) return;
  const mark = markQuote(body, quote);
  if (mark && !('fragmentDirective' in document)) mark.scrollIntoView({ block: 'center' });
}
