/**
 * `tsx src/integrations/pagefind/cli.ts [outDir]`: the search index of a site `astro build`
 * wrote with `DOSSIER_INDEX_AFTER_BUILD=1` (as `npm run build` runs it), made in a process of
 * its own once Astro's has ended, so that Pagefind (about 6 GB at 10,000 articles) never runs
 * beside the build's 1.6 GB. The same step as the integration's (`buildIndex`), logged alike.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildIndex, type IndexLogger } from './integration';

const site = resolve(process.argv[2] ?? 'dist');
const stamp = () => new Date().toTimeString().slice(0, 8);
const logger: IndexLogger = {
  info: (message) => console.log(`${stamp()} [dossier:pagefind] ${message}`),
  warn: (message) => console.warn(`${stamp()} [WARN] [dossier:pagefind] ${message}`),
};

if (!existsSync(resolve(site, 'index.html'))) {
  console.error(`pagefind-cli: expected a built site in ${site} (its index.html), found none; run astro build first`);
  process.exit(1);
}
try {
  await buildIndex(site, logger);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
