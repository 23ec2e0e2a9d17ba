import { z } from 'astro/zod';

/** A tag page's address segment: lower-case letters (of any script), digits, single hyphens. */
const SLUG = /^[\p{Ll}\p{Lo}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{N}]+)*$/u;

/** A word or phrase of a tag's rule: text, with `*` only at its end (`cyber*`). */
const RULE_WORD = /^[^*\s](?:[^*]*[^*\s])?\*?$/u;

/** One tag of `content/tags.yml`. */
export const TagSchema = z
  .object({
    /** The tag page's address: `/tags/<slug>/`. */
    slug: z.string().regex(SLUG),
    /** The tag's name as readers see it, e.g. `PSCs`. */
    label: z.string().trim().min(1).max(40),
    /** One sentence for the tag index and the tag page. */
    description: z.string().trim().min(1),
    /** Words and phrases that give the tag to an article that lists no tags (see collection/tags.ts). */
    words: z.array(z.string().regex(RULE_WORD)).min(1),
  })
  .strict();

/** A tag of the vocabulary. */
export type Tag = z.infer<typeof TagSchema>;

/** The vocabulary: a list of tags, each slug and label used once. */
export const TagVocabularySchema = z.array(TagSchema).superRefine((tags, ctx) => {
  const seen = new Map<string, number>();
  tags.forEach((tag, i) => {
    for (const [field, name] of [
      ['slug', tag.slug],
      ['label', tag.label.toLowerCase()],
    ] as const) {
      const other = seen.get(name);
      if (other !== undefined && other !== i) {
        ctx.addIssue({ code: 'custom', path: [i, field], message: `a ${field} no other tag has` });
      }
      seen.set(name, i);
    }
  });
});

/** The fields of a tag, in order. */
export const TAG_FIELDS = Object.keys(TagSchema.shape);

/** What each field of a tag takes, as an error says it. */
export const TAG_FIELD_EXPECTS: Readonly<Record<string, string>> = {
  slug: 'lower-case letters, digits and single hyphens, such as "energy-policy", used by no other tag',
  label: 'a name of 1 to 40 characters that no other tag has',
  description: 'one sentence, as text',
  words: 'a list of words or phrases, such as [drug, drugs, heroin], a * only at the end of one',
};
