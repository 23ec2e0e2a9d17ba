/**
 * The site's colours, light and dark, for what cannot read CSS: the social images and logo
 * (drawn in the light half) and the browser's own colour (`theme-color`). The page itself
 * reads them from global.css, whose `light-dark()` pairs must say the same:
 * test/unit/palette.test.ts fails when the two drift apart.
 */
export const PALETTE = {
  paper: { light: '#fbfaf7', dark: '#15171a' },
  'paper-raised': { light: '#f2efe8', dark: '#1e2125' },
  ink: { light: '#1d1c1a', dark: '#e8e4dc' },
  'ink-muted': { light: '#57544e', dark: '#aaa59c' },
  rule: { light: '#dcd7cc', dark: '#363a40' },
  accent: { light: '#8c2f1b', dark: '#f0a58e' },
  'accent-soft': { light: '#f6e4dc', dark: '#3a2520' },
  focus: { light: '#1f5fbf', dark: '#8ab4ff' },
  mark: { light: '#fbe7a1', dark: '#5a4712' },
} as const;
