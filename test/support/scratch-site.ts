/**
 * A site built in a scratch folder from other articles (and, if given, another tag
 * vocabulary), as the browser tests of a publisher's own content need: the build's output and
 * exit status are kept, so a test can read what the build printed, and `rebuild()` builds it
 * again over its last output with its caches warm, as a publisher's next build would. The
 * folder is removed by `remove()`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ScratchSite {
  dir: string;
  articles: string;
  dist: string;
  /** What the last build printed, stdout and stderr. */
  output: string;
  stderr: string;
  status: number | null;
  /** Build again, with `tags` as the vocabulary if given, over the last output and caches. */
  rebuild(tags?: string): void;
  remove(): void;
}

/**
 * Build `files` (`name.md` → contents) in a scratch folder, under the base path `base`; `tags`
 * replaces content/tags.yml.
 */
export function buildScratchSite(files: Readonly<Record<string, string>>, base: string, tags?: string): ScratchSite {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-site-'));
  const articles = join(dir, 'articles');
  mkdirSync(articles);
  for (const [name, contents] of Object.entries(files)) writeFileSync(join(articles, name), contents);
  const tagsFile = join(dir, 'tags.yml');
  const dist = join(dir, 'dist');
  const site: ScratchSite = {
    dir,
    articles,
    dist,
    output: '',
    stderr: '',
    status: null,
    rebuild(vocabulary?: string) {
      if (vocabulary !== undefined) writeFileSync(tagsFile, vocabulary);
      const build = spawnSync('node_modules/.bin/astro', ['build', '--outDir', dist], {
        env: {
          ...process.env,
          ARTICLES_DIR: articles,
          ...(tags !== undefined || vocabulary !== undefined ? { TAGS_FILE: tagsFile } : {}),
          ASTRO_CACHE_DIR: join(dir, 'cache'),
          BASE_PATH: base,
          ASTRO_TELEMETRY_DISABLED: '1',
          FORCE_COLOR: '0',
          NO_COLOR: '1',
        },
        encoding: 'utf8',
      });
      site.output = `${build.stdout}${build.stderr}`;
      site.stderr = build.stderr;
      site.status = build.status;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
  site.rebuild(tags);
  return site;
}
