/**
 * Social images (1200×630 PNG) drawn at build time, in the site's palette and a serif/sans
 * pair shipped from the npm registry (@fontsource), so previews look like the page they lead
 * to: satori lays the card out as SVG, sharp (libvips) draws and encodes it on its own
 * threads, so images are drawn while the next pages render. Each PNG is kept in the build
 * cache under the hash of everything that draws it (the card's layout tree, the fonts, the
 * encoder), so a rebuild draws only the cards that changed. Server-only: reads the fonts from
 * node_modules.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import satori from 'satori';
import sharp from 'sharp';
import { BUILD_CACHE_DIR, SITE } from '../config';
import { cacheKey, cachedFile } from './build-cache';
import { LOGO_SIZE, SOCIAL_IMAGE } from './structured-data';

/** How sharp writes the PNG: part of every cached image's key. */
const PNG_OPTIONS = { compressionLevel: 6, adaptiveFiltering: false } as const;

/** Where drawn images are kept between builds. */
const CACHE_DIR = join(BUILD_CACHE_DIR, 'social-images');

const font = (path: string) => readFileSync(`node_modules/@fontsource/${path}`);

let fonts: Parameters<typeof satori>[1]['fonts'] | undefined;
function loadFonts() {
  fonts ??= [
    {
      name: 'Serif',
      data: font('source-serif-4/files/source-serif-4-latin-700-normal.woff'),
      weight: 700,
      style: 'normal',
    },
    {
      name: 'Sans',
      data: font('source-sans-3/files/source-sans-3-latin-400-normal.woff'),
      weight: 400,
      style: 'normal',
    },
    {
      name: 'Sans',
      data: font('source-sans-3/files/source-sans-3-latin-600-normal.woff'),
      weight: 600,
      style: 'normal',
    },
  ];
  return fonts;
}

let fontsKey: string | undefined;
/** A hash of the fonts' bytes, so a font update redraws every image. */
const fontKey = () => (fontsKey ??= cacheKey(...loadFonts().map((font) => new Uint8Array(font.data as Buffer))));

const PAPER = '#fbfaf7';
const INK = '#1d1c1a';
const MUTED = '#57544e';
const ACCENT = '#8c2f1b';
const RULE = '#dcd7cc';

type Node = { type: string; props: { style?: Record<string, unknown>; children?: unknown } };
const el = (type: string, style: Record<string, unknown>, children?: unknown): Node => ({
  type,
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
}

/** Title size that keeps long headlines within four lines. */
function titleSize(title: string): number {
  if (title.length > 90) return 52;
  if (title.length > 60) return 60;
  return 72;
}

/** The card as a 1200×630 PNG. */
export async function renderSocialImage(card: SocialCard): Promise<Uint8Array> {
  const tags = (card.tags ?? []).map((tag) =>
    el(
      'div',
      {
        display: 'flex',
        padding: '6px 18px',
        border: `2px solid ${RULE}`,
        borderRadius: 999,
        color: INK,
        fontSize: 26,
      },
      tag,
    ),
  );
  const tree = el('div', { width: '100%', height: '100%', display: 'flex', background: PAPER, fontFamily: 'Sans' }, [
    el('div', { width: 18, height: '100%', background: ACCENT }),
    el(
      'div',
      { display: 'flex', flexDirection: 'column', justifyContent: 'space-between', padding: '56px 72px', flex: 1 },
      [
        el('div', { display: 'flex', flexDirection: 'column' }, [
          el(
            'div',
            {
              display: 'flex',
              justifyContent: 'space-between',
              color: ACCENT,
              fontSize: 26,
              fontWeight: 600,
              letterSpacing: 3,
            },
            [
              el('div', { display: 'flex' }, card.eyebrow.toUpperCase()),
              el(
                'div',
                { display: 'flex', fontFamily: 'Serif', fontWeight: 700, letterSpacing: 0, fontSize: 34, color: INK },
                SITE.title,
              ),
            ],
          ),
          el(
            'div',
            {
              display: 'flex',
              marginTop: 36,
              fontFamily: 'Serif',
              fontWeight: 700,
              fontSize: titleSize(card.title),
              lineHeight: 1.12,
              color: INK,
            },
            card.title,
          ),
          ...(card.byline
            ? [el('div', { display: 'flex', marginTop: 28, fontSize: 32, color: MUTED }, card.byline)]
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
            el('div', { display: 'flex', fontSize: 24, color: MUTED }, card.footer),
          ],
        ),
      ],
    ),
  ]);
  return drawn(tree, SOCIAL_IMAGE);
}

/** `tree` drawn at `size` as a PNG, from the build cache when an earlier build drew it. */
function drawn(tree: Node, size: { width: number; height: number }): Promise<Uint8Array> {
  const key = cacheKey(JSON.stringify({ tree, size, png: PNG_OPTIONS, fonts: fontKey(), sharp: sharp.versions }));
  return cachedFile(CACHE_DIR, `${key}.png`, async () => {
    const svg = await satori(tree as unknown as Parameters<typeof satori>[0], { ...size, fonts: loadFonts() });
    return sharp(Buffer.from(svg)).png(PNG_OPTIONS).toBuffer();
  });
}

/**
 * The site's logo as a PNG (the favicon's letter on its accent square, in the images' serif),
 * for link previews and search engines that want a publisher's logo as a raster image.
 */
export async function renderLogo(): Promise<Uint8Array> {
  const tree = el(
    'div',
    {
      display: 'flex',
      width: '100%',
      height: '100%',
      alignItems: 'center',
      justifyContent: 'center',
      background: ACCENT,
      borderRadius: 96,
      color: PAPER,
      fontFamily: 'Serif',
      fontWeight: 700,
      fontSize: 320,
    },
    SITE.title.slice(0, 1),
  );
  return drawn(tree, { width: LOGO_SIZE, height: LOGO_SIZE });
}

/** A PNG as an endpoint response. */
export function pngResponse(png: Uint8Array): Response {
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
}
