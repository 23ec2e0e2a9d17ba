/// <reference types="astro/client" />

/** The palette's CSS variables, written from src/config.ts (src/integrations/site-colours.ts). */
declare module 'virtual:dossier/palette.css';

/** The `stopword` package's lists of common words, by ISO 639-3 code (it ships no types of its own). */
declare module 'stopword' {
  export const eng: readonly string[];
}
