import { describe, expect, test } from 'vitest';
import { bundleFile } from '../../src/integrations/bundle-path';

const BUNDLE = '/site/dist/pagefind';

describe('bundleFile', () => {
  test('names a file inside the bundle folder, at any depth', () => {
    expect(bundleFile(BUNDLE, 'pagefind.js')).toBe('/site/dist/pagefind/pagefind.js');
    expect(bundleFile(BUNDLE, 'index/en_1a2b.pf_index')).toBe('/site/dist/pagefind/index/en_1a2b.pf_index');
    expect(bundleFile(BUNDLE, 'fragment/..%2Fpagefind.js')).toBe('/site/dist/pagefind/pagefind.js');
    expect(bundleFile(BUNDLE, '..pagefind.js')).toBe('/site/dist/pagefind/..pagefind.js');
  });

  test('names nothing outside it: a sibling folder that shares its prefix, a parent, an absolute path', () => {
    expect(bundleFile(BUNDLE, '..%2fpagefind-private.txt')).toBeUndefined();
    expect(bundleFile(BUNDLE, '../pagefind-private.txt')).toBeUndefined();
    expect(bundleFile(BUNDLE, '..%2F..%2Fsecret')).toBeUndefined();
    expect(bundleFile(BUNDLE, '..')).toBeUndefined();
    expect(bundleFile(BUNDLE, '')).toBeUndefined();
    expect(bundleFile(BUNDLE, '%2Fetc%2Fpasswd')).toBeUndefined();
    expect(bundleFile(BUNDLE, 'pagefind.js%00.png')).toBeUndefined();
  });

  test('throws on malformed percent-encoding, for the server to answer 400', () => {
    expect(() => bundleFile(BUNDLE, '%E0%A4%A')).toThrow(URIError);
    expect(() => bundleFile(BUNDLE, '%')).toThrow(URIError);
  });
});
