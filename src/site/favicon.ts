/** The site's icon: its name's first letter on its accent, as SVG. Pure: no `astro:*` imports. */
import type { Palette } from './palette';

/** The first letter of a name (a whole character: `É`, `中`), in capitals where the script has them. */
export function initialOf(name: string, lang: string): string {
  const [first] = new Intl.Segmenter(lang).segment(name.trim());
  return (first?.segment ?? '').toLocaleUpperCase(lang);
}

const escapeXml = (text: string) => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

/** The icon: `letter` in the paper's colour on a rounded square of the accent (both light). */
export function faviconSvg(letter: string, palette: Palette): string {
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">' +
    `<rect width="32" height="32" rx="6" fill="${palette.accent.light}"/>` +
    '<text x="16" y="23" text-anchor="middle" font-family="Georgia, serif" font-size="20" font-weight="700" ' +
    `fill="${palette.paper.light}">${escapeXml(letter)}</text></svg>`
  );
}
