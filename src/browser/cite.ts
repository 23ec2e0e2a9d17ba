/**
 * "Cite this article": a copy button beside each reference, added by script so that no reader
 * without it meets a dead control. The reference is copied as the reader sees it.
 */
import { confirm, copy, scriptButton } from './share-bar';

/** Add a "Copy" button to each reference of the cite section `section`. */
export function initCite(section: HTMLElement): void {
  const status = section.querySelector<HTMLElement>('[data-cite-status]')!;
  for (const item of section.querySelectorAll<HTMLElement>('[data-reference]')) {
    const style = item.querySelector('dt')!.textContent!.trim();
    const text = item.querySelector('dd')!;
    const button = scriptButton(`Copy ${style}`, 'cite-copy');
    // The name starts with what the button shows, so a reader who speaks it is understood (WCAG 2.5.3).
    button.setAttribute('aria-label', `Copy ${style} reference`);
    item.querySelector('dt')!.append(' ', button);
    button.addEventListener('click', async () => {
      const reference = text.textContent!.replace(/\s+/gu, ' ').trim();
      confirm(
        status,
        (await copy(reference)) ? `${style} reference copied` : 'Could not copy: select the reference instead',
      );
    });
  }
}
