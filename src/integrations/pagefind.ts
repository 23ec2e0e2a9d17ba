import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { close, createIndex } from 'pagefind';

/** Index the finished site in `dir` with Pagefind, writing `<dir>/pagefind/`. */
async function buildIndex(dir: URL, logger: AstroIntegrationLogger): Promise<void> {
  const site = fileURLToPath(dir);
  try {
    const { index, errors } = await createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: site });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${site}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
    logger.info(`indexed ${added.page_count} HTML files into ${written.outputPath}`);
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
  let prefix = '/pagefind/';
  return {
    name: 'dossier:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        bundle = join(fileURLToPath(config.outDir), 'pagefind');
        prefix = `${config.base.replace(/\/$/, '')}/pagefind/`;
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((request, response, next) => {
          const path = new URL(request.url ?? '/', 'http://dev').pathname;
          if (!path.startsWith(prefix)) return next();
          const file = normalize(join(bundle, decodeURIComponent(path.slice(prefix.length))));
          if (!file.startsWith(bundle) || !existsSync(file) || !statSync(file).isFile()) return next();
          response.setHeader('content-type', TYPES[extname(file)] ?? 'application/octet-stream');
          createReadStream(file).pipe(response);
        });
      },
      'astro:build:done': ({ dir, logger }) => buildIndex(dir, logger),
    },
  };
}
