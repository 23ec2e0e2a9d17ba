/**
 * The search page most sites that use Pagefind ship (AstroPaper's among them), to measure a
 * search opened from a link beside Dossier's: Pagefind's own UI (`PagefindUI`, with sections
 * as sub-results), searching the `?q=` of its address, over the index Pagefind's command line
 * makes of the same built pages with its defaults (the command line, not the Node API that
 * `pagefind-compare.ts` uses: only it writes the UI's files). The page around it is bare (no stylesheet,
 * font or header of its own), which can only make it faster than a real site's.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What shows the reference's results, and a result's excerpt, in Pagefind's UI. */
export const REFERENCE_RESULTS = { results: '#search', excerpt: '.pagefind-ui__result-excerpt' };

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Search</title>
<link href="/pagefind/pagefind-ui.css" rel="stylesheet">
<script src="/pagefind/pagefind-ui.js"></script>
</head>
<body>
<main>
<h1>Search</h1>
<div id="search"></div>
</main>
<script>
addEventListener('DOMContentLoaded', () => {
  const ui = new PagefindUI({ element: '#search', showSubResults: true, showImages: false });
  const query = new URLSearchParams(location.search).get('q');
  if (query) ui.triggerSearch(query);
});
</script>
</body>
</html>
`;

/**
 * Writes the reference for the built site in `dist` to a new scratch folder, to be served as
 * the root of a host, and returns the folder. Its search page is at `search/`, where Dossier's
 * is, so that one path opens either. Its result links lead nowhere; only the search
 * page is measured.
 */
export function writePagefindUiReference(dist: string): string {
  const root = mkdtempSync(join(tmpdir(), 'dossier-pagefind-ui-'));
  execFileSync('node_modules/.bin/pagefind', ['--site', dist, '--output-path', join(root, 'pagefind')], {
    stdio: 'ignore',
  });
  mkdirSync(join(root, 'search'), { recursive: true });
  writeFileSync(join(root, 'search', 'index.html'), PAGE);
  // The host answers what is not there (the browser's /favicon.ico) with the site's 404 page.
  writeFileSync(join(root, '404.html'), '<!doctype html><title>Not found</title>\n');
  return root;
}
