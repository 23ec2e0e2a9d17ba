import { describe, expect, test } from 'vitest';
import { PALETTE, SITE } from '../../../src/config';
import type { SiteIdentity } from '../../../src/schemas/site';
import { faviconSvg, initialOf } from '../../../src/site/favicon';
import { sitePalette } from '../../../src/site/palette';
import { checkSite } from '../../../src/site/identity';

const refusal = (change: Partial<Record<keyof SiteIdentity, unknown>>) => {
  try {
    checkSite({ ...SITE, ...change } as SiteIdentity);
  } catch (error) {
    return (error as Error).message;
  }
  return 'accepted';
};

describe('checkSite', () => {
  test('accepts the site’s own identity, and another name and accent', () => {
    expect(checkSite(SITE)).toEqual(SITE);
    expect(refusal({ title: 'Meridian', accent: { light: '#1f6f4a', dark: '#7fd3a8' } })).toBe('accepted');
  });

  test('refuses an accent that cannot be read on its theme’s page, naming the field and the contrast', () => {
    expect(refusal({ accent: { light: '#f0a58e', dark: '#f0a58e' } })).toBe(
      'src/config.ts: SITE.accent.light: expected a colour readable on the light theme\'s page #fbfaf7 (contrast 4.5:1 or more), found "#f0a58e" (1.9:1)',
    );
    expect(refusal({ accent: { light: '#8c2f1b', dark: '#8c2f1b' } })).toMatch(
      /^src\/config\.ts: SITE\.accent\.dark: expected a colour readable on the dark theme's page #15171a .*, found "#8c2f1b" \(\d\.\d:1\)$/u,
    );
  });

  test('refuses a colour that is not #rrggbb, an empty name, a language that is not a tag, an unknown field', () => {
    expect(refusal({ accent: { light: 'red', dark: '#f0a58e' } })).toBe(
      'src/config.ts: SITE.accent.light: expected a colour such as "#8c2f1b", found "red"',
    );
    expect(refusal({ title: ' ' })).toBe(
      'src/config.ts: SITE.title: expected the site’s name, 1 to 60 characters, found " "',
    );
    expect(refusal({ lang: 'English' })).toBe(
      'src/config.ts: SITE.lang: expected a language tag such as "en" or "pt-BR", found "English"',
    );
    expect(refusal({ colour: '#000000' } as never)).toMatch(
      /^src\/config\.ts: SITE: expected only the fields title, .*, found "colour"$/u,
    );
  });
});

describe('the favicon', () => {
  test('is the name’s first letter, in capitals, whole in any script', () => {
    expect(initialOf('Dossier', 'en')).toBe('D');
    expect(initialOf('élan', 'fr')).toBe('É');
    expect(initialOf('中国观察', 'zh')).toBe('中');
    expect(initialOf('👩🏽‍💻 Notes', 'en')).toBe('👩🏽‍💻');
  });

  test('draws the letter in the paper’s colour on the accent, escaped', () => {
    const svg = faviconSvg('<', sitePalette({ light: '#1f6f4a', dark: '#7fd3a8' }));
    expect(svg).toContain('fill="#1f6f4a"');
    expect(svg).toContain(`fill="${PALETTE.paper.light}">&lt;</text>`);
  });
});
