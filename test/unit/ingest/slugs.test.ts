import { describe, expect, test } from 'vitest';
import {
  SLUG_MAX_BYTES,
  assignSlugs,
  cutSlug,
  sha256,
  titleSlug,
  type SlugRequest,
  type WrittenArticle,
} from '../../../src/ingest/slugs';

const bytes = (text: string) => new TextEncoder().encode(text).length;

/** An article as slugs see it; `line` defaults to 1, `file` to `seeds/a.txt`. */
const article = (title: string, body = `${title} body.\n`, file = 'seeds/a.txt', line = 1): SlugRequest => ({
  title,
  body,
  file,
  line,
});
const written = (slug: string, a: SlugRequest): WrittenArticle => ({ ...a, slug });

describe('cutSlug', () => {
  test('leaves a slug that fits alone', () => {
    expect(cutSlug('evolutions-of-strategic-intelligence', 36)).toBe('evolutions-of-strategic-intelligence');
  });

  test('cuts at the last word boundary that fits, without a trailing hyphen', () => {
    expect(cutSlug('evolutions-of-strategic-intelligence', 35)).toBe('evolutions-of-strategic');
    expect(cutSlug('evolutions-of-strategic-intelligence', 24)).toBe('evolutions-of-strategic');
    expect(cutSlug('evolutions-of-strategic-intelligence', 23)).toBe('evolutions-of-strategic');
    expect(cutSlug('evolutions-of-strategic-intelligence', 22)).toBe('evolutions-of');
  });

  test('counts bytes, and cuts a script written without spaces between its words', () => {
    const slug = '中国私营安保公司在一带一路沿线';
    expect(cutSlug(slug, 12)).toBe('中国私营');
    expect(bytes(cutSlug(slug, 13))).toBeLessThanOrEqual(13);
  });

  test('never ends in a hyphen, even after a run of them', () => {
    expect(cutSlug('abc--def', 6)).toBe('abc');
  });

  test('cuts one word longer than the limit between characters, never inside one', () => {
    expect(cutSlug('a'.repeat(100), 80)).toBe('a'.repeat(80));
    expect(cutSlug('👩🏽‍💻'.repeat(10), 29)).toBe('👩🏽‍💻');
  });
});

describe('titleSlug', () => {
  test('is GitHub’s slug of the title', () => {
    expect(titleSlug('Chinese Private Security Companies Along the BRI: An Emerging Threat?')).toBe(
      'chinese-private-security-companies-along-the-bri-an-emerging-threat',
    );
  });

  test(`is at most ${SLUG_MAX_BYTES} bytes, cut at a word`, () => {
    const slug = titleSlug('Strategic Intelligence and Surprise '.repeat(10));
    expect(slug).toBe('strategic-intelligence-and-surprise-strategic-intelligence-and-surprise');
    expect(bytes(titleSlug('战略情报与网络安全对外交政策的影响'.repeat(5)))).toBeLessThanOrEqual(SLUG_MAX_BYTES);
  });

  test('ignores format characters, and trims hyphens at the ends', () => {
    expect(titleSlug('Evolutions of \u200dStrategic Intelligence')).toBe('evolutions-of-strategic-intelligence');
    expect(titleSlug('— Evolutions —')).toBe('evolutions');
  });

  test('gives a title with no letter or digit a stable name from its hash', () => {
    expect(titleSlug('?!… — ***')).toBe(`article-${sha256('?!… — ***').slice(0, 8)}`);
    expect(titleSlug('?!… — ***')).not.toBe(titleSlug('!!!'));
  });
});

describe('assignSlugs', () => {
  test('gives new articles their titles’ slugs, and a colliding one the slug and its content hash', () => {
    const a = article('Same Title', 'First.\n');
    const b = article('Same Title', 'Second.\n', 'seeds/a.txt', 20);
    const [first, second] = assignSlugs([a, b], []);
    const hashes = [a, b].map((x) => sha256(`${x.title}\n${x.body}`).slice(0, 8));
    // The smaller hash gets the plain slug, whichever comes first.
    const plain = hashes[0]! < hashes[1]! ? 0 : 1;
    expect([first, second][plain]).toBe('same-title');
    expect([first, second][1 - plain]).toBe(`same-title-${hashes[1 - plain]}`);
    expect(assignSlugs([b, a], [])).toEqual([second, first]);
  });

  test('cuts a long slug to make room for the hash', () => {
    const title = 'Intelligence Surprise '.repeat(10);
    const slugs = assignSlugs([article(title, 'One.\n'), article(title, 'Two.\n', 'seeds/b.txt')], []);
    expect(slugs).toContain('intelligence-surprise-intelligence-surprise-intelligence-surprise-intelligence');
    const hashed = slugs.find((slug) => /-[0-9a-f]{8}$/.test(slug))!;
    expect(hashed).toMatch(/^intelligence-surprise-intelligence-surprise-intelligence-surprise-[0-9a-f]{8}$/);
  });

  test('numbers the same text given more than once, the first in seed order plain', () => {
    const copies = [30, 1, 90, 60].map((line) => article('Twice', 'Same.\n', 'seeds/a.txt', line));
    const hash = sha256('Twice\nSame.\n').slice(0, 8);
    expect(assignSlugs(copies, [])).toEqual([`twice-${hash}`, 'twice', `twice-${hash}-3`, `twice-${hash}-2`]);
    const inTwoSeeds = [article('Twice', 'Same.\n', 'seeds/b.txt'), article('Twice', 'Same.\n', 'seeds/a.txt', 50)];
    expect(assignSlugs(inTwoSeeds, [])).toEqual([`twice-${hash}`, 'twice']);
    expect(assignSlugs(inTwoSeeds.toReversed(), [])).toEqual(['twice', `twice-${hash}`]);
  });

  test('keeps the slug an earlier run wrote an article at: same text, seed renamed, body edited, title edited', () => {
    const a = article('Evolutions of Strategic Intelligence', 'Body.\n', 'seeds/a.txt', 29);
    const before = [written('evolutions', a)];
    expect(assignSlugs([a], before)).toEqual(['evolutions']);
    expect(assignSlugs([{ ...a, file: 'seeds/renamed.txt', line: 3 }], before)).toEqual(['evolutions']);
    expect(assignSlugs([{ ...a, body: 'Edited.\n', line: 40 }], before)).toEqual(['evolutions']);
    expect(assignSlugs([{ ...a, title: 'Evolutions, Retitled', line: 40 }], before)).toEqual(['evolutions']);
    expect(assignSlugs([{ ...a, title: 'New', body: 'New.\n' }], before)).toEqual(['new']);
  });

  test('a new article never takes a slug an earlier file holds, even one no seed produces any more', () => {
    const old = written('same-title', article('Same Title', 'Gone.\n', 'seeds/gone.txt'));
    const fresh = article('Same Title', 'New.\n', 'seeds/-first.txt');
    expect(assignSlugs([fresh], [old])).toEqual([`same-title-${sha256('Same Title\nNew.\n').slice(0, 8)}`]);
  });

  test('pairs the copies of a renamed seed’s articles with the earlier files in seed order', () => {
    const old = [
      written('x', article('Same', 'Same.\n', 'seeds/old-b.txt')),
      written('y', article('Same', 'Same.\n', 'seeds/old-a.txt')),
    ];
    const fresh = [article('Same', 'Same.\n', 'seeds/new-b.txt'), article('Same', 'Same.\n', 'seeds/new-a.txt')];
    expect(assignSlugs(fresh, old)).toEqual(['x', 'y']);
  });

  test('keeps five copies of one article at their five slugs', () => {
    const copies = [1, 2, 3, 4, 5].map((line) => article('Copy', 'Same.\n', 'seeds/a.txt', line));
    const before = copies.map((copy, i) => written(`copy-${i}`, copy));
    expect(assignSlugs(copies, before.toReversed())).toEqual(['copy-0', 'copy-1', 'copy-2', 'copy-3', 'copy-4']);
  });

  test('matches each earlier file once: two copies of an article keep their own slugs', () => {
    const a = article('Copy', 'Same.\n', 'seeds/a.txt', 1);
    const b = { ...a, line: 9 };
    const before = [written('copy-2', b), written('copy', a)];
    expect(assignSlugs([a, b], before)).toEqual(['copy', 'copy-2']);
    expect(assignSlugs([b, a], before)).toEqual(['copy-2', 'copy']);
  });

  test('of an article and a copy of its file, the article keeps the file at its own title’s slug', () => {
    const a = article('Copy', 'Same.\n');
    expect(assignSlugs([a], [written('a-copy', a), written('copy', a)])).toEqual(['copy']);
    expect(assignSlugs([a], [written('copy', a), written('a-copy', a)])).toEqual(['copy']);
    expect(assignSlugs([a], [written('b-copy', a), written('a-copy', a)])).toEqual(['a-copy']);
    expect(assignSlugs([a], [written('a-copy', a), written('b-copy', a)])).toEqual(['a-copy']);
  });

  test('matches by seed file before seed order: a new seed that sorts first with the same text does not take the slug', () => {
    const a = article('Same', 'Same.\n', 'seeds/000.txt');
    const copy = { ...a, file: 'seeds/-000.txt' };
    const slugs = assignSlugs([copy, a], [written('same', a)]);
    expect(slugs[1]).toBe('same');
    expect(slugs[0]).toMatch(/^same-[0-9a-f]{8}$/);
  });
});
