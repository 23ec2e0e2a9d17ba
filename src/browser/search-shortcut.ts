/**
 * `/` or Ctrl/⌘+K opens search from any page: the search box where the page has one, else the
 * search page (the header's link, `#site-search-link`).
 */
export function listenForSearchShortcut(): void {
  document.addEventListener('keydown', (event) => {
    const typing = (event.target as Element | null)?.closest?.('input, textarea, select, [contenteditable]');
    const slash = event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey;
    const k = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.altKey;
    if (!slash && !k) return;
    event.preventDefault();
    const input = document.getElementById('search-input');
    if (input) input.focus();
    else location.assign((document.getElementById('site-search-link') as HTMLAnchorElement).href);
  });
}
