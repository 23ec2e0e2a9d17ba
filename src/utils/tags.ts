/**
 * The tag vocabulary, declared once, with the rules that assign it.
 * Pure and free of `astro:*` imports: ingest, the schema, pages and tests all read it.
 */

/** One tag of the vocabulary. */
export interface Tag {
  /** URL segment of the tag page, `/tags/<slug>/`. */
  slug: string;
  /** Name as shown to readers and stored in frontmatter. */
  label: string;
  /** One sentence for the tag index and the tag page. */
  description: string;
  /** Words that mark an article as being about this tag. Must carry the `g` flag. */
  pattern: RegExp;
}

/** The vocabulary, in display order. */
export const TAGS = [
  {
    slug: 'intelligence',
    label: 'intelligence',
    description: 'How states gather, analyse and act on secret and open information.',
    pattern: /\bintelligence\b/giu,
  },
  {
    slug: 'cyber',
    label: 'cyber',
    description: 'Cyberspace as a field of security, conflict and foreign policy.',
    pattern: /\bcyber/giu,
  },
  {
    slug: 'pscs',
    label: 'PSCs',
    description: 'Private security and military companies and the states that hire or restrain them.',
    pattern: /\bprivate (?:military and )?security compan(?:y|ies)\b|\bP(?:M?S|M)Cs?\b/gu,
  },
  {
    slug: 'drugs',
    label: 'drugs',
    description: 'The illicit drug trade, the routes it runs along and the policies that fight it.',
    pattern: /\b(?:drugs?|narcotics?|heroin|opium|opiates?)\b/giu,
  },
] as const satisfies readonly Tag[];

/** Every tag label, for the frontmatter schema. */
export const TAG_LABELS = TAGS.map((tag) => tag.label) as [TagLabel, ...TagLabel[]];

/** A label of the vocabulary. */
export type TagLabel = (typeof TAGS)[number]['label'];

/** Fewest body mentions that can tag an article whose title does not name the tag. */
export const MIN_MENTIONS = 3;

/**
 * How often, per 1,000 words of body, a tag's words must occur for the tag to apply when
 * the title does not name it. Measured on the seed: a tagged article runs at 14–43, the
 * others at 0, so passing mentions stay untagged.
 */
export const MIN_MENTIONS_PER_1000_WORDS = 3;

/** The text a tag rule reads: the title and the body's plain text. */
export interface TaggableText {
  title: string;
  body: string;
}

function count(pattern: RegExp, text: string): number {
  return text.match(pattern)?.length ?? 0;
}

/**
 * Labels of the tags an article is about, in vocabulary order: those its title names, and
 * those its body mentions at least `MIN_MENTIONS` times and at least
 * `MIN_MENTIONS_PER_1000_WORDS` times per 1,000 words.
 */
export function assignTags({ title, body }: TaggableText): TagLabel[] {
  const words = body.split(/\s+/u).filter(Boolean).length;
  const isAbout = (pattern: RegExp) => {
    if (count(pattern, title) > 0) return true;
    const mentions = count(pattern, body);
    return mentions >= MIN_MENTIONS && (mentions * 1000) / words >= MIN_MENTIONS_PER_1000_WORDS;
  };
  return TAGS.filter(({ pattern }) => isAbout(pattern)).map((tag) => tag.label);
}

/** The tag with this label or slug, or undefined. */
export function findTag(labelOrSlug: string): (typeof TAGS)[number] | undefined {
  return TAGS.find((tag) => tag.label === labelOrSlug || tag.slug === labelOrSlug);
}
