/**
 * The article page's reading features, started once the page has been seen (see
 * after-first-paint.ts): the landing from a search result or a shared quote, the share bar,
 * quote links, reading progress, and the reader's place. Each of them only adds to a page
 * that reads in full without it.
 */
import { highlightLanding } from './highlight-landing';
import { keepPlace, showProgress } from './reading';
import { initQuoteLinks, initShareBar, markSharedQuote } from './share-bar';

const body = document.getElementById('article-body');
if (body) {
  // Only a landing from a search result (`?highlight=…`) loads Pagefind's highlighter.
  const { highlightParam, pagefind } = body.dataset;
  if (highlightParam && pagefind && new URLSearchParams(location.search).has(highlightParam)) {
    void highlightLanding(body, highlightParam, pagefind);
  }
  markSharedQuote(body);
  const shareBar = document.querySelector<HTMLElement>('[data-share-bar]');
  if (shareBar) initShareBar(shareBar);
  const status = document.querySelector<HTMLElement>('[data-quote-status]');
  if (status) initQuoteLinks(body, status);
  const article = body.closest('article')!;
  const progress = document.querySelector<HTMLProgressElement>('[data-reading-progress]');
  if (progress) showProgress(progress, article);
  keepPlace(article, body);
}
