/**
 * Pages the reader opens are kept for reading offline (src/integrations/service-worker.ts), and
 * the site can be installed (its web app manifest). Both are linked half a second after the
 * page has been seen, once the browser is idle: browsers fetch a manifest as soon as it is
 * linked, and neither request should share the connection of the page's first paints.
 */

/** How long after the page has been seen the wait for an idle browser starts. */
const SETTLE_MS = 500;

/** Link the manifest and register the service worker of the site under `base` (`/`, `/reader/`). */
export function keepForOffline(base: string): void {
  const register = () => {
    document.head.append(
      Object.assign(document.createElement('link'), { rel: 'manifest', href: `${base}manifest.webmanifest` }),
    );
    if ('serviceWorker' in navigator) navigator.serviceWorker.register(`${base}sw.js`).catch(() => undefined);
  };
  setTimeout(() => {
    if ('requestIdleCallback' in window) requestIdleCallback(register, { timeout: 3000 });
    else setTimeout(register, 500);
  }, SETTLE_MS);
}
