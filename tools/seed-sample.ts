/** The real seed's articles, parsed: the sample `tools/synthetic-seeds.ts` shapes its articles after. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSeed, type SeedArticle } from '../src/ingest/parse-seed';

/** Every article of the seed files in `dir` (`seeds/` by default), in file order. */
export function seedSample(dir = 'seeds'): SeedArticle[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .flatMap((name) => parseSeed(readFileSync(join(dir, name), 'utf8'), name));
}
