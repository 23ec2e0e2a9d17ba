import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { close, createIndex, type IndexFile } from 'pagefind';
import { INDEX_TAG_PLACEHOLDER, PAGE_SUMMARIES_FILE, type PageSummary } from '../scripts/pagefind';

/** Pagefind's compressed files start, once gunzipped, with this signature. */
const SIGNATURE = 'pagefind_dcd';

/**
 * Result id → title, author, tags and URL, read from the fragments Pagefind wrote, so the
 * search page can show a result the moment the search returns and fetch its fragment (for
 * the excerpt) only when the reader pauses.
 */
function pageSummaries(files: readonly IndexFile[]): Record<string, PageSummary> {
  const pages: Record<string, PageSummary> = {};
  for (const file of files) {
    const match = /(?:^|\/)fragment\/(?<id>[^/]+)\.pf_fragment$/.exec(file.path);
    if (!match?.groups) continue;
    const json = gunzipSync(file.content).subarray(SIGNATURE.length).toString('utf8');
    const fragment = JSON.parse(json) as { url: string; meta: Record<string, string>; filters: { tag?: string[] } };
    pages[match.groups.id!] = {
      url: fragment.url,
      title: fragment.meta.title ?? fragment.url,
      ...(fragment.meta.author ? { author: fragment.meta.author } : {}),
      tags: fragment.filters.tag ?? [],
    };
  }
  return Object.fromEntries(Object.entries(pages).sort(([a], [b]) => a.localeCompare(b)));
}

/** The index's own name: the hash of its metadata file, which changes whenever the index does. */
function indexTag(files: readonly IndexFile[]): string {
  const entry = files.find((file) => file.path === 'pagefind-entry.json');
  if (!entry) throw new Error('Pagefind wrote no pagefind-entry.json');
  const { languages } = JSON.parse(Buffer.from(entry.content).toString('utf8')) as {
    languages: Record<string, { hash: string }>;
  };
  return Object.values(languages)
    .map((language) => language.hash)
    .sort()
    .join('.');
}

/** The HTML files of the finished site, at any depth. */
function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.html'))
    .map((name) => join(dir, name));
}

/**
 * Index the finished site in `dir` with Pagefind, writing `<dir>/pagefind/` and the page list
 * beside it, then name the index in the pages that ask for it (the search page preloads
 * `pagefind-entry.json?ts=<tag>`), so a cached entry can never outlive its index.
 */
async function buildIndex(dir: URL, logger: AstroIntegrationLogger): Promise<void> {
  const site = fileURLToPath(dir);
  const out = join(site, 'pagefind');
  try {
    const { index, errors } = await createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: site });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${site}: ${added.errors.join('; ')}`);
    // Built once in memory, then written here: the page list and the tag are read from the same files.
    const { files, errors: fileErrors } = await index.getFiles();
    if (fileErrors.length > 0) throw new Error(`Pagefind could not build its files: ${fileErrors.join('; ')}`);
    for (const file of files) {
      mkdirSync(dirname(join(out, file.path)), { recursive: true });
      writeFileSync(join(out, file.path), file.content);
    }
    writeFileSync(join(out, PAGE_SUMMARIES_FILE), `${JSON.stringify(pageSummaries(files))}\n`);
    const tag = indexTag(files);
    for (const html of htmlFiles(site)) {
      const text = readFileSync(html, 'utf8');
      if (text.includes(INDEX_TAG_PLACEHOLDER)) writeFileSync(html, text.replaceAll(INDEX_TAG_PLACEHOLDER, tag));
    }
    logger.info(`indexed ${added.page_count} HTML files into ${out} (index ${tag})`);
  } finally {
    await close();
  }
}

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

/**
 * Build the Pagefind search index as the last step of `astro build`, and in `astro dev`
 * serve the index of the last build at `<base>pagefind/`, so search works while writing.
 * Without a build, those requests 404 and the search page says how to get an index.
 */
export function pagefind(): AstroIntegration {
  let bundle = '';
  let base = '/';
  return {
    name: 'dossier:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        bundle = join(fileURLToPath(config.outDir), 'pagefind');
        base = `${config.base.replace(/\/$/, '')}/`;
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((request, response, next) => {
          // Vite may already have taken the base path off the URL; take it off if not.
          let path = new URL(request.url ?? '/', 'http://dev').pathname;
          if (base !== '/' && path.startsWith(base)) path = path.slice(base.length - 1);
          if (!path.startsWith('/pagefind/')) return next();
          const file = normalize(join(bundle, decodeURIComponent(path.slice('/pagefind/'.length))));
          if (!file.startsWith(bundle) || !existsSync(file) || !statSync(file).isFile()) return next();
          response.setHeader('content-type', TYPES[extname(file)] ?? 'application/octet-stream');
          createReadStream(file).pipe(response);
        });
      },
      'astro:build:done': ({ dir, logger }) => buildIndex(dir, logger),
    },
  };
}
