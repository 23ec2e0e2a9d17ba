/**
 * The landing from a search result (`?highlight=heroin`), bundled on its own: the article's
 * reading features (article.ts) load it only on such a landing. The body names the highlight
 * parameter and Pagefind's folder.
 */
import { highlightLanding } from './highlight-landing';

const body = document.getElementById('article-body');
const { highlightParam, pagefind } = body?.dataset ?? {};
if (body && highlightParam && pagefind) void highlightLanding(body, highlightParam, pagefind);
