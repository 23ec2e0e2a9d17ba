import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { shippedFragment, summariesById } from '../../src/integrations/pagefind-fragments';

const gzippedFragment = (fragment: unknown) => gzipSync(Buffer.from(`pagefind_dcd${JSON.stringify(fragment)}`, 'utf8'));

const fragment = (title: string) => ({
  url: `/articles/${title.toLowerCase()}/`,
  content: `${title}. A paragraph.`,
  meta: { title },
  filters: { tag: ['cyber'] },
  anchors: [
    { element: 'h2', id: 'intro', text: 'Intro', location: 1 },
    { element: 'p', id: 'p-12345678', text: 'A paragraph.', location: 2 },
  ],
});

const scratch = mkdtempSync(join(tmpdir(), 'dossier-fragments-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('shippedFragment', () => {
  test('ships the trimmed fragment gzipped, with its result id and summary', async () => {
    const file = { path: 'fragment/en_1a2b3c4.pf_fragment', content: gzippedFragment(fragment('Alpha')) };
    const shipped = await shippedFragment(file, join(scratch, 'one'));
    expect(shipped.id).toBe('en_1a2b3c4');
    expect(shipped.file.path).toBe(file.path);
    expect(shipped.summary).toEqual({
      url: '/articles/alpha/',
      title: 'Alpha',
      tags: ['cyber'],
      opening: 'A paragraph.',
      sections: [['intro', 'Intro', 1]],
    });
    const shippedJson = JSON.parse(gunzipSync(shipped.file.content).subarray(12).toString('utf8')) as {
      anchors: { id: string }[];
    };
    expect(shippedJson.anchors.map((anchor) => anchor.id)).toEqual(['intro']);
  });

  test('a second build gets the same bytes from the cache, and a changed fragment is made afresh', async () => {
    const cache = join(scratch, 'two');
    const alpha = { path: 'fragment/en_a.pf_fragment', content: gzippedFragment(fragment('Alpha')) };
    const first = await shippedFragment(alpha, cache);
    expect(readdirSync(cache)).toHaveLength(1);
    // Spoil the cached file: a hit must come from it, not from the work done again.
    for (const name of readdirSync(cache)) {
      writeFileSync(join(cache, name), '{"url":"/cached/","title":"Cached","tags":[]}\nx');
    }
    const again = await shippedFragment(alpha, cache);
    expect(again.summary.title).toBe('Cached');
    expect(Buffer.from(again.file.content).toString()).toBe('x');
    expect(first.summary.title).toBe('Alpha');

    const beta = { path: 'fragment/en_a.pf_fragment', content: gzippedFragment(fragment('Beta')) };
    expect((await shippedFragment(beta, cache)).summary.title).toBe('Beta');
    expect(readdirSync(cache)).toHaveLength(2);
  });

  test('a summary made to be painted from and a plain one are cached apart', async () => {
    const cache = join(scratch, 'four');
    const alpha = { path: 'fragment/en_a.pf_fragment', content: gzippedFragment(fragment('Alpha')) };
    expect((await shippedFragment(alpha, cache)).summary.opening).toBe('A paragraph.');
    const plain = await shippedFragment(alpha, cache, { paintable: false });
    expect(plain.summary).toEqual({ url: '/articles/alpha/', title: 'Alpha', tags: ['cyber'] });
    expect((await shippedFragment(alpha, cache)).summary.opening).toBe('A paragraph.');
    expect(readdirSync(cache)).toHaveLength(2);
  });
});

describe('summariesById', () => {
  test('lists the summaries in result-id order', async () => {
    const cache = join(scratch, 'three');
    const fragments = await Promise.all(
      ['en_c', 'en_a', 'en_b'].map((id, i) =>
        shippedFragment({ path: `fragment/${id}.pf_fragment`, content: gzippedFragment(fragment(`T${i}`)) }, cache),
      ),
    );
    expect(summariesById(fragments).map(([id]) => id)).toEqual(['en_a', 'en_b', 'en_c']);
  });
});
