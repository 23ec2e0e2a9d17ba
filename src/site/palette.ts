/**
 * The site's colours, light and dark: the page's (written as CSS variables, each a
 * `light-dark()` pair, by `paletteCss`), the social images' and logo's (drawn in the light
 * half), and the browser's own (`theme-color`). Every colour but the accent is the design's;
 * the accent comes from `src/config.ts`, and its pale tint is worked out from it.
 * Pure: no `astro:*` imports.
 */
import { hexToOklch, oklchToHex } from './colour';

/** A colour for each theme. */
export interface ThemeColour {
  light: string;
  dark: string;
}

/** The design's colours, those the accent does not set. */
export const BASE_PALETTE = {
  paper: { light: '#fbfaf7', dark: '#15171a' },
  'paper-raised': { light: '#f2efe8', dark: '#1e2125' },
  ink: { light: '#1d1c1a', dark: '#e8e4dc' },
  'ink-muted': { light: '#57544e', dark: '#aaa59c' },
  rule: { light: '#dcd7cc', dark: '#363a40' },
  focus: { light: '#1f5fbf', dark: '#8ab4ff' },
  mark: { light: '#fbe7a1', dark: '#5a4712' },
} as const satisfies Record<string, ThemeColour>;

/**
 * The accent's pale tint, behind selected text and a landed search's marks: the accent's hue
 * at a fixed lightness and chroma (OKLCH), so text on it keeps its contrast whatever the accent.
 */
export function accentSoft(accent: ThemeColour): ThemeColour {
  const { h } = hexToOklch(accent.light);
  return { light: oklchToHex({ l: 0.931, c: 0.0226, h }), dark: oklchToHex({ l: 0.289, c: 0.0335, h }) };
}

/** Every colour of the site for this accent. */
export function sitePalette(accent: ThemeColour) {
  return { ...BASE_PALETTE, accent, 'accent-soft': accentSoft(accent) } as const;
}

/** The site's palette. */
export type Palette = ReturnType<typeof sitePalette>;

/**
 * The palette as CSS: a variable per colour on `:root`, each a `light-dark()` pair that the
 * page's `color-scheme` picks from (base.css maps them to Tailwind's colours).
 */
export function paletteCss(palette: Palette): string {
  const lines = Object.entries(palette).map(([name, { light, dark }]) => `--${name}:light-dark(${light},${dark});`);
  return `:root{${lines.join('')}}\n`;
}
