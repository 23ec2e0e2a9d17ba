/**
 * The search page's script, as the page imports it (search.astro): once the page has been
 * seen for a plain `/search/`, at once for a search opened from a link. Imported early, it
 * waits for the form to be parsed.
 */
import { startSearchPage } from './search-page';

if (document.readyState === 'loading') addEventListener('DOMContentLoaded', startSearchPage, { once: true });
else startSearchPage();
