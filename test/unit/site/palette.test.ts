import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { PALETTE } from '../../../src/config';
import { contrastRatio, hexToOklch, oklchToHex } from '../../../src/site/colour';
import { accentSoft, paletteCss, sitePalette } from '../../../src/site/palette';

describe('paletteCss', () => {
  test('declares every colour of the palette once, as a light-dark pair', () => {
    const css = paletteCss(PALETTE);
    const declared = Object.fromEntries(
      [...css.matchAll(/--([\w-]+):light-dark\((#[0-9a-f]{6}),(#[0-9a-f]{6})\);/gu)].map(([, name, light, dark]) => [
        name,
        { light, dark },
      ]),
    );
    expect(declared).toEqual(PALETTE);
  });

  test('is the only place a colour is declared: the stylesheets name the variables only', () => {
    for (const sheet of ['base.css', 'article.css', 'site.css']) {
      expect(readFileSync(`src/styles/${sheet}`, 'utf8')).not.toMatch(/light-dark\(#/u);
    }
  });
});

describe('the accent', () => {
  test('comes from the config, and its tint keeps its hue and stays pale (light) or deep (dark)', () => {
    const palette = sitePalette({ light: '#1f6f4a', dark: '#7fd3a8' });
    expect(palette.accent).toEqual({ light: '#1f6f4a', dark: '#7fd3a8' });
    const soft = accentSoft(palette.accent);
    expect(Math.abs(hexToOklch(soft.light).h - hexToOklch('#1f6f4a').h)).toBeLessThan(3);
    expect(contrastRatio(soft.light, palette.ink.light)).toBeGreaterThan(12);
    expect(contrastRatio(soft.dark, palette.ink.dark)).toBeGreaterThan(9);
  });

  test('is read back through OKLCH to the same colour', () => {
    for (const hex of ['#8c2f1b', '#f0a58e', '#1f5fbf', '#000000', '#ffffff'])
      expect(oklchToHex(hexToOklch(hex))).toBe(hex);
  });

  test('contrast is WCAG’s: black on white is 21:1, a colour on itself 1:1', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#8c2f1b', '#8c2f1b')).toBe(1);
    expect(contrastRatio('#ffffff', '#767676')).toBeCloseTo(4.54, 2);
  });
});
