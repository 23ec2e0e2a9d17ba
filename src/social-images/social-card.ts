/**
 * What a social image shows and how it is laid out: the card's tree (satori's JSX-like
 * objects) in the site's palette, and its fitting: any title takes the largest of
 * `TITLE_SIZES` at which it fits in four lines (a guess from its length, checked against
 * satori's own layout, drawn again smaller when it does not fit), and past four lines at the
 * smallest size it ends with an ellipsis. Any script draws: each text's fonts are the subsets
 * that cover its characters, with fallback families and Twemoji's pictures for what the
 * site's pair lacks (`card-glyphs.ts`). social-image.ts draws the result. Server-only.
 */
import satori from 'satori';
import { PALETTE, SITE } from '../config';
import { emojiImages, fontsFor, widthInEms, wrappedLines, type CardFont, type Face } from './card-glyphs';
import { SOCIAL_IMAGE } from '../site/structured-data';

/** The light half of the site's palette: a preview sits on any background, as paper does. */
const PAPER = PALETTE.paper.light;
const INK = PALETTE.ink.light;
const MUTED = PALETTE['ink-muted'].light;
const ACCENT = PALETTE.accent.light;
const RULE = PALETTE.rule.light;

export type Style = Record<string, unknown>;
export type Node = { type: string; key?: string; props: { style?: Style; children?: unknown } };
export const el = (type: string, style: Style, children?: unknown, key?: string): Node => ({
  type,
  ...(key ? { key } : {}),
  props: { style, children },
});

/** What a social image shows. */
export interface SocialCard {
  eyebrow: string;
  title: string;
  byline?: string | undefined;
  tags?: readonly string[];
  /** Host and path shown at the bottom, e.g. `dossier.example.org`. */
  footer: string;
  /** What the card is drawn for (e.g. the article's file), named when a glyph is missing. */
  source?: string;
}

/** The card's size and its padding: the text column is what is left. */
const PADDING = { x: 72, y: 56 };
const ACCENT_BAR = 18;
const TEXT_WIDTH = SOCIAL_IMAGE.width - ACCENT_BAR - 2 * PADDING.x;

/** Title sizes, largest first: a title takes the largest at which it fits in four lines. */
export const TITLE_SIZES = [72, 64, 56, 50, 44, 40] as const;
export const TITLE_MAX_LINES = 4;
const TITLE_LEADING = 1.12;
const TITLE_MARGIN = 36;
const BYLINE_MARGIN = 28;
const BYLINE_SIZE = 32;
const BYLINE_LEADING = 1.25;
/** The header's and footer's heights as laid out (one line each; measured, not chosen). */
const HEADER_HEIGHT = 47;
const FOOTER_HEIGHT = 79;
/** The least room left between the title (or byline) and the footer's rule. */
const MIN_GAP = 24;

/**
 * The room for the title, in pixels, as the card's fixed parts leave it (header, footer,
 * margins) with `bylineLines` lines of byline; the layout measures the real room after.
 */
const roomGuess = (bylineLines: number) =>
  SOCIAL_IMAGE.height -
  2 * PADDING.y -
  HEADER_HEIGHT -
  TITLE_MARGIN -
  FOOTER_HEIGHT -
  MIN_GAP -
  (bylineLines > 0 ? BYLINE_MARGIN + bylineLines * BYLINE_SIZE * BYLINE_LEADING : 0);

/** The lines the title may take at `size` within `room` pixels. */
const linesWithin = (room: number, size: number) =>
  Math.max(1, Math.min(TITLE_MAX_LINES, Math.floor(room / (size * TITLE_LEADING))));

/**
 * A first guess at the title's size: the largest at which its words, measured with the fonts'
 * advance widths, wrap into the lines there is room for. Most cards are then laid out once.
 */
function guessTitleSize(card: SocialCard): number {
  const titleFonts = fontsFor('serif', card.title).fonts;
  const bylineLines = card.byline
    ? Math.min(2, wrappedLines(card.byline, fontsFor('sans', card.byline).fonts, BYLINE_SIZE, TEXT_WIDTH))
    : 0;
  const room = roomGuess(bylineLines);
  return (
    TITLE_SIZES.find((size) => wrappedLines(card.title, titleFonts, size, TEXT_WIDTH) <= linesWithin(room, size)) ??
    TITLE_SIZES.at(-1)!
  );
}

/** Text whose first letter is Arabic or Hebrew is set from the right. */
const RIGHT_TO_LEFT = /^[^\p{L}]*[\p{Script=Arabic}\p{Script=Hebrew}]/u;
const alignment = (text: string): Style => (RIGHT_TO_LEFT.test(text) ? { textAlign: 'right' } : {});

export interface Layout {
  titleSize: number;
  /** The most lines the title may take; past them it ends with an ellipsis. */
  titleLines?: number;
}

/** The card's layout tree, with each text's `fontFamily` the fonts that cover it. */
export function cardTree(card: SocialCard, layout: Layout, glyphs: Glyphs): Node {
  const text = (face: Face, content: string, style: Style, key?: string) =>
    el('div', { ...style, fontFamily: glyphs.family(face, content) }, content, key);
  const tags = (card.tags ?? []).map((tag) =>
    text('sans', tag, {
      display: 'flex',
      padding: '6px 18px',
      border: `2px solid ${RULE}`,
      borderRadius: 999,
      color: INK,
      fontSize: 26,
    }),
  );
  const clamp = (lines: number): Style => ({ display: 'block', lineClamp: lines });
  return el('div', { width: '100%', height: '100%', display: 'flex', background: PAPER }, [
    el('div', { width: ACCENT_BAR, height: '100%', background: ACCENT }),
    el(
      'div',
      {
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'space-between',
        padding: `${PADDING.y}px ${PADDING.x}px`,
        width: TEXT_WIDTH + 2 * PADDING.x,
      },
      [
        el('div', { display: 'flex', flexDirection: 'column' }, [
          el(
            'div',
            { display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', gap: 24 },
            [
              text('sans-semibold', card.eyebrow.toUpperCase(), {
                ...clamp(1),
                color: ACCENT,
                fontSize: 26,
                fontWeight: 600,
                letterSpacing: 3,
              }),
              text('serif', SITE.title, { display: 'flex', fontWeight: 700, fontSize: 34, color: INK, flexShrink: 0 }),
            ],
            'header',
          ),
          text(
            'serif',
            card.title,
            {
              ...(layout.titleLines ? clamp(layout.titleLines) : { display: 'block' }),
              marginTop: TITLE_MARGIN,
              fontWeight: 700,
              fontSize: layout.titleSize,
              lineHeight: TITLE_LEADING,
              color: INK,
              ...alignment(card.title),
            },
            'title',
          ),
          ...(card.byline
            ? [
                text(
                  'sans',
                  card.byline,
                  {
                    ...clamp(2),
                    marginTop: BYLINE_MARGIN,
                    fontSize: BYLINE_SIZE,
                    lineHeight: BYLINE_LEADING,
                    color: MUTED,
                    ...alignment(card.byline),
                  },
                  'byline',
                ),
              ]
            : []),
        ]),
        el(
          'div',
          {
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            borderTop: `2px solid ${RULE}`,
            paddingTop: 24,
          },
          [
            el('div', { display: 'flex', gap: 12 }, tags),
            text('sans', card.footer, { display: 'flex', fontSize: 24, color: MUTED }),
          ],
          'footer',
        ),
      ],
    ),
  ]);
}

/** The fonts and emoji pictures one card needs, and the characters nothing could draw. */
export interface Glyphs {
  /** The `fontFamily` that draws `text` in `face`. */
  family(face: Face, text: string): string;
  fonts: CardFont[];
  images: Record<string, string>;
  missing: string[];
}

export function glyphsFor(): Glyphs {
  const fonts = new Set<CardFont>();
  const missing = new Set<string>();
  const images: Record<string, string> = {};
  return {
    family(face, text) {
      const found = fontsFor(face, text);
      for (const font of found.fonts) fonts.add(font);
      for (const character of found.missing) missing.add(character);
      const emoji = emojiImages(text);
      Object.assign(images, emoji.images);
      for (const character of emoji.missing) missing.add(character);
      return found.fonts.map((font) => font.name).join(', ');
    },
    get fonts() {
      return [...fonts];
    },
    images,
    get missing() {
      return [...missing];
    },
  };
}

/** The card's first layout: the title at the size its length suggests. */
export const firstLayout = (card: SocialCard): Layout => ({ titleSize: guessTitleSize(card) });

export type SatoriTree = Parameters<typeof satori>[0];

/**
 * The card laid out and drawn as SVG, with the layout it was drawn at and the title's height
 * in pixels. Laid out once at the guessed size; when the title is taller than the room left
 * between byline and footer, laid out again at the largest smaller size that fits, with a
 * line limit so that even the longest title cannot push the byline or footer off the card.
 */
export async function layOutCard(card: SocialCard): Promise<{ svg: string; layout: Layout; titleHeight: number }> {
  const glyphs = glyphsFor();
  const first = firstLayout(card);
  cardTree(card, first, glyphs); // gathers every text's fonts before satori needs them
  const boxes = new Map<string, number>();
  const draw = (layout: Layout) =>
    satori(cardTree(card, layout, glyphs) as unknown as SatoriTree, {
      ...SOCIAL_IMAGE,
      fonts: glyphs.fonts,
      graphemeImages: glyphs.images,
      onNodeDetected: ({ key, height }) => {
        if (typeof key === 'string') boxes.set(key, height);
      },
    });
  let svg = await draw(first);
  const height = (key: string) => boxes.get(key) ?? 0;
  const room =
    SOCIAL_IMAGE.height -
    2 * PADDING.y -
    height('header') -
    TITLE_MARGIN -
    (card.byline ? BYLINE_MARGIN + height('byline') : 0) -
    height('footer') -
    MIN_GAP;
  const linesAt = (size: number) => linesWithin(room, size);
  const measured = height('title');
  // Satori rounds each line to whole pixels: count lines, not pixels.
  if (Math.round(measured / (first.titleSize * TITLE_LEADING)) <= linesAt(first.titleSize)) {
    return { svg, layout: first, titleHeight: measured };
  }
  // The title's height goes with its size squared: lines are longer and fewer as it shrinks.
  const fits = (size: number) =>
    measured * (size / first.titleSize) ** 2 * 1.05 <= linesAt(size) * size * TITLE_LEADING;
  const titleSize = TITLE_SIZES.find((size) => size < first.titleSize && fits(size)) ?? TITLE_SIZES.at(-1)!;
  const layout = { titleSize, titleLines: linesAt(titleSize) };
  svg = await draw(layout);
  return { svg, layout, titleHeight: height('title') };
}

/** The code and measures that lay a card out: part of every cached image's key, so a change redraws. */
export const CARD_RECIPE = [
  ...[cardTree, layOutCard, guessTitleSize, wrappedLines, roomGuess, linesWithin, widthInEms].map(String),
  JSON.stringify({
    PADDING,
    ACCENT_BAR,
    TITLE_SIZES,
    TITLE_MAX_LINES,
    TITLE_LEADING,
    TITLE_MARGIN,
    BYLINE_MARGIN,
    BYLINE_SIZE,
    BYLINE_LEADING,
    HEADER_HEIGHT,
    FOOTER_HEIGHT,
    MIN_GAP,
  }),
].join('\n');

/** The characters of `card` that nothing can draw (they would be empty boxes). */
export function missingGlyphs(card: SocialCard): string[] {
  const glyphs = glyphsFor();
  cardTree(card, firstLayout(card), glyphs);
  return glyphs.missing;
}
