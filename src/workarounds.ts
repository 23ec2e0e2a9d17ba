/**
 * The build's workarounds, by name, and the ones a build leaves out: `DOSSIER_WITHOUT`, a
 * comma-separated list of names, builds the plain path for each, so the bench can measure
 * what each one gains side by side (docs/choices.md). A name it does not know stops the build.
 *
 * - `chunk-size`: a small collection's word index, which Pagefind writes as one chunk, cut in
 *   chunks of 4,000 locations.
 * - `page-summaries`: each result's title, byline and tags from a summary written at build
 *   time, before its fragment comes; a search opened from a link painted from them.
 * - `preloads`: the files every first search fetches, preloaded by the search page.
 * - `chunk-bounds`: a range for each gap between Pagefind's chunk ranges, so a word there
 *   loads the one chunk that holds its stem.
 * - `slim-store`: Astro's content store without the articles' bodies (src/astro-internals.ts).
 * - `kept-output`: the last build's output kept for the next (keep-output.ts).
 */
export const WORKAROUNDS = [
  'chunk-size',
  'page-summaries',
  'preloads',
  'chunk-bounds',
  'slim-store',
  'kept-output',
] as const;

export type Workaround = (typeof WORKAROUNDS)[number];

/** The workarounds `value` (`DOSSIER_WITHOUT`) names, checked. */
export function parseWithout(value: string | undefined): ReadonlySet<Workaround> {
  const names = (value ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  for (const name of names) {
    if (!(WORKAROUNDS as readonly string[]).includes(name)) {
      throw new Error(`DOSSIER_WITHOUT: expected names among ${WORKAROUNDS.join(', ')}, found "${name}"`);
    }
  }
  return new Set(names as Workaround[]);
}

/** The workarounds this build leaves out. */
export const WITHOUT = parseWithout(process.env.DOSSIER_WITHOUT);
