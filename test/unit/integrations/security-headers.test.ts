import { describe, expect, test } from 'vitest';
import { mergedPolicy } from '../../../src/integrations/security-headers';
import { metaPolicy } from '../../../src/security/csp';
import { cspHash, FOLD_CONTENTS_ON_PHONES } from '../../../src/security/inline-code';

describe('metaPolicy', () => {
  test("reads the policy of a page's meta element, entities decoded", () => {
    const html =
      '<html><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="script-src &#39;self&#39;; object-src &#39;none&#39;"></head>';
    expect(metaPolicy(html)).toBe("script-src 'self'; object-src 'none'");
  });

  test('decodes every entity a page may write quotes and ampersands with', () => {
    const meta = (content: string) =>
      `<meta lang="en" http-equiv="content-security-policy" content="${content}" data-x="y">`;
    expect(metaPolicy(meta('script-src &apos;self&apos; &quot;x&quot; a&amp;b'))).toBe(`script-src 'self' "x" a&b`);
    expect(metaPolicy(meta('default-src &#39;none&#39;'))).toBe("default-src 'none'");
  });

  test('finds none where a page has none, or a policy element without content', () => {
    expect(metaPolicy('<html><head><meta name="description" content="x"></head>')).toBeUndefined();
    expect(metaPolicy('<meta http-equiv="content-security-policy">')).toBeUndefined();
  });
});

describe('mergedPolicy', () => {
  test('gives each directive every source any page gives it, once, in first-seen order', () => {
    expect(
      mergedPolicy([
        "script-src 'self' 'sha256-a'; object-src 'none'",
        "script-src 'self' 'sha256-b'; style-src 'self'",
        "object-src 'none'",
      ]),
    ).toBe("script-src 'self' 'sha256-a' 'sha256-b'; object-src 'none'; style-src 'self'");
  });
});

describe('cspHash', () => {
  test('is the SHA-256 of the code, as browsers compute it for an inline script', () => {
    // The hash Chromium reports for `alert(1)`, e.g. in a CSP violation message.
    expect(cspHash('alert(1)')).toBe('sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI=');
    expect(cspHash(FOLD_CONTENTS_ON_PHONES)).not.toBe(cspHash(`${FOLD_CONTENTS_ON_PHONES} `));
  });
});
