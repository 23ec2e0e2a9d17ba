/** Debian's Chromium driven by playwright-core: no browser download, flags that work here. */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The flags to open `url` with: a bench host on HTTPS has a throwaway certificate
 * (`self-signed.ts`), which Chromium is told to accept; nothing else is.
 */
export const chromiumArgsFor = (url: string): string[] =>
  url.startsWith('https:') ? [...CHROMIUM_ARGS, '--ignore-certificate-errors'] : CHROMIUM_ARGS;

/** A headless Chromium; give each test its own `browser.newContext()`. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * When `page` first painted (First Contentful Paint, ms since navigation; Infinity if it has
 * not) and when each of its requests whose URL `fetched` picks started: what a test of "no
 * script before the first paint" compares.
 */
export async function paintAndRequests(
  page: Page,
  fetched: 'scripts' | 'scripts and Pagefind',
): Promise<{ paint: number; starts: number[] }> {
  return page.evaluate(
    (pagefindToo) => ({
      paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Infinity,
      starts: performance
        .getEntriesByType('resource')
        .filter((entry) => entry.name.endsWith('.js') || (pagefindToo && entry.name.includes('/pagefind/')))
        .map((entry) => entry.startTime),
    }),
    fetched === 'scripts and Pagefind',
  );
}

/**
 * Hold back, in `context`, every request whose URL matches `url` (a script, as on a slow
 * connection) until the returned function is called; then they go on.
 */
export async function holdRequests(context: BrowserContext, url: RegExp): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await context.route(url, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}
