/**
 * The palette's CSS variables, written from `src/config.ts` (so the accent there colours the
 * page) and from `site/palette.ts`, where the other colours live: put into each stylesheet
 * (article.css, site.css) where it says `PALETTE_MARKER`, before Tailwind reads it. In each
 * page's one stylesheet, not a stylesheet of its own that pages would share: Vite would make
 * that a file of its own, and Astro would write it into every page.
 */
import type { Plugin } from 'vite';
import { PALETTE } from '../config';
import { paletteCss } from '../site/palette';

/** The comment a stylesheet holds where the palette goes. */
export const PALETTE_MARKER = '/* dossier:palette */';

/** The Vite plugin that writes the palette into the stylesheets that ask for it. */
export function siteColours(): Plugin {
  return {
    name: 'dossier:site-colours',
    // Before Tailwind's plugin, which reads the stylesheet.
    enforce: 'pre',
    transform: (code, id) =>
      /\.css(?:\?|$)/u.test(id) && code.includes(PALETTE_MARKER)
        ? code.replace(PALETTE_MARKER, () => paletteCss(PALETTE))
        : undefined,
  };
}
