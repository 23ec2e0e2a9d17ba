/**
 * The rules that give tags to articles, over a vocabulary read from `content/tags.yml`
 * (`src/tags.ts`). Pure and free of `astro:*` imports: the loader, pages and tests read it.
 */
import type { Tag } from '../schemas/tag';
import { wordCount } from './words';

/** Fewest mentions in the text that can tag an article whose title does not name the tag. */
export const MIN_MENTIONS = 3;

/**
 * How often, per 1,000 words of text, a tag's words must occur for the tag to apply when
 * the title does not name it. Measured on the seed: a tagged article runs at 14–43, the
 * others at 0, so passing mentions stay untagged.
 */
export const MIN_MENTIONS_PER_1000_WORDS = 3;

/** The text a tag rule reads: the title, and the body as plain text. */
export interface TaggableText {
  title: string;
  body: string;
}

/** Scripts written without spaces, whose words have no boundary to look for. */
const UNSPACED =
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** A word of two capitals or more (`PSC`, `PMSCs`, `NATO`): an acronym, matched only as written. */
const isAcronym = (word: string) => (word.match(/\p{Lu}/gu)?.length ?? 0) >= 2;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/**
 * One of a tag's words as a pattern: whole words only (no letter or digit either side),
 * white space between a phrase's words matching any, and `*` at the end matching any ending.
 */
function wordPattern(word: string): string {
  const prefix = word.endsWith('*');
  const text = prefix ? word.slice(0, -1) : word;
  const body = text.split(/\s+/u).map(escape).join('\\s+');
  const before = UNSPACED.test(text) ? '' : '(?<![\\p{L}\\p{N}])';
  const after = prefix || UNSPACED.test([...text].at(-1)!) ? '' : '(?![\\p{L}\\p{N}])';
  return `${before}${body}${after}`;
}

/** A tag's words as one pattern counting their mentions: acronyms as written, the rest in any case. */
export interface TagRule {
  tag: Tag;
  /** Words that match in any case. */
  anyCase?: RegExp | undefined;
  /** Acronyms, matched only as written. */
  asWritten?: RegExp | undefined;
}

/** The rule of each tag, in vocabulary order. */
export function tagRules(tags: readonly Tag[]): TagRule[] {
  return tags.map((tag) => {
    const group = (words: string[], flags: string) =>
      words.length === 0 ? undefined : new RegExp(words.map(wordPattern).join('|'), flags);
    return {
      tag,
      anyCase: group(
        tag.words.filter((word) => !isAcronym(word)),
        'giu',
      ),
      asWritten: group(tag.words.filter(isAcronym), 'gu'),
    };
  });
}

/** How many times `text` mentions a rule's words. */
export function mentions(rule: TagRule, text: string): number {
  return (
    (rule.anyCase ? (text.match(rule.anyCase)?.length ?? 0) : 0) +
    (rule.asWritten ? (text.match(rule.asWritten)?.length ?? 0) : 0)
  );
}

/**
 * Labels of the tags an article is about, in vocabulary order: those its title names, and
 * those its text mentions at least `MIN_MENTIONS` times and at least
 * `MIN_MENTIONS_PER_1000_WORDS` times per 1,000 words.
 */
export function assignTags({ title, body }: TaggableText, rules: readonly TagRule[]): string[] {
  const words = wordCount(body);
  const isAbout = (rule: TagRule) => {
    if (mentions(rule, title) > 0) return true;
    const count = mentions(rule, body);
    return count >= MIN_MENTIONS && (count * 1000) / words >= MIN_MENTIONS_PER_1000_WORDS;
  };
  return rules.filter(isAbout).map((rule) => rule.tag.label);
}

/** The tag with this label or slug, or undefined. */
export function findTag(tags: readonly Tag[], labelOrSlug: string): Tag | undefined {
  return tags.find((tag) => tag.label === labelOrSlug || tag.slug === labelOrSlug);
}

/** A tag and how many articles carry it. */
export interface TagCount {
  tag: Tag;
  count: number;
}

/** The tags at least one of `articles` carries, in vocabulary order, with their counts. */
export function tagsInUse(
  tags: readonly Tag[],
  articles: readonly { data: { tags: readonly string[] } }[],
): TagCount[] {
  const counts = new Map<string, number>();
  for (const article of articles)
    for (const label of article.data.tags) counts.set(label, (counts.get(label) ?? 0) + 1);
  return tags.flatMap((tag) => {
    const count = counts.get(tag.label) ?? 0;
    return count > 0 ? [{ tag, count }] : [];
  });
}
