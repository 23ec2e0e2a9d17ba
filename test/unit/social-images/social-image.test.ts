import { rmSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll, describe, expect, test, vi } from 'vitest';

// The images drawn here go to a scratch cache, not the project's.
const cacheDir = vi.hoisted(() => {
  const dir = `${process.env.TMPDIR ?? '/tmp'}/dossier-social-image-test-${process.pid}`;
  process.env.DOSSIER_CACHE_DIR = dir;
  return dir;
});
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

import { emojiIn, parseRanges, twemojiName } from '../../../src/social-images/card-glyphs';
import {
  layOutCard,
  missingGlyphs,
  TITLE_MAX_LINES,
  TITLE_SIZES,
  type SocialCard,
} from '../../../src/social-images/social-card';
import { renderSocialImage } from '../../../src/social-images/social-image';
import { SOCIAL_IMAGE } from '../../../src/site/structured-data';

const card = (title: string, byline?: string): SocialCard => ({
  eyebrow: 'Analysis',
  title,
  byline,
  tags: ['Cyber', 'Drugs'],
  footer: 'dossier.example.org',
});

/** The card's pixels as RGB, with the title's box (the text column below the header). */
async function drawn(input: SocialCard) {
  const { svg, layout, titleHeight } = await layOutCard(input);
  const { data, info } = await sharp(Buffer.from(svg)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const title = { left: 90, top: 139, right: 1128, bottom: 139 + titleHeight };
  return { data, width: info.width, layout, titleHeight, title };
}

type Box = { left: number; top: number; right: number; bottom: number };
type Image = { data: Buffer; width: number };

/** The share of pixels in `box` that are ink (dark) and that are colour (saturated). */
function inkIn({ data, width }: Image, box: Box) {
  let ink = 0;
  let colour = 0;
  let all = 0;
  for (let y = box.top; y < box.bottom; y++) {
    for (let x = box.left; x < box.right; x++) {
      const i = (y * width + x) * 3;
      const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
      if ((r + g + b) / 3 < 128) ink++;
      if (Math.max(r, g, b) - Math.min(r, g, b) > 80) colour++;
      all++;
    }
  }
  return { ink: ink / all, colour: colour / all };
}

/** The share of pixels in `box` that differ between two images. */
function differenceIn(a: Image, b: Image, box: Box): number {
  let differ = 0;
  let all = 0;
  for (let y = box.top; y < box.bottom; y++) {
    for (let x = box.left; x < box.right; x++) {
      const i = (y * a.width + x) * 3;
      if (Math.abs(a.data[i]! - b.data[i]!) + Math.abs(a.data[i + 1]! - b.data[i + 1]!) > 60) differ++;
      all++;
    }
  }
  return differ / all;
}

/**
 * The title with every letter swapped for an unassigned code point: what the card would show
 * if no font had its glyphs (a row of empty boxes, one per letter).
 */
const asMissingGlyphs = (title: string) => title.replace(/[^\s]/gu, '\u0378');

describe('social images draw titles in any script', () => {
  const titles = {
    Chinese: '中国的网络安全战略与国际合作：从数据治理到关键信息基础设施保护',
    Arabic: 'الأمن السيبراني في الشرق الأوسط: التحديات والفرص',
    Cyrillic: 'Частные военные компании и международная безопасность',
    Japanese: '日本の情報機関とサイバー防衛',
    Hebrew: 'מודיעין וסייבר במזרח התיכון',
  };
  for (const [script, title] of Object.entries(titles)) {
    test(`${script}: every glyph is found, and the title is drawn, not left blank or boxed`, async () => {
      expect(missingGlyphs(card(title, 'By A. Author'))).toEqual([]);
      const real = await drawn(card(title, 'By A. Author'));
      const boxes = await drawn(card(asMissingGlyphs(title), 'By A. Author'));
      expect(real.titleHeight).toBeGreaterThan(0);
      expect(inkIn(real, real.title).ink).toBeGreaterThan(0.08);
      expect(differenceIn(real, boxes, real.title)).toBeGreaterThan(0.05);
    });
  }

  test('emoji are drawn in colour from Twemoji, beside the words', async () => {
    const title = 'Cyber 🛡️ and drugs 💊 on the border 🇺🇦: a 👩‍💻 guide';
    expect(missingGlyphs(card(title))).toEqual([]);
    const image = await drawn(card(title));
    expect(inkIn(image, image.title).colour).toBeGreaterThan(0.02);
    const words = await drawn(
      card(title.replace(/\p{Extended_Pictographic}|\p{Regional_Indicator}|\u200d|\ufe0f/gu, '')),
    );
    expect(inkIn(words, words.title).colour).toBe(0);
  });

  test('a character no font covers is named, not drawn silently as a box', async () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
    const runes = { ...card('ᚠᚢᚦ Runes and 한국 Korea'), source: 'content/runes.md' };
    expect(missingGlyphs(runes)).toEqual(['ᚠ', 'ᚢ', 'ᚦ', '한', '국']);
    await renderSocialImage(runes);
    expect(warn).toHaveBeenCalledOnce();
    expect(warn.mock.calls[0]![0]).toMatch(/content\/runes\.md.*expected a font.*found none for ᚠ \(U\+16A0\)/);
    warn.mockRestore();
  });
});

describe('social images as shipped', () => {
  test('a card is an opaque 1200×630 PNG with the pixels its layout draws (no alpha to show a dark page through)', async () => {
    const input = card('Evolutions of Strategic Intelligence', 'By Giancarlo Elia Valori');
    const png = await renderSocialImage(input);
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    expect({ format: (await sharp(png).metadata()).format, ...SOCIAL_IMAGE, channels: 3 }).toEqual({
      format: 'png',
      width: info.width,
      height: info.height,
      channels: info.channels,
    });
    expect(data.equals((await drawn(input)).data)).toBe(true);
  });
});

describe('social images fit any title', () => {
  test('a short title is drawn at the largest size, a longer one smaller, before any ellipsis', async () => {
    const short = await layOutCard(card('Cyber Deterrence'));
    const longer = await layOutCard(
      card(
        'Private Security Companies, Mercenaries and the Changing Character of Conflict in Africa, the Middle East and Eastern Europe',
        'By A. Author',
      ),
    );
    expect(short.layout).toEqual({ titleSize: TITLE_SIZES[0] });
    expect(longer.layout.titleSize).toBeLessThan(TITLE_SIZES[0]);
    expect(longer.layout.titleSize).toBeGreaterThan(TITLE_SIZES.at(-1)!);
    expect(longer.layout.titleLines).toBeUndefined();
  });

  test('a 400-character title ends after four lines at the smallest size; byline and footer stay on the card', async () => {
    const long = 'The long and winding history of intelligence, cyber operations and the drug trade, told once more '
      .repeat(5)
      .slice(0, 400);
    const short = await drawn(card('Cyber Deterrence', 'By A. Author'));
    const image = await drawn(card(long, 'By A. Author'));
    expect(image.layout).toEqual({ titleSize: TITLE_SIZES.at(-1), titleLines: TITLE_MAX_LINES });
    expect(image.titleHeight).toBeLessThanOrEqual(TITLE_MAX_LINES * TITLE_SIZES.at(-1)! * 1.12 + TITLE_MAX_LINES);
    // The footer (rule, tags, host) is where it is on a short card, pixel for pixel.
    const footer = { left: 0, top: 480, right: SOCIAL_IMAGE.width, bottom: SOCIAL_IMAGE.height };
    expect(differenceIn(image, short, footer)).toBe(0);
    // The byline is drawn between the title and the footer.
    const byline = { left: 90, top: image.title.bottom + 20, right: 600, bottom: 480 };
    expect(inkIn(image, byline).ink).toBeGreaterThan(0.01);
  });
});

describe('glyph sources', () => {
  test('unicode-range lists read as code point ranges', () => {
    expect(parseRanges('U+0400-045F,U+2116, U+A640-A69F')).toEqual([
      [0x400, 0x45f],
      [0x2116, 0x2116],
      [0xa640, 0xa69f],
    ]);
  });

  test("emoji are found whole and named as Twemoji's files are", () => {
    expect(emojiIn('a 🛡️ b 👩‍💻 🇺🇦 1️⃣ c')).toEqual(['🛡️', '👩‍💻', '🇺🇦', '1️⃣']);
    expect(twemojiName('🛡️')).toBe('1f6e1');
    expect(twemojiName('👩‍💻')).toBe('1f469-200d-1f4bb');
    expect(twemojiName('🇺🇦')).toBe('1f1fa-1f1e6');
    expect(twemojiName('1️⃣')).toBe('31-20e3');
  });
});
