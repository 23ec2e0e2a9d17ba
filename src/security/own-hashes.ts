/**
 * Each page's Content-Security-Policy allows only the inline code that page carries. Astro
 * writes every page's policy with the hashes of every inline script and style of the whole
 * site, and of its five island scripts: on any one page, the others would allow code it never
 * runs, and they cost every page about 0.4 KB gzip that nothing compresses (the article's
 * budget needs them gone: docs/choices.md). The middleware (src/middleware.ts) passes each
 * page through `ownHashesOnly` as it is rendered; a page with no policy, or one this cannot
 * read, is left as it is.
 */
import { createHash } from 'node:crypto';
import { directivesOf, metaPolicy, POLICY_META } from './csp';

/** Script types a browser runs, so the policy governs them; others (JSON-LD) are data. */
const RUN_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);

/** `'sha256-…'` (or 384, 512) as the policy spells a hash source. */
const HASH_SOURCE = /^'(sha256|sha384|sha512)-([A-Za-z0-9+/]+=*)'$/;

/** The text of each inline script a browser would run, and of each inline `<style>`. */
export function inlineCode(html: string): { scripts: string[]; styles: string[] } {
  const scripts: string[] = [];
  for (const [, attributes = '', text = ''] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/i.test(attributes)) continue;
    const type = /\btype\s*=\s*["']?([^"'\s>]*)/i.exec(attributes)?.[1]?.toLowerCase() ?? '';
    if (RUN_TYPES.has(type)) scripts.push(text);
  }
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map(([, text = '']) => text);
  return { scripts, styles };
}

const digest = (algorithm: string, text: string) => createHash(algorithm).update(text).digest('base64');

/**
 * `html` with the hash sources of its policy's `script-src` and `style-src` cut to those of
 * the inline scripts and styles it carries; every other source and directive as it was. A
 * page without a policy is returned as it is.
 */
export function ownHashesOnly(html: string): string {
  const meta = POLICY_META.exec(html)?.[0];
  const policy = meta && metaPolicy(meta);
  if (!meta || policy === undefined) return html;
  const code = inlineCode(html);
  const allowed = (directive: string, source: string): boolean => {
    const hash = HASH_SOURCE.exec(source);
    if (!hash) return true;
    const texts = directive === 'script-src' ? code.scripts : directive === 'style-src' ? code.styles : undefined;
    if (!texts) return true;
    const [, algorithm, value] = hash;
    return texts.some((text) => digest(algorithm!, text) === value);
  };
  const kept = directivesOf(policy)
    .map(([name, sources]) => [name, ...sources.filter((source) => allowed(name, source))].join(' '))
    .join('; ');
  // Written back as the page wrote it: quotes raw, or as the entity it used for them.
  const quote = /&#39;|&apos;/.exec(meta)?.[0] ?? "'";
  const content = kept.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll("'", quote);
  return html.replace(meta, () => meta.replace(/\bcontent="[^"]*"/, () => `content="${content}"`));
}
