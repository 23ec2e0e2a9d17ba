/**
 * The site's tag vocabulary, read once from `content/tags.yml` (`TAGS_FILE`) and validated:
 * a mistake in the file stops the build with one line naming the file, the line and the field.
 * Server-side only: the loader assigns tags with it, pages list and link them.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { TAGS_FILE } from './config';
import { ContentError, issueError, readYaml } from './schemas/content-error';
import { TAG_FIELD_EXPECTS, TAG_FIELDS, TagVocabularySchema, type Tag } from './schemas/tag';
import { findTag, tagRules } from './collection/tags';

/** The vocabulary in a tags file's text; throws `ContentError` naming `file` and the line. */
export function parseTagVocabulary(text: string, file: string): Tag[] {
  const data = readYaml(file, { text, firstLine: 1 }, 'YAML') ?? [];
  if (!Array.isArray(data)) {
    throw new ContentError(file, 1, undefined, 'a list of tags (lines starting "- slug:")', 'a single value');
  }
  const parsed = TagVocabularySchema.safeParse(data);
  if (!parsed.success) {
    const [index] = parsed.error.issues[0]!.path;
    const error = issueError(file, { text, firstLine: 1 }, data, parsed.error, TAG_FIELD_EXPECTS, TAG_FIELDS, 1);
    const slug = typeof index === 'number' ? (data[index] as { slug?: unknown } | undefined)?.slug : undefined;
    const named = typeof slug === 'string' ? `the tag "${slug}"` : undefined;
    const field = [named, error.field].filter(Boolean).join(': ');
    throw new ContentError(error.file, error.line, field || undefined, error.expected, error.found);
  }
  return parsed.data;
}

const text = readFileSync(TAGS_FILE, 'utf8');

/** Every tag of the vocabulary, in the order readers see them. */
export const TAGS: readonly Tag[] = parseTagVocabulary(text, TAGS_FILE);

/** The rules that give the vocabulary's tags to articles that list none. */
export const TAG_RULES = tagRules(TAGS);

/** A short digest of the vocabulary: part of every cache key of a page that shows tags. */
export const TAGS_DIGEST = createHash('sha256').update(text).digest('hex').slice(0, 12);

/** The vocabulary's tag with this label or slug, or undefined. */
export const tagNamed = (labelOrSlug: string): Tag | undefined => findTag(TAGS, labelOrSlug);
