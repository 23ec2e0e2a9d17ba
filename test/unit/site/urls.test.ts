import { describe, expect, test } from 'vitest';
import { HIGHLIGHT_PARAM, PAGEFIND_DIR, PLACE_KEY_PREFIX, THEME_KEY, withTrailingSlash } from '../../../src/facts';
import {
  absoluteUrl,
  articleUrl,
  feedUrl,
  homeUrl,
  searchUrl,
  socialImageUrl,
  tagsUrl,
  tagUrl,
  withBase,
} from '../../../src/site/urls';

describe('withTrailingSlash', () => {
  test('writes a base path with exactly one slash at its end', () => {
    expect(withTrailingSlash('/reader')).toBe('/reader/');
    expect(withTrailingSlash('/reader/')).toBe('/reader/');
    expect(withTrailingSlash('/reader//')).toBe('/reader/');
    expect(withTrailingSlash('/')).toBe('/');
    expect(withTrailingSlash('')).toBe('/');
  });
});

describe('site URLs (built at the root here: Vitest has no base path)', () => {
  test('every page type has its address', () => {
    expect(homeUrl()).toBe('/');
    expect(articleUrl('evolutions')).toBe('/articles/evolutions/');
    expect(tagsUrl()).toBe('/tags/');
    expect(tagUrl('pscs')).toBe('/tags/pscs/');
    expect(searchUrl()).toBe('/search/');
    expect(feedUrl()).toBe('/rss.xml');
    expect(socialImageUrl('evolutions')).toBe('/og/evolutions.png');
    expect(socialImageUrl()).toBe('/og/home.png');
  });

  test('withBase takes a path with or without its leading slash', () => {
    expect(withBase('tags/')).toBe('/tags/');
    expect(withBase('/tags/')).toBe('/tags/');
    expect(withBase()).toBe('/');
  });

  test('absoluteUrl puts a site path on the site’s origin', () => {
    expect(absoluteUrl('/articles/x/', 'https://example.org')).toBe('https://example.org/articles/x/');
    expect(absoluteUrl('/reader/og/home.png', new URL('https://example.org/'))).toBe(
      'https://example.org/reader/og/home.png',
    );
  });
});

describe('names readers already hold', () => {
  // Links shared from search results carry the parameter, readers' browsers hold the theme
  // and their places under the keys, and public/_headers names the folder: renaming any of them breaks those.
  test('the highlight parameter, the storage keys and Pagefind’s folder keep their names', () => {
    expect(HIGHLIGHT_PARAM).toBe('highlight');
    expect(THEME_KEY).toBe('dossier:theme');
    expect(PLACE_KEY_PREFIX).toBe('dossier:place:');
    expect(PAGEFIND_DIR).toBe('pagefind');
  });
});
