/**
 * Where the social images' glyphs come from: fonts and emoji from npm, picked per card for
 * the characters it shows. Each @fontsource package is cut into subsets by Unicode range
 * (`unicode.json`: latin, cyrillic, arabic, and about a hundred numbered Chinese cuts), so a
 * card loads only the subsets its text touches, and a Latin title loads exactly what it did
 * before any fallback existed. Emoji are Twemoji's SVGs (@twemoji/svg), drawn as images.
 * A character no source covers is returned as `missing`, for the caller to name out loud.
 * Server-only: reads the packages from node_modules.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { create, type Font } from 'fontkitten';

/** A text style of the card: the glyphs of each are looked up in its own order of fonts. */
export type Face = 'serif' | 'sans' | 'sans-semibold';

const WEIGHT: Record<Face, number> = { serif: 700, sans: 400, 'sans-semibold': 600 };

/**
 * The fonts of each face, first choice first: the site's pair (Latin, Greek, Cyrillic,
 * Vietnamese), then one fallback per script it lacks, chosen because satori draws them
 * whole (Noto Naskh Arabic loses its dots and hamzas there; Amiri keeps them). Noto Serif SC
 * covers Chinese, Japanese kana and Hangul in one family. The sans faces fall back to the
 * same serif fallbacks: one package per script keeps `npm ci` small.
 */
const FALLBACKS = ['amiri', 'noto-serif-hebrew', 'noto-serif-sc'] as const;
const PACKAGES: Record<Face, readonly string[]> = {
  serif: ['source-serif-4', ...FALLBACKS],
  sans: ['source-sans-3', ...FALLBACKS],
  'sans-semibold': ['source-sans-3', ...FALLBACKS],
};

/** A font as satori takes it. */
export interface CardFont {
  name: string;
  data: Buffer;
  weight: 400 | 600 | 700;
  style: 'normal';
}

interface Subset {
  /** The subset's name in `unicode.json`: `latin`, `cyrillic-ext`, `[118]`. */
  name: string;
  ranges: (readonly [number, number])[];
}

interface FontPackage {
  name: string;
  version: string;
  dir: string;
  subsets: Subset[];
  files: ReadonlySet<string>;
}

const require = createRequire(import.meta.url);
const packages = new Map<string, FontPackage>();
function fontPackage(name: string): FontPackage {
  let found = packages.get(name);
  if (!found) {
    const manifest = require.resolve(`@fontsource/${name}/package.json`);
    const dir = dirname(manifest);
    const unicode = JSON.parse(readFileSync(join(dir, 'unicode.json'), 'utf8')) as Record<string, string>;
    found = {
      name,
      version: (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version,
      dir,
      subsets: Object.entries(unicode).map(([subset, ranges]) => ({ name: subset, ranges: parseRanges(ranges) })),
      files: new Set(readdirSync(join(dir, 'files'))),
    };
    packages.set(name, found);
  }
  return found;
}

/** `U+0400-045F,U+2116` as code point ranges. */
export function parseRanges(css: string): (readonly [number, number])[] {
  return css.split(',').map((range) => {
    const [from = '', to = from] = range.trim().replace(/^U\+/i, '').split('-');
    return [Number.parseInt(from, 16), Number.parseInt(to, 16)] as const;
  });
}

const covers = (subset: Subset, codePoint: number) =>
  subset.ranges.some(([from, to]) => codePoint >= from && codePoint <= to);

/** A subset's name in file names: `[118]` is `118`. */
const stem = (subset: Subset) => subset.name.replace(/^\[(\d+)\]$/, '$1');

/** The file of `subset` in the weight nearest `weight` that the package ships. */
function subsetFile(pkg: FontPackage, subset: Subset, weight: number): { file: string; weight: number } | undefined {
  const weights = [weight, 700, 600, 500, 400, 800, 300, 900].filter((w, i, all) => all.indexOf(w) === i);
  for (const w of weights) {
    const file = `${pkg.name}-${stem(subset)}-${w}-normal.woff`;
    if (pkg.files.has(file)) return { file: join(pkg.dir, 'files', file), weight: w };
  }
  return undefined;
}

/** The characters that are drawn as glyphs (not spaces, controls or emoji joiners). */
const INVISIBLE = /[\s\p{Cc}\p{Cf}\uFE00-\uFE0F]/u;

/**
 * The fonts that draw `text` in `face`, in the order satori should try them (use their names
 * as the text's `fontFamily`), and the characters none of them covers. Emoji are left to
 * `emojiImages`.
 */
export function fontsFor(face: Face, text: string): { fonts: CardFont[]; missing: string[] } {
  const candidates = PACKAGES[face].map(fontPackage).flatMap((pkg) => pkg.subsets.map((subset) => ({ pkg, subset })));
  // The face's own Latin is always loaded, so even a text of emoji has a font.
  const wanted = new Set([candidates.find(({ subset }) => subset.name === 'latin')!]);
  const missing: string[] = [];
  for (const character of new Set(withoutEmoji(text))) {
    if (INVISIBLE.test(character)) continue;
    const codePoint = character.codePointAt(0)!;
    // A subset's range is what it was cut from, not a promise: Noto Serif SC's cuts span
    // Hangul and Devanagari it has few glyphs of. The font's own character map decides.
    const match = candidates.find(
      ({ pkg, subset }) => covers(subset, codePoint) && hasGlyph(cardFont(pkg, subset, WEIGHT[face]), codePoint),
    );
    if (match) wanted.add(match);
    else missing.push(character);
  }
  const chosen = candidates
    .filter((candidate) => wanted.has(candidate))
    .map(({ pkg, subset }) => cardFont(pkg, subset, WEIGHT[face]))
    .filter((font) => font !== undefined);
  return { fonts: [...new Set(chosen)], missing };
}

const parsed = new WeakMap<CardFont, Font>();
/** `font` read with fontkitten, once per font. */
function fontTables(font: CardFont): Font {
  let tables = parsed.get(font);
  if (!tables) {
    tables = create(font.data) as Font;
    parsed.set(font, tables);
  }
  return tables;
}

/** Whether `font` has a glyph of its own for `codePoint`. */
const hasGlyph = (font: CardFont | undefined, codePoint: number) =>
  font !== undefined && fontTables(font).hasGlyphForCodePoint(codePoint);

/**
 * The width of `text` in ems when set in `fonts` (each character in the first that has it; an
 * emoji is one em), from the fonts' advance widths, without kerning: close enough to guess
 * how a title wraps before satori lays it out.
 */
export function widthInEms(text: string, fonts: readonly CardFont[]): number {
  let ems = 0;
  for (const { segment } of graphemes.segment(text)) {
    if (EMOJI.test(segment)) {
      ems += 1;
      continue;
    }
    for (const character of segment) {
      const codePoint = character.codePointAt(0)!;
      const font = fonts.find((candidate) => hasGlyph(candidate, codePoint));
      if (!font) continue;
      const tables = fontTables(font);
      ems += tables.glyphForCodePoint(codePoint).advanceWidth / tables.unitsPerEm;
    }
  }
  return ems;
}

const fonts = new Map<string, CardFont>();
/** One subset as a satori font, made once, so satori parses its bytes once per build. */
function cardFont(pkg: FontPackage, subset: Subset, weight: number): CardFont | undefined {
  const found = subsetFile(pkg, subset, weight);
  if (!found) return undefined;
  const name = `${pkg.name}-${stem(subset)}-${found.weight}`;
  let font = fonts.get(name);
  if (!font) {
    font = { name, data: readFileSync(found.file), weight: found.weight as CardFont['weight'], style: 'normal' };
    fonts.set(name, font);
  }
  return font;
}

/** A title's words: runs of letters between spaces, and each Chinese or Japanese character alone. */
const WORDS =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|\s+|[^\s\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu;

/**
 * How many lines `text` takes in `fonts` at `size` pixels in a column `width` pixels wide,
 * broken greedily between words as a browser (or satori) breaks it.
 */
export function wrappedLines(text: string, fonts: readonly CardFont[], size: number, width: number): number {
  let lines = 1;
  let used = 0;
  for (const word of text.match(WORDS) ?? []) {
    const advance = widthInEms(word, fonts) * size;
    if (/^\s/.test(word)) {
      if (used > 0) used += advance;
    } else if (used > 0 && used + advance > width) {
      lines += 1;
      used = advance;
    } else used += advance;
  }
  return lines;
}

/** Versions of every glyph source, for cache keys: an update redraws every card. */
export function glyphSourcesVersion(): string {
  const fontVersions = [...new Set(Object.values(PACKAGES).flat())].map(
    (name) => `${name}@${fontPackage(name).version}`,
  );
  return [...fontVersions, `@twemoji/svg@${twemojiVersion()}`].join(' ');
}

let twemoji: { dir: string; version: string } | undefined;
function twemojiPackage() {
  if (!twemoji) {
    const manifest = require.resolve('@twemoji/svg/package.json');
    twemoji = {
      dir: dirname(manifest),
      version: (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version,
    };
  }
  return twemoji;
}
const twemojiVersion = () => twemojiPackage().version;

const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20E3/u;
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** The emoji in `text`: each grapheme as a list of its characters (for `fontsFor` to skip). */
export function emojiIn(text: string): string[] {
  return [...graphemes.segment(text)].map(({ segment }) => segment).filter((segment) => EMOJI.test(segment));
}

/**
 * Twemoji's file name for an emoji: its code points in hex, joined by `-`, without the
 * emoji-style selector U+FE0F unless the emoji is a joined sequence (Twemoji's own rule).
 */
export function twemojiName(emoji: string): string {
  const codePoints = [...(emoji.includes('\u200D') ? emoji : emoji.replaceAll('\uFE0F', ''))];
  return codePoints.map((character) => character.codePointAt(0)!.toString(16)).join('-');
}

/** `text` with its emoji taken out. */
const withoutEmoji = (text: string) =>
  [...graphemes.segment(text)]
    .map(({ segment }) => segment)
    .filter((segment) => !EMOJI.test(segment))
    .join('');

/**
 * Each emoji of `text` as an SVG data URL (satori's `graphemeImages`), and the emoji Twemoji
 * has no picture for.
 */
export function emojiImages(text: string): { images: Record<string, string>; missing: string[] } {
  const images: Record<string, string> = {};
  const missing: string[] = [];
  for (const emoji of new Set(emojiIn(text))) {
    try {
      const svg = readFileSync(join(twemojiPackage().dir, `${twemojiName(emoji)}.svg`));
      images[emoji] = `data:image/svg+xml;base64,${svg.toString('base64')}`;
    } catch {
      missing.push(emoji);
    }
  }
  return { images, missing };
}
