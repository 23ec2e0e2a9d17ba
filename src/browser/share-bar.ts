/**
 * Sharing on an article page: the share bar (copy link, the system share sheet where the
 * browser has one; e-mail works without JavaScript), and what quote links share with it
 * (quote-links.ts).
 */

/** The page's canonical URL, the one to share. */
export function canonicalUrl(): string {
  return document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ?? location.href.split('#')[0]!;
}

/** The address the page was opened at, a text fragment (`#:~:text=…`) included. */
export function openedUrl(): string {
  // Browsers hide the text fragment from `location`; the navigation entry keeps it.
  return (
    (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.name ?? location.href
  );
}

/** Put text on the clipboard; false when the browser refuses. */
export async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Say `message` in the status element for a few seconds (visible, and read by screen readers). */
export function confirm(status: HTMLElement, message: string) {
  status.textContent = message;
  window.clearTimeout(Number(status.dataset.timer));
  status.dataset.timer = String(window.setTimeout(() => (status.textContent = ''), 4000));
}

/**
 * A button only script can work, made by script: absent from the page without it (text
 * browsers show even `hidden` and `<template>` content), so no reader meets a dead control.
 */
export function scriptButton(label: string, className: string): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = className;
  button.textContent = label;
  return button;
}

/** Add the share bar's buttons (copy link, and the share sheet where the browser has one) beside its e-mail link. */
export function initShareBar(bar: HTMLElement): void {
  const status = bar.querySelector<HTMLElement>('[data-share-status]')!;
  const mail = bar.querySelector<HTMLElement>('[data-share-mail]')!;
  // Added after the link, so nothing already drawn moves (no layout shift).
  const copyButton = scriptButton('Copy link', mail.className);
  mail.after(' ', copyButton);
  copyButton.addEventListener('click', async () => {
    confirm(status, (await copy(canonicalUrl())) ? 'Link copied' : 'Could not copy: copy the address bar instead');
  });
  if (typeof navigator.share === 'function') {
    const native = scriptButton('Share…', mail.className);
    copyButton.after(' ', native);
    native.addEventListener('click', () => {
      navigator
        .share({ title: document.querySelector('h1')?.textContent ?? document.title, url: canonicalUrl() })
        .catch(() => undefined);
    });
  }
}
