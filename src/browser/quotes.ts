/**
 * Quote links and a shared quote's mark (quote-links.ts), bundled on their own: article.ts
 * imports this at a reader's first selection in the article, or at once on a link to a quote.
 */
import { initQuoteLinks, markSharedQuote } from './quote-links';

const body = document.getElementById('article-body');
const status = document.querySelector<HTMLElement>('[data-quote-status]');
if (body) {
  markSharedQuote(body);
  if (status) initQuoteLinks(body, status);
}
