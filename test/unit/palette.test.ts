import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { PALETTE } from '../../src/utils/palette';

test('global.css declares exactly the palette the images and theme-color use, light and dark', () => {
  const css = readFileSync('src/styles/global.css', 'utf8');
  const declared = Object.fromEntries(
    [...css.matchAll(/--([\w-]+):\s*light-dark\((#[0-9a-f]{6}),\s*(#[0-9a-f]{6})\)/gi)].map(([, name, light, dark]) => [
      name,
      { light: light!.toLowerCase(), dark: dark!.toLowerCase() },
    ]),
  );
  expect(declared).toEqual(PALETTE);
});
