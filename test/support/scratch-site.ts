/**
 * A site built in a scratch folder from other articles (and, if given, another tag
 * vocabulary), as the browser tests of a publisher's own content need: the build's output and
 * exit status are kept, so a test can read what the build printed. The folder is removed by
 * `remove()`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE } from './site';

export interface ScratchSite {
  dir: string;
  articles: string;
  dist: string;
  /** What the build printed, stdout and stderr. */
  output: string;
  stderr: string;
  status: number | null;
  remove(): void;
}

/** Build `files` (`name.md` → contents) in a scratch folder; `tags` replaces content/tags.yml. */
export function buildScratchSite(files: Readonly<Record<string, string>>, tags?: string): ScratchSite {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-site-'));
  const articles = join(dir, 'articles');
  mkdirSync(articles);
  for (const [name, contents] of Object.entries(files)) writeFileSync(join(articles, name), contents);
  const tagsFile = join(dir, 'tags.yml');
  if (tags !== undefined) writeFileSync(tagsFile, tags);
  const dist = join(dir, 'dist');
  const build = spawnSync('node_modules/.bin/astro', ['build', '--outDir', dist], {
    env: {
      ...process.env,
      ARTICLES_DIR: articles,
      ...(tags !== undefined ? { TAGS_FILE: tagsFile } : {}),
      ASTRO_CACHE_DIR: join(dir, 'cache'),
      BASE_PATH: BASE,
      ASTRO_TELEMETRY_DISABLED: '1',
      FORCE_COLOR: '0',
      NO_COLOR: '1',
    },
    encoding: 'utf8',
  });
  return {
    dir,
    articles,
    dist,
    output: `${build.stdout}${build.stderr}`,
    stderr: build.stderr,
    status: build.status,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
