import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { inlineCode, ownHashesOnly } from '../../../src/security/own-hashes';

const sha = (bits: 256 | 384, text: string) =>
  `'sha${bits}-${createHash(`sha${bits}`).update(text, 'utf8').digest('base64')}'`;

/** A page with `policy` in its meta and `body` after it. */
const page = (policy: string, body: string) =>
  `<html><head><meta http-equiv="content-security-policy" content="${policy}"></head><body>${body}</body></html>`;
const policyOf = (html: string) => /content="([^"]*)"/.exec(html)?.[1];

describe('ownHashesOnly', () => {
  test("keeps the hashes of the page's own inline scripts and styles, drops the others, leaves every other source", () => {
    const body = '<script>run()</script><style>p{color:red}</style><script type="module">go()</script>';
    const policy = [
      "default-src 'self'",
      `script-src 'self' 'wasm-unsafe-eval' ${sha(256, 'run()')} ${sha(256, 'other()')} ${sha(256, 'go()')}`,
      `style-src 'self' ${sha(256, 'p{color:red}')} ${sha(256, '')}`,
      "object-src 'none';", // a policy may end with a `;`, as Astro's do
    ].join('; ');
    expect(policyOf(ownHashesOnly(page(policy, body)))).toBe(
      [
        "default-src 'self'",
        `script-src 'self' 'wasm-unsafe-eval' ${sha(256, 'run()')} ${sha(256, 'go()')}`,
        `style-src 'self' ${sha(256, 'p{color:red}')}`,
        "object-src 'none'",
      ].join('; '),
    );
  });

  test('the text of a data block or of a script loaded from a file allows nothing', () => {
    const json = '{"@type":"Article"}';
    const body = `<script type="application/ld+json">${json}</script><script src="/a.js">x()</script>`;
    const policy = `script-src 'self' ${sha(256, json)} ${sha(256, 'x()')}`;
    expect(policyOf(ownHashesOnly(page(policy, body)))).toBe("script-src 'self'");
  });

  test('reads SHA-384 hashes and quotes written as entities', () => {
    const policy = `script-src &#39;self&#39; ${sha(384, 'a()').replaceAll("'", '&#39;')} ${sha(384, 'b()')}`;
    expect(policyOf(ownHashesOnly(page(policy, '<script>a()</script>')))).toBe(
      `script-src &#39;self&#39; ${sha(384, 'a()').replaceAll("'", '&#39;')}`,
    );
  });

  test('leaves hashes in other directives, and sources that only look like hashes, as they are', () => {
    const other = sha(256, 'elsewhere()');
    const policy = `default-src 'self' ${other}; script-src-elem ${other}; script-src  'self'  x${other} ${other}x`;
    expect(policyOf(ownHashesOnly(page(policy, '<style>p{}</style>')))).toBe(
      `default-src 'self' ${other}; script-src-elem ${other}; script-src 'self' x${other} ${other}x`,
    );
  });

  test('finds the policy in a meta element with other attributes first, and hashes code with spaces and lines', () => {
    const code = 'if (a) {\n  run(1, 2);\n}';
    const html = `<meta id="policy" http-equiv="content-security-policy" content="script-src ${sha(256, code)} ${sha(256, 'x')}"><script>${code}</script>`;
    expect(policyOf(ownHashesOnly(html))).toBe(`script-src ${sha(256, code)}`);
  });

  test('writes every other source back as the page wrote it, entities and all', () => {
    const policy = `script-src &apos;self&apos; ${sha(256, 'gone()').replaceAll("'", '&apos;')}; report-uri /csp?a=1&amp;b=&quot;2&quot;`;
    expect(policyOf(ownHashesOnly(page(policy, '')))).toBe(
      'script-src &apos;self&apos;; report-uri /csp?a=1&amp;b=&quot;2&quot;',
    );
  });

  test('leaves a policy element with no policy in it as it is', () => {
    const html = '<meta http-equiv="content-security-policy"><script>a()</script>';
    expect(ownHashesOnly(html)).toBe(html);
  });

  test('leaves the rest of the page as it was, and a page with no policy untouched', () => {
    const html = page(`script-src 'self' ${sha(256, 'gone()')}`, '<p>$& $1 text</p><script>kept()</script>');
    expect(ownHashesOnly(html)).toBe(html.replace(` ${sha(256, 'gone()')}`, ''));
    const plain = '<html><head><meta name="description" content="x"></head><script>a()</script></html>';
    expect(ownHashesOnly(plain)).toBe(plain);
  });
});

describe('inlineCode', () => {
  test('finds scripts a browser runs, by type, and every inline style', () => {
    const html =
      '<script>a()</script><SCRIPT type="text/javascript">b()</SCRIPT><script type=module>c()</script>' +
      '<script type="application/javascript">d( 1 )</script><script type=text/template>e</script>' +
      '<script type = "text/template">f</script><script async src = "g.js"></script><style media="print">h { }</style>';
    expect(inlineCode(html)).toEqual({ scripts: ['a()', 'b()', 'c()', 'd( 1 )'], styles: ['h { }'] });
  });
});
