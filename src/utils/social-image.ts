/**
 * Social images (1200×630 PNG) drawn at build time with satori and resvg, in the site's
 * palette and a serif/sans pair shipped from the npm registry (@fontsource), so previews
 * look like the page they lead to. Server-only: reads the fonts from node_modules.
 */
import { Resvg } from '@resvg/resvg-js';
import { readFileSync } from 'node:fs';
import satori from 'satori';
import { SITE } from '../config';
import { SOCIAL_IMAGE } from './structured-data';

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
  const svg = await satori(tree as unknown as Parameters<typeof satori>[0], { ...SOCIAL_IMAGE, fonts: loadFonts() });
  return new Resvg(svg, { fitTo: { mode: 'width', value: SOCIAL_IMAGE.width } }).render().asPng();
}

/** A PNG as an endpoint response. */
export function pngResponse(png: Uint8Array): Response {
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
}
