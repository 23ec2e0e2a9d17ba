import { describe, expect, test } from 'vitest';
import { readState, resultHref, statusFor, titleFor, urlFor } from '../../../../src/browser/search/search-state';

const page = (search = '', hash = '') => new URL(`https://example.org/reader/search/${search}${hash}`);

describe('readState and urlFor', () => {
  test('read the words and the tag from the URL, empty when absent', () => {
    expect(readState(page('?q=heroin&tag=drugs'))).toEqual({ q: 'heroin', tag: 'drugs' });
    expect(readState(page())).toEqual({ q: '', tag: '' });
    expect(readState(page('?q=%E2%80%9Copium%E2%80%9D+war'))).toEqual({ q: '“opium” war', tag: '' });
  });

  test('write only what is set, and keep the rest of the URL', () => {
    expect(urlFor({ q: 'heroin', tag: 'drugs' }, page())).toBe('/reader/search/?q=heroin&tag=drugs');
    expect(urlFor({ q: '', tag: 'cyber' }, page('?q=old'))).toBe('/reader/search/?tag=cyber');
    expect(urlFor({ q: '', tag: '' }, page('?q=old&tag=drugs&utm=x', '#top'))).toBe('/reader/search/?utm=x#top');
  });

  test('round-trip any words and tag through the URL', () => {
    for (const state of [
      { q: 'a & b = c?', tag: '' },
      { q: 'national security', tag: 'PSCs' },
      { q: 'قوة', tag: 'cyber' },
      { q: '#1 100% +', tag: 'drugs' },
    ]) {
      expect(readState(new URL(urlFor(state, page()), 'https://example.org'))).toEqual(state);
    }
  });
});

describe('titleFor', () => {
  test('says what was searched, before the page title', () => {
    expect(titleFor({ q: 'heroin', tag: 'drugs' }, 'Search — Dossier')).toBe('“heroin” in drugs — Search — Dossier');
    expect(titleFor({ q: 'heroin', tag: '' }, 'Search — Dossier')).toBe('“heroin” — Search — Dossier');
    expect(titleFor({ q: '', tag: 'cyber' }, 'Search — Dossier')).toBe('cyber — Search — Dossier');
    expect(titleFor({ q: '', tag: '' }, 'Search — Dossier')).toBe('Search — Dossier');
  });
});

describe('resultHref', () => {
  test('puts the article under the base path, with each searched word to mark', () => {
    expect(resultHref('/reader/', '/articles/x/', 'Heroin  Trade', 'highlight')).toBe(
      '/reader/articles/x/?highlight=heroin&highlight=trade',
    );
    expect(resultHref('/', '/articles/x/', '', 'highlight')).toBe('/articles/x/');
  });

  test('takes a path with or without its leading slash', () => {
    expect(resultHref('/reader/', 'articles/x/', '', 'h')).toBe('/reader/articles/x/');
  });

  test('strips punctuation at the ends of words, not inside them', () => {
    expect(resultHref('/', '/articles/x/', '«“heroin”»', 'h')).toBe('/articles/x/?h=heroin');
    expect(resultHref('/', '/articles/x/', '“state-sponsored,” (cyber)', 'h')).toBe(
      '/articles/x/?h=state-sponsored&h=cyber',
    );
    expect(resultHref('/', '/articles/x/', '… —', 'h')).toBe('/articles/x/');
  });
});

describe('statusFor', () => {
  test('counts results, says when only some are shown, and names the tag', () => {
    expect(statusFor({ q: 'heroin', tag: '' }, 1, 10)).toEqual({ message: '1 result for “heroin”.', empty: false });
    expect(statusFor({ q: 'war', tag: 'drugs' }, 12, 10)).toEqual({
      message: '12 results for “war” tagged drugs, showing the first 10.',
      empty: false,
    });
    expect(statusFor({ q: 'war', tag: '' }, 10, 10).message).toBe('10 results for “war”.');
  });

  test('says when nothing was found, so the page can offer what to try', () => {
    expect(statusFor({ q: 'zzz', tag: 'cyber' }, 0, 10)).toEqual({
      message: 'No results for “zzz” tagged cyber.',
      empty: true,
    });
  });

  test('names what was searched and the common words left out of it, found or not', () => {
    const searched = { search: 'war drugs', leftOut: ['the', 'on'] };
    expect(statusFor({ q: 'the war on drugs', tag: '' }, 3, 10, searched).message).toBe(
      '3 results for “war drugs” (common words left out: “the”, “on”).',
    );
    expect(statusFor({ q: 'the war on drugs', tag: 'cyber' }, 0, 10, searched)).toEqual({
      message: 'No results for “war drugs” tagged cyber (common words left out: “the”, “on”).',
      empty: true,
    });
    expect(statusFor({ q: 'x', tag: '' }, 12, 10, { search: 'x', leftOut: ['of'] }).message).toBe(
      '12 results for “x”, showing the first 10 (common words left out: “of”).',
    );
  });

  test('shows an exact phrase without the quotation marks it was searched with', () => {
    expect(statusFor({ q: '“the war”', tag: '' }, 1, 10, { search: '"the war"', leftOut: [] }).message).toBe(
      '1 result for “the war”.',
    );
    for (const search of ['"the war" drugs', 'drugs "the war"']) {
      expect(statusFor({ q: search, tag: '' }, 1, 10, { search, leftOut: [] }).message).toBe(
        `1 result for “${search}”.`,
      );
    }
  });

  test('without words, counts the tag’s articles', () => {
    expect(statusFor({ q: '', tag: 'PSCs' }, 1, 10)).toEqual({ message: '1 article tagged PSCs.', empty: false });
    expect(statusFor({ q: '', tag: 'cyber' }, 2, 10).message).toBe('2 articles tagged cyber.');
  });
});
