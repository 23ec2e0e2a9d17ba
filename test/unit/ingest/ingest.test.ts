/**
 * Properties of ingest over generated inputs (fast-check): valid seeds are read exactly,
 * mutated seeds are read without losing a line or refused with a line, and slugs never
 * depend on the order of the seed files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { slug as githubSlug } from 'github-slugger';
import { describe, expect, test, vi } from 'vitest';
import { ingest, readWritten, type ArticleFile } from '../../../src/ingest/ingest';
import { parseSeed } from '../../../src/ingest/parse-seed';
import { LINE_BREAK } from '../../../src/ingest/heuristics';
import { IngestError } from '../../../src/ingest/ingest-error';
import { frontmatterOf, renderedBlocks } from '../../support/markdown-blocks';
import {
  collidingSeedArbitrary,
  mutate,
  mutationArbitrary,
  seedArbitrary,
  type ExpectedArticle,
} from '../../support/seed-arbitrary';

/** Cases per property; `FC_RUNS` raises it for a long hunt. */
const RUNS = Number(process.env.FC_RUNS ?? 300);

// A property's time grows with its cases: 300 mutated seeds take 5–6 s on a busy 2-core
// machine (Vitest runs the other files beside it), past Vitest's default 5 s. Room for that,
// and for FC_RUNS: a time limit here guards against a hang, not a slow machine.
vi.setConfig({ testTimeout: Math.max(60_000, RUNS * 100) });
const REAL_SEED = readFileSync(join(process.cwd(), 'seeds/000_4f47ba8be8894ef4.txt'), 'utf8');

/** Lines ingest may read without placing in an article: page chrome and the format's own lines. */
const UNPLACED = new Set([
  'Connect with us',
  'Publications',
  'Latest',
  'Trending',
  'Comments',
  'Published',
  'on',
  'Continue Reading',
]);

/** A line as the comparison sees it: NFC, white space collapsed, format characters out. */
const seen = (line: string) =>
  line
    .normalize('NFC')
    .replace(/\p{Cf}/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();

/** Every text an article file shows a reader: its frontmatter fields and its body blocks, list items numbered. */
function shownTexts(file: ArticleFile): string[] {
  const data = frontmatterOf(file.contents) as { title: string; section: string; author?: string; partner?: string };
  return [
    data.title,
    data.section,
    ...(data.author ? [data.author] : []),
    ...(data.partner ? [`From our partner ${data.partner}`] : []),
    ...renderedBlocks(file.contents, { numbers: true }),
  ].map(seen);
}

/** A line without what is structure, not text: a bullet marker, or a byline's `By `. */
const withoutMarker = (line: string) => line.replace(/^(?:[•◦▪‣*\-–—]|by:?) /iu, '');

/** The lines of a seed that no article file shows, chrome and format lines aside. */
function lostLines(text: string, files: readonly ArticleFile[]): string[] {
  const shown = files.flatMap(shownTexts);
  const isShown = (line: string) => shown.some((text) => text.includes(line) || text.includes(withoutMarker(line)));
  return text
    .replace(/^\ufeff/u, '')
    .split(LINE_BREAK)
    .map(seen)
    .filter((line) => line !== '' && !UNPLACED.has(line) && !isShown(line));
}

/** Ingest's own refusal of a seed: a `IngestError` of one line, naming a line of the file. */
function assertRefusal(error: unknown, text: string): void {
  if (!(error instanceof IngestError)) throw error;
  const lines = text.split(LINE_BREAK).length;
  expect(error.message).toMatch(/^seeds\/page\.txt:\d+: expected .+, found .+$/u);
  expect(error.message).not.toContain('\n');
  expect(error.line).toBeGreaterThanOrEqual(1);
  expect(error.line).toBeLessThanOrEqual(lines);
}

describe('a valid generated seed', () => {
  test('is read as exactly the articles it holds, block for block and line for line', () => {
    fc.assert(
      fc.property(seedArbitrary, ({ text, articles }) => {
        expect(parseSeed(text, 'seeds/page.txt')).toEqual(articles satisfies ExpectedArticle[]);
      }),
      { numRuns: RUNS },
    );
  });

  test('is written as Markdown that reads back to the same blocks, with its metadata in the frontmatter', () => {
    fc.assert(
      fc.property(seedArbitrary, ({ text, articles }) => {
        const files = ingest([{ file: 'seeds/page.txt', text }], []);
        expect(files).toHaveLength(articles.length);
        files.forEach((file, i) => {
          const article = articles[i]!;
          const blocks = article.body.flatMap((block) => (block.type === 'list' ? block.items : [block.text]));
          expect(renderedBlocks(file.contents)).toEqual(blocks);
          const { title, section, author, partner, source } = frontmatterOf(file.contents);
          expect({ title, section, author, partner, source }).toEqual({
            title: article.title,
            section: article.section,
            author: article.author,
            partner: article.partner,
            source: { file: 'seeds/page.txt', firstLine: article.firstLine, lastLine: article.lastLine },
          });
        });
      }),
      { numRuns: RUNS },
    );
  });
});

describe('a mutated seed (lines deleted, duplicated or swapped, cut off, characters inserted)', () => {
  const bases = fc.oneof(
    seedArbitrary.map((seed) => seed.text),
    fc.constant(REAL_SEED),
  );

  test('is read with every line of its text in an article, or refused with its own one-line error', () => {
    fc.assert(
      fc.property(bases, fc.array(mutationArbitrary, { minLength: 1, maxLength: 3 }), (base, mutations) => {
        const text = mutations.reduce(mutate, base);
        let files: ArticleFile[];
        try {
          files = ingest([{ file: 'seeds/page.txt', text }], []);
        } catch (error) {
          assertRefusal(error, text);
          return;
        }
        expect(lostLines(text, files)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('slugs', () => {
  /** Seeds whose titles often collide: two to four pages, titles from a small pool. */
  const collidingSeeds = fc
    .array(collidingSeedArbitrary, { minLength: 2, maxLength: 4 })
    .map((seeds) => seeds.map(({ text }, i) => ({ file: `seeds/${String(i).padStart(3, '0')}.txt`, text })));

  test('never depend on the order of the seed files, and are short, unique and the id Astro gives the file', () => {
    fc.assert(
      fc.property(collidingSeeds, (seeds) => {
        const bySource = (files: ArticleFile[]) =>
          Object.fromEntries(
            files.map((f) => [`${f.frontmatter.source.file}:${f.frontmatter.source.firstLine}`, f.slug]),
          );
        const forward = ingest(seeds, []);
        expect(bySource(ingest([...seeds].reverse(), []))).toEqual(bySource(forward));
        const slugs = forward.map((file) => file.slug);
        expect(new Set(slugs).size).toBe(slugs.length);
        for (const slug of slugs) {
          expect(new TextEncoder().encode(slug).length).toBeLessThanOrEqual(80);
          expect(githubSlug(slug)).toBe(slug);
          expect(slug).toMatch(/^[^-.]/u);
        }
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });

  test('stay where an earlier run wrote them when new seeds arrive, whatever they are called', () => {
    fc.assert(
      fc.property(collidingSeeds, seedArbitrary, fc.constantFrom('-new.txt', 'zzz.txt'), (seeds, extra, name) => {
        const before = ingest(seeds, []);
        const written = before.map((file) => readWritten(`${file.slug}.md`, file.slug, file.contents));
        const after = ingest([...seeds, { file: `seeds/${name}`, text: extra.text }], written);
        for (const file of before) {
          const same = after.find((f) => f.contents === file.contents);
          expect(same?.slug).toBe(file.slug);
        }
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });
});
