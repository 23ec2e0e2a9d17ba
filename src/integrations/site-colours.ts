/**
 * The palette's CSS variables as a stylesheet Vite bundles with the page's own
 * (`import 'virtual:dossier/palette.css'` in BaseLayout): written from `src/config.ts`, so the
 * accent there colours the page, and from `site/palette.ts`, where the other colours live.
 */
import type { Plugin } from 'vite';
import { PALETTE } from '../config';
import { paletteCss } from '../site/palette';

/** The stylesheet's module id. */
export const PALETTE_CSS = 'virtual:dossier/palette.css';

/** The Vite plugin that serves `PALETTE_CSS`. */
export function siteColours(): Plugin {
  const resolved = `\0${PALETTE_CSS}`;
  return {
    name: 'dossier:site-colours',
    resolveId: (id) => (id === PALETTE_CSS ? resolved : undefined),
    load: (id) => (id === resolved ? paletteCss(PALETTE) : undefined),
  };
}
