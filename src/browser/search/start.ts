/**
 * The search page's script, as the page imports it (search.astro): once the page has been
 * seen for a plain `/search/`, at once for a search opened from a link. Imported early, it
 * waits for the form to be parsed.
 */
import { startSearchPage } from './search-page';

// Pagefind's code, its WebAssembly and the index files a first search needs, asked for now and
// side by side (SearchPreloads.astro names them), where Pagefind would ask for each only once
// the one before had come. A search opened from a link moved them into <head> while the page
// parsed; a plain `/search/` does it here, once the page has been seen.
const preloads = document.querySelector<HTMLTemplateElement>('template[data-search-preloads]');
if (preloads) document.head.append(preloads.content);

if (document.readyState === 'loading') addEventListener('DOMContentLoaded', startSearchPage, { once: true });
else startSearchPage();
