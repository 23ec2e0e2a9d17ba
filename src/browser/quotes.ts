/**
 * Quote links, highlights, and a shared quote's mark (quote-links.ts, highlights/), bundled on
 * their own: article.ts imports this at a reader's first selection in the article, or at once
 * on a link to a quote or on an article the reader has highlighted.
 */
import { markHighlights } from './highlights/on-article';
import { initQuoteLinks, markSharedQuote } from './quote-links';

const body = document.getElementById('article-body');
const status = document.querySelector<HTMLElement>('[data-quote-status]');
if (body) {
  if (status) markHighlights(body, status);
  markSharedQuote(body);
  if (status) initQuoteLinks(body, status);
}
