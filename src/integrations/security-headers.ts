/**
 * The site's Content-Security-Policy for static hosts. Astro writes each page's policy into
 * the page as a `<meta http-equiv>` (`security.csp` in astro.config.ts, with the hashes of
 * what the page carries inline); this adds one policy for every page to `_headers` (Netlify,
 * Cloudflare Pages), so hosts that read the file send it as a header too: the pages' policies
 * merged (a source any page allows, for the directive it is allowed in), with
 * `frame-ancestors 'none'`, which only a header can carry. A browser enforces both, so each
 * page stays as strict as its own meta.
 */
import type { AstroIntegration } from 'astro';
import { appendFileSync, closeSync, openSync, readdirSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { withTrailingSlash } from '../facts';
import { directivesOf, metaPolicy } from '../security/csp';
import { fileURLToPath } from 'node:url';

/** What only a header can say: no other site may frame these pages. */
const HEADER_ONLY = "frame-ancestors 'none'";

/** Policies merged into one: each directive with every source any of them gives it, in first-seen order. */
export function mergedPolicy(policies: Iterable<string>): string {
  const directives = new Map<string, Set<string>>();
  for (const policy of policies) {
    for (const [name, sources] of directivesOf(policy)) {
      const known = directives.get(name) ?? new Set<string>();
      for (const source of sources) known.add(source);
      directives.set(name, known);
    }
  }
  return [...directives].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/** The start of a file, where a page's head and its policy are: 10,000 pages are read in a blink. */
function head(path: string, bytes = 16_384): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    return buffer.toString('utf8', 0, readSync(fd, buffer, 0, bytes, 0));
  } finally {
    closeSync(fd);
  }
}

/** Add the merged policy of the built pages in `dir` to its `_headers`, for every path under `base`. */
function writeHeaderPolicy(dir: string, base: string): string {
  const pages = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.html'));
  const found = pages.map((name) => ({ name, policy: metaPolicy(head(join(dir, name))) }));
  const missing = found.filter((page) => page.policy === undefined);
  if (missing.length > 0) {
    throw new Error(
      `${join(dir, missing[0]!.name)}: expected a Content-Security-Policy meta element in its first 16 KB, ` +
        `found none (${missing.length} of ${pages.length} pages lack one)`,
    );
  }
  const policies = found.map((page) => page.policy!);
  const policy = `${mergedPolicy(policies)}; ${HEADER_ONLY}`;
  appendFileSync(
    join(dir, '_headers'),
    `\n# Every page's Content-Security-Policy, merged (written by the build).\n${base}*\n  Content-Security-Policy: ${policy}\n`,
  );
  return policy;
}

export function securityHeaders(): AstroIntegration {
  let base = '/';
  return {
    name: 'dossier:security-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = withTrailingSlash(config.base);
      },
      'astro:build:done': ({ dir, logger }) => {
        const policy = writeHeaderPolicy(fileURLToPath(dir), base);
        logger.info(`_headers: Content-Security-Policy: ${policy}`);
      },
    },
  };
}
