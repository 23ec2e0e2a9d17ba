/**
 * The reader's theme: light, dark, or the system's (the default). The choice is kept in
 * localStorage and set as `data-theme` on <html> (base.css picks the palette from it);
 * BaseLayout applies a kept choice inline, before the first paint, and `initThemeToggle`
 * adds the header's button, which only works with script, so only script adds it.
 */

export type Theme = 'system' | 'light' | 'dark';
const ORDER: readonly Theme[] = ['system', 'light', 'dark'];

/** The button's name says what pressing it does: the next theme in turn. */
const ACTION: Record<Theme, string> = {
  system: 'Use the light theme',
  light: 'Use the dark theme',
  dark: "Use the system's theme",
};

function kept(key: string): Theme {
  try {
    const theme = localStorage.getItem(key);
    return theme === 'light' || theme === 'dark' ? theme : 'system';
  } catch {
    return 'system'; // storage blocked: the system's theme, every visit
  }
}

function apply(theme: Theme): void {
  const root = document.documentElement;
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
  // The browser's own colour (a phone's address bar) follows the choice too: BaseLayout gives
  // one `theme-color` per system scheme; a chosen theme's applies whatever the system says.
  for (const meta of document.querySelectorAll<HTMLMetaElement>('meta[name="theme-color"]')) {
    meta.dataset.media ??= meta.media;
    const scheme = meta.dataset.media.includes('dark') ? 'dark' : 'light';
    meta.media = theme === 'system' ? meta.dataset.media : theme === scheme ? 'all' : 'not all';
  }
}

/** Each theme's icon: what is drawn in the button's 20 × 20 box, in the text's colour. */
const ICONS: Record<Theme, string> = {
  system:
    '<circle cx="10" cy="10" r="7" fill="none" stroke="currentColor" stroke-width="2"/><path d="M10 3a7 7 0 0 1 0 14z"/>',
  light:
    '<circle cx="10" cy="10" r="3.5"/><path d="M10 1.5v2.5m0 12v2.5M1.5 10H4m12 0h2.5M4 4l1.8 1.8m8.4 8.4L16 16M4 16l1.8-1.8m8.4-8.4L16 4" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/>',
  dark: '<path d="M16.5 12.5A7 7 0 0 1 7.5 3.5a7 7 0 1 0 9 9z"/>',
};

/**
 * Adds the theme button at the end of `list` (the header's links), whose `data-theme-key`
 * names where the choice is kept (`THEME_KEY` in src/facts.ts).
 */
export function initThemeToggle(list: HTMLElement): void {
  const key = list.dataset.themeKey;
  if (!key) return;
  const item = document.createElement('li');
  item.className = 'flex';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'theme-toggle';
  item.append(button);
  let current = kept(key);
  apply(current); // BaseLayout applied it inline already, all but the browser's colour
  const show = () => {
    button.innerHTML = `<svg aria-hidden="true" viewBox="0 0 20 20" width="18" height="18" fill="currentColor">${ICONS[current]}</svg>`;
    button.setAttribute('aria-label', ACTION[current]);
    button.title = ACTION[current];
  };
  show();
  button.addEventListener('click', () => {
    current = ORDER[(ORDER.indexOf(current) + 1) % ORDER.length]!;
    apply(current);
    show();
    try {
      if (current === 'system') localStorage.removeItem(key);
      else localStorage.setItem(key, current);
    } catch {
      // storage blocked: the choice lasts this page only
    }
  });
  // A choice made in another tab applies here too.
  addEventListener('storage', (event) => {
    if (event.key !== key) return;
    current = kept(key);
    apply(current);
    show();
  });
  list.append(item);
}
