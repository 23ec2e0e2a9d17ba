import { describe, expect, test } from 'vitest';
import { sectionsHolding } from '../../../../src/browser/search/sections';

describe('sectionsHolding', () => {
  const sections: [string, string, number][] = [
    ['origins', 'Origins', 10],
    ['routes', 'Routes', 40],
    ['policy', 'Policy', 70],
    ['outlook', 'Outlook', 90],
  ];
  const href = '/articles/a/?highlight=heroin';

  test('gives each matched word to the last section starting at or before it; words before the first are the title’s', () => {
    expect(sectionsHolding(sections, [3, 12, 39, 40, 95], href)).toEqual([
      { url: `${href}#origins`, title: 'Origins', locations: [12, 39] },
      { url: `${href}#routes`, title: 'Routes', locations: [40] },
      { url: `${href}#outlook`, title: 'Outlook', locations: [95] },
    ]);
  });

  test('lists at most three, in reading order, and none for words in the title alone or no sections', () => {
    expect(sectionsHolding(sections, [11, 41, 71, 91], href).map((s) => s.title)).toEqual([
      'Origins',
      'Routes',
      'Policy',
    ]);
    expect(sectionsHolding(sections, [0, 9], href)).toEqual([]);
    expect(sectionsHolding([], [5, 50], href)).toEqual([]);
  });

  test('puts the section’s id in place of any fragment the result’s link has', () => {
    expect(sectionsHolding(sections, [12], '/articles/a/#top')[0]!.url).toBe('/articles/a/#origins');
  });
});
