import { describe, expect, test } from 'vitest';
import { parseWithout, WORKAROUNDS } from '../../src/workarounds';

describe('parseWithout', () => {
  test('reads a comma-separated list of workaround names, spaces and empty entries aside', () => {
    expect([...parseWithout(undefined)]).toEqual([]);
    expect([...parseWithout('')]).toEqual([]);
    expect([...parseWithout(' page-summaries, preloads ,,')]).toEqual(['page-summaries', 'preloads']);
    expect([...parseWithout(WORKAROUNDS.join(','))]).toEqual([...WORKAROUNDS]);
  });

  test('refuses a name it does not know, in one line', () => {
    expect(() => parseWithout('preloads,zopfli')).toThrow(
      'DOSSIER_WITHOUT: expected names among chunk-size, page-summaries, preloads, chunk-bounds, slim-store, kept-output, found "zopfli"',
    );
  });
});
