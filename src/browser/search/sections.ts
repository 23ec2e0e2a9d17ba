/**
 * The sections a search result lists under it, worked out as Pagefind works out its
 * sub-results (`calculate_sub_results` in its browser code), from a page summary's sections
 * and the result's matched words: what a search opened from a link paints before the page's
 * fragment has come. Pure.
 */

/** Sub-results (sections) shown under a result. */
export const MAX_SUB_RESULTS = 3;

/** A section a result lists: its link, its heading, and the matched words in it. */
export interface ResultSection {
  url: string;
  title: string;
  locations: number[];
}

/**
 * The sections of a page (`PageSummary.sections`) that hold any of a result's matched `words`,
 * the first MAX_SUB_RESULTS, as Pagefind's sub-results (its `calculate_sub_results`): a word
 * belongs to the last section that starts at or before it; words before the first section
 * are the title's, which the result itself is. `href` is the result's link.
 */
export function sectionsHolding(
  sections: readonly [string, string, number][],
  words: readonly number[],
  href: string,
): ResultSection[] {
  const found = sections.map(([id, title], i) => ({
    url: `${href.split('#')[0]}#${id}`,
    title,
    locations: words.filter(
      (word) => word >= sections[i]![2] && (i + 1 >= sections.length || word < sections[i + 1]![2]),
    ),
  }));
  return found.filter((section) => section.locations.length > 0).slice(0, MAX_SUB_RESULTS);
}
