/// <reference types="astro/client" />

/** The `stopword` package's lists of common words, by ISO 639-3 code (it ships no types of its own). */
declare module 'stopword' {
  export const eng: readonly string[];
}
