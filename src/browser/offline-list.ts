/**
 * The offline page's list of the pages kept for reading offline (by the service worker), by
 * title, newest first. Nothing leaves the device: the list is read from its caches.
 */
const list = document.querySelector<HTMLElement>('[data-saved-pages]');

/** A kept page's title, read from its HTML. */
async function titleOf(response: Response): Promise<string> {
  const html = await response.text();
  const title = /<title>([^<]*)<\/title>/u.exec(html)?.[1] ?? '';
  return new DOMParser().parseFromString(title, 'text/html').documentElement.textContent ?? '';
}

async function listSaved(): Promise<void> {
  if (!list || !('caches' in window)) return;
  const pages: { href: string; title: string }[] = [];
  for (const name of await caches.keys()) {
    if (!name.startsWith('dossier-pages-')) continue;
    const cache = await caches.open(name);
    for (const request of [...(await cache.keys())].reverse()) {
      const url = new URL(request.url);
      if (url.pathname.endsWith('/offline/')) continue;
      const response = await cache.match(request);
      if (response) pages.push({ href: url.href, title: await titleOf(response) });
    }
  }
  list.replaceChildren(
    ...(pages.length === 0
      ? [Object.assign(document.createElement('li'), { textContent: 'None yet: pages are kept once opened.' })]
      : pages.map(({ href, title }) => {
          const item = document.createElement('li');
          item.append(Object.assign(document.createElement('a'), { href, textContent: title || href }));
          return item;
        })),
  );
}

void listSaved();
