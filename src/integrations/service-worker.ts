/**
 * The service worker (`sw.js`), written once the build is done: pages network-first (a new
 * deploy is seen on the next visit; offline, the copy last seen, or the offline page), the
 * hashed assets cache-first, Pagefind's files network-first (offline, a search finds what was
 * fetched before). The pages open when it takes over, fetched before it could see them, are
 * kept then. Both caches are bounded; what is kept at install (the offline and search pages
 * and their files) is kept apart and never pushed out. All are named for the build's version,
 * so a new build cleans out the last one's. Its version is a digest of the build's asset
 * names (each carries its content's hash) and of the worker itself: the same build gives the
 * same file.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withTrailingSlash } from '../facts';

/** Pages kept for offline reading, the most recently fetched. */
const MAX_PAGES = 60;
/** Scripts, styles and search index files kept. */
const MAX_ASSETS = 150;

/**
 * A file of the site's bundles a page names, in quotes (a stylesheet, a script, a bundle a
 * script loads later): read in the built pages kept at install, and by the worker in the pages
 * open when it takes over.
 */
const NAMED_FILE = /"([^"]*\/_astro\/[^"]+)"/g;

/** Pages kept at install, before the reader opens them: what offline shows, and search, which says it is offline. */
const PRECACHED_PAGES = ['offline/', 'search/'];

/**
 * The worker's code for a site under `base`, its caches named for `version`; `precachedAssets`
 * are those pages' own files (stylesheet, scripts), kept at install with them.
 */
export function serviceWorkerSource(base: string, version: string, precachedAssets: readonly string[] = []): string {
  return `// Keeps what a reader opened readable offline (src/integrations/service-worker.ts).
const BASE = ${JSON.stringify(base)};
const PAGES = 'dossier-pages-${version}';
const ASSETS = 'dossier-assets-${version}';
// What is kept at install (the offline and search pages and their files), apart: never
// pushed out by newer pages and files, so offline there is always something to show.
const SHELL = 'dossier-shell-${version}';
const OFFLINE = BASE + 'offline/';

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.addAll(${JSON.stringify([...PRECACHED_PAGES.map((page) => `${base}${page}`), ...precachedAssets])}))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith('dossier-') && ![PAGES, ASSETS, SHELL].includes(name)).map((name) => caches.delete(name))))
      .then(keepOpenPages)
      .then(() => self.clients.claim()),
  );
});

/**
 * The pages open when the worker takes over were fetched before it could keep them (the page
 * a reader came to by a link, above all): kept now, with the site's files each names.
 */
async function keepOpenPages() {
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  await Promise.all(
    windows.map(async (client) => {
      const url = new URL(client.url);
      if (url.origin !== location.origin || !url.pathname.startsWith(BASE)) return;
      url.hash = '';
      try {
        const response = await fetch(url.href);
        if (!response.ok) return;
        await keep(PAGES, ${MAX_PAGES}, url.href, response.clone());
        const html = await response.text();
        const files = new Set([...html.matchAll(${NAMED_FILE})].map((match) => new URL(match[1], url).href));
        await Promise.all([...files].map((file) => cacheFirst(file)));
      } catch {
        // offline already, or the page is gone: nothing to keep
      }
    }),
  );
}

/** Keep the newest \`max\` entries of a cache. */
async function trim(name, max) {
  const cache = await caches.open(name);
  const keys = await cache.keys();
  await Promise.all(keys.slice(0, Math.max(0, keys.length - max)).map((key) => cache.delete(key)));
}

async function keep(name, max, request, response) {
  const cache = await caches.open(name);
  await cache.delete(request);
  await cache.put(request, response);
  await trim(name, max);
}

/** The network's answer, kept; offline, the kept copy (or \`fallback\`). */
async function networkFirst(event, name, max, fallback) {
  const { request } = event;
  try {
    const response = await fetch(request);
    if (response.ok) event.waitUntil(keep(name, max, request, response.clone()));
    return response;
  } catch (error) {
    // A page kept without its query (a search, a landing's highlight) stands in for it.
    const kept =
      (await caches.match(request)) ??
      (fallback && ((await caches.match(request, { ignoreSearch: true })) ?? (await caches.match(fallback))));
    if (kept) return kept;
    throw error;
  }
}

/**
 * A hashed asset never changes: the kept copy, else the network's, kept (answering a request,
 * once \`waitUntil\` lets the keeping go on after the answer).
 */
async function cacheFirst(request, waitUntil = (keeping) => keeping) {
  const kept = await caches.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await waitUntil(keep(ASSETS, ${MAX_ASSETS}, request, response.clone()));
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== location.origin || !url.pathname.startsWith(BASE)) return;
  if (request.mode === 'navigate') event.respondWith(networkFirst(event, PAGES, ${MAX_PAGES}, OFFLINE));
  else if (url.pathname.startsWith(BASE + '_astro/')) event.respondWith(cacheFirst(request, (keeping) => event.waitUntil(keeping)));
  else if (url.pathname.startsWith(BASE + 'pagefind/')) event.respondWith(networkFirst(event, ASSETS, ${MAX_ASSETS}));
});
`;
}

/** Write `sw.js` into the build, its version a digest of the build's hashed asset names. */
export function serviceWorker(): AstroIntegration {
  let base = '/';
  return {
    name: 'dossier:service-worker',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = withTrailingSlash(config.base);
      },
      'astro:build:done': ({ dir }) => {
        const out = fileURLToPath(dir);
        let assets: string[] = [];
        try {
          assets = readdirSync(join(out, '_astro')).sort();
        } catch {
          // A build without bundled assets: the worker's own code versions it.
        }
        const pages = PRECACHED_PAGES.map((page) => {
          try {
            return readFileSync(join(out, page, 'index.html'), 'utf8');
          } catch {
            return ''; // not built: nothing of it to keep
          }
        }).join('\n');
        const precachedAssets = [...new Set([...pages.matchAll(NAMED_FILE)].map((m) => m[1]!))];
        const version = createHash('sha256')
          .update(JSON.stringify([assets, serviceWorkerSource(base, '', precachedAssets)]))
          .digest('hex')
          .slice(0, 12);
        writeFileSync(join(out, 'sw.js'), serviceWorkerSource(base, version, precachedAssets));
      },
    },
  };
}
