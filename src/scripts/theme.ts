/**
 * The reader's theme: light, dark, or the system's (the default). The choice is kept in
 * localStorage and set as `data-theme` on <html> (global.css picks the palette from it);
 * BaseLayout applies a kept choice inline, before the first paint, and `initThemeToggle`
 * adds the header's button, which only works with script, so only script adds it.
 */

/** Where the choice is kept: only in the reader's own browser. */
export const THEME_KEY = 'dossier:theme';

export type Theme = 'system' | 'light' | 'dark';
const ORDER: readonly Theme[] = ['system', 'light', 'dark'];

/** The button's name says what pressing it does: the next theme in turn. */
const ACTION: Record<Theme, string> = {
  system: 'Use the light theme',
  light: 'Use the dark theme',
  dark: "Use the system's theme",
};

function kept(): Theme {
  try {
    const theme = localStorage.getItem(THEME_KEY);
    return theme === 'light' || theme === 'dark' ? theme : 'system';
  } catch {
    return 'system'; // storage blocked: the system's theme, every visit
  }
}

function apply(theme: Theme): void {
  const root = document.documentElement;
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}

/** Adds the theme button (from the `#theme-toggle` template) at the end of `list`. */
export function initThemeToggle(list: Element, template: HTMLTemplateElement): void {
  const item = template.content.firstElementChild!.cloneNode(true) as HTMLElement;
  const button = item.querySelector('button')!;
  let current = kept();
  const show = () => {
    button.dataset.current = current;
    button.setAttribute('aria-label', ACTION[current]);
    button.title = ACTION[current];
  };
  show();
  button.addEventListener('click', () => {
    current = ORDER[(ORDER.indexOf(current) + 1) % ORDER.length]!;
    apply(current);
    show();
    try {
      if (current === 'system') localStorage.removeItem(THEME_KEY);
      else localStorage.setItem(THEME_KEY, current);
    } catch {
      // storage blocked: the choice lasts this page only
    }
  });
  // A choice made in another tab applies here too.
  addEventListener('storage', (event) => {
    if (event.key !== THEME_KEY) return;
    current = kept();
    apply(current);
    show();
  });
  list.append(item);
}
