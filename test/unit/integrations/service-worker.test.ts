/**
 * The service worker's own code (`sw.js` as the build writes it), run in a sandbox with the
 * Cache API and `fetch` played by small fakes: what it keeps, how much, what it gives back
 * with the network down, and what a new version clears. The browser test (offline.test.ts)
 * stops a real server; this one fills the caches past their bounds, which a browser test of
 * four articles cannot.
 */
import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { serviceWorkerSource } from '../../../src/integrations/service-worker';

const ORIGIN = 'https://dossier.example.org';

/** A request as the worker reads it: its address, method and mode. */
interface FakeRequest {
  url: string;
  method: string;
  mode: string;
}

const keyOf = (request: FakeRequest | string) =>
  typeof request === 'string' ? new URL(request, ORIGIN).href : request.url;
const withoutSearch = (url: string) => url.replace(/\?.*$/u, '');
/** A page's text as the fake network serves it. */
const served = (url: string) => `${url} from the network <link href="/_astro/page.css">`;

/** A cache: its entries in the order they were put, as the Cache API keeps them. */
class FakeCache {
  entries = new Map<string, Response>();
  constructor(private readonly network: (url: string) => Response) {}
  async put(request: FakeRequest | string, response: Response) {
    this.entries.set(keyOf(request), response);
  }
  async delete(request: FakeRequest | string) {
    return this.entries.delete(keyOf(request));
  }
  async keys() {
    return [...this.entries.keys()].map((url) => ({ url }));
  }
  async addAll(urls: string[]) {
    for (const url of urls) this.entries.set(keyOf(url), this.network(keyOf(url)));
  }
  match(request: FakeRequest | string, options: { ignoreSearch?: boolean } = {}) {
    // A copy each time, as the Cache API gives: a body can be read once.
    const url = keyOf(request);
    if (!options.ignoreSearch) return this.entries.get(url)?.clone();
    for (const [kept, response] of this.entries)
      if (withoutSearch(kept) === withoutSearch(url)) return response.clone();
    return undefined;
  }
}

/** The worker, loaded in a sandbox of its own, and the means to play the browser around it. */
function loadWorker(version: string, precachedAssets: string[] = ['/_astro/site.css'], base = '/') {
  const listeners = new Map<string, (event: unknown) => void>();
  let online = true;
  const fetched: string[] = [];
  /** The tabs open on the site: their addresses. */
  const windows: string[] = [];
  // A page names its stylesheet, as the site's pages do.
  const network = (url: string) =>
    new Response(`${url} from the network${url.endsWith('/') ? ' <link href="/_astro/page.css">' : ''}`, {
      status: 200,
    });
  const stores = new Map<string, FakeCache>();
  const caches = {
    open: async (name: string) => {
      if (!stores.has(name)) stores.set(name, new FakeCache(network));
      return stores.get(name)!;
    },
    keys: async () => [...stores.keys()],
    delete: async (name: string) => stores.delete(name),
    match: async (request: FakeRequest | string, options?: { ignoreSearch?: boolean }) => {
      for (const cache of stores.values()) {
        const found = cache.match(request, options);
        if (found) return found;
      }
      return undefined;
    },
  };
  const sandbox = {
    self: {
      addEventListener: (type: string, listener: (event: unknown) => void) => listeners.set(type, listener),
      skipWaiting: async () => undefined,
      clients: { claim: async () => undefined, matchAll: async () => windows.map((url) => ({ url })) },
    },
    caches,
    location: new URL(ORIGIN),
    URL,
    fetch: async (request: FakeRequest | string) => {
      if (!online) throw new TypeError('Failed to fetch');
      fetched.push(keyOf(request));
      return network(keyOf(request));
    },
  };
  runInNewContext(serviceWorkerSource(base, version, precachedAssets), sandbox);

  /** Fire `type` at the worker; the promises it hands to `waitUntil` and `respondWith`, settled. */
  async function fire(type: string, fields: object = {}) {
    const waits: Promise<unknown>[] = [];
    let answer: Promise<Response> | undefined;
    listeners.get(type)!({
      ...fields,
      waitUntil: (promise: Promise<unknown>) => waits.push(promise),
      respondWith: (promise: Promise<Response>) => (answer = promise),
    });
    const response = answer && (await answer);
    await Promise.all(waits);
    return response;
  }
  const request = (path: string, mode = 'cors'): FakeRequest => ({ url: `${ORIGIN}${path}`, method: 'GET', mode });
  return {
    stores,
    fetched,
    setOnline: (value: boolean) => (online = value),
    install: () => fire('install'),
    activate: () => fire('activate'),
    /** What the worker answers a navigation to `path` with: the text of the page, or undefined when it lets it pass. */
    open: async (path: string) => (await fire('fetch', { request: request(path, 'navigate') }))?.text(),
    /** What it answers a request of the page's for `path` with. */
    get: async (path: string) => (await fire('fetch', { request: request(path) }))?.text(),
    /** What it answers `raw` with, or undefined when it lets it pass. */
    answer: async (raw: FakeRequest) => (await fire('fetch', { request: raw }))?.text(),
    /** The addresses a cache holds, by its name's start (`dossier-pages-`). */
    /** Open a tab at `url` before the worker takes over. */
    openTab: (url: string) => windows.push(url),
    held: (prefix: string) =>
      [...stores].flatMap(([name, cache]) => (name.startsWith(prefix) ? [...cache.entries.keys()] : [])),
  };
}

describe('the service worker', () => {
  test('keeps the 60 pages last opened and the 150 files last fetched, the newest, dropping the oldest', async () => {
    const worker = loadWorker('v1');
    await worker.install();
    for (let i = 1; i <= 65; i++) await worker.open(`/articles/a-${i}/`);
    for (let i = 1; i <= 155; i++) await worker.get(`/_astro/file-${i}.js`);
    const pages = worker.held('dossier-pages-').filter((url) => url.includes('/articles/'));
    expect(pages).toHaveLength(60);
    expect(pages[0]).toBe(`${ORIGIN}/articles/a-6/`);
    expect(pages.at(-1)).toBe(`${ORIGIN}/articles/a-65/`);
    const files = worker.held('dossier-assets-').filter((url) => url.includes('/file-'));
    expect(files).toHaveLength(150);
    expect(files[0]).toBe(`${ORIGIN}/_astro/file-6.js`);
  });

  test('with the network down: an opened page as last seen, any other the offline page, even once the caches are full', async () => {
    const worker = loadWorker('v1');
    await worker.install();
    await worker.open('/articles/kept/');
    for (let i = 1; i <= 80; i++) await worker.open(`/tags/t-${i}/`);
    for (let i = 1; i <= 160; i++) await worker.get(`/_astro/file-${i}.js`);
    worker.setOnline(false);
    expect(await worker.open('/tags/t-80/')).toBe(served(`${ORIGIN}/tags/t-80/`));
    expect(await worker.open('/tags/t-80/?page=2')).toBe(served(`${ORIGIN}/tags/t-80/`));
    // Never opened, or pushed out by newer pages: the offline page, and its stylesheet with it.
    expect(await worker.open('/articles/never-opened/')).toBe(served(`${ORIGIN}/offline/`));
    expect(await worker.open('/articles/kept/')).toBe(served(`${ORIGIN}/offline/`));
    expect(await worker.get('/_astro/site.css')).toBe(`${ORIGIN}/_astro/site.css from the network`);
    expect(await worker.open('/search/?q=heroin')).toBe(served(`${ORIGIN}/search/`));
  });

  test('keeps the pages open when it takes over, which it could not see fetched, with the files they name', async () => {
    const worker = loadWorker('v1');
    worker.openTab(`${ORIGIN}/articles/from-a-link/#p-1234abcd`);
    worker.openTab('https://elsewhere.example/articles/x/');
    await worker.install();
    await worker.activate();
    worker.setOnline(false);
    expect(await worker.open('/articles/from-a-link/')).toBe(served(`${ORIGIN}/articles/from-a-link/`));
    expect(await worker.get('/_astro/page.css')).toBe(`${ORIGIN}/_astro/page.css from the network`);
    expect(worker.held('dossier-')).not.toContain('https://elsewhere.example/articles/x/');
  });

  test('asks the network first for pages, so a new deploy is seen at once, and keeps what it answers', async () => {
    const worker = loadWorker('v1');
    await worker.install();
    await worker.open('/articles/a/');
    await worker.open('/articles/a/');
    expect(worker.fetched.filter((url) => url.endsWith('/articles/a/'))).toHaveLength(2);
    // A hashed file is asked for once; after that the kept copy answers.
    await worker.get('/_astro/x.js');
    await worker.get('/_astro/x.js');
    expect(worker.fetched.filter((url) => url.endsWith('/_astro/x.js'))).toHaveLength(1);
  });

  test("lets pass what is not the site's pages or files: other hosts, other methods, other paths", async () => {
    const worker = loadWorker('v1', [], '/reader/');
    await worker.install();
    expect(await worker.answer({ url: 'https://elsewhere.example/a.js', method: 'GET', mode: 'cors' })).toBeUndefined();
    expect(await worker.answer({ url: `${ORIGIN}/reader/search/`, method: 'POST', mode: 'navigate' })).toBeUndefined();
    expect(await worker.answer({ url: `${ORIGIN}/other-site/`, method: 'GET', mode: 'navigate' })).toBeUndefined();
    expect(await worker.answer({ url: `${ORIGIN}/reader/robots.txt`, method: 'GET', mode: 'cors' })).toBeUndefined();
    expect(await worker.answer({ url: `${ORIGIN}/reader/articles/a/`, method: 'GET', mode: 'navigate' })).toBe(
      served(`${ORIGIN}/reader/articles/a/`),
    );
    expect(worker.fetched).not.toContain('https://elsewhere.example/a.js');
  });

  test("a new version's worker clears the last one's caches once it takes over, and no other site's", async () => {
    const old = loadWorker('v1');
    await old.install();
    await old.open('/articles/a/');
    const next = loadWorker('v2');
    // The browser's caches are one store for both workers.
    for (const [name, cache] of old.stores) next.stores.set(name, cache);
    next.stores.set('another-app', new FakeCache(() => new Response('')));
    await next.install();
    await next.activate();
    expect([...next.stores.keys()].filter((name) => name.includes('v1'))).toEqual([]);
    expect(next.stores.has('another-app')).toBe(true);
    // Its own kept pages stay: offline, the offline page still answers.
    next.setOnline(false);
    expect(await next.open('/articles/never-opened/')).toBe(served(`${ORIGIN}/offline/`));
  });
});
