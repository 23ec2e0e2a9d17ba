/**
 * The site's identity checked: its fields by their schema, and its accent readable on the
 * page in both themes. Pure: no `astro:*` imports.
 */
import { ContentError, describeValue, fieldName } from '../schemas/content-error';
import { SITE_FIELD_EXPECTS, SiteIdentitySchema, type SiteIdentity } from '../schemas/site';
import { contrastRatio } from './colour';
import { BASE_PALETTE } from './palette';

/** Least contrast of the accent (link text) on the page's backgrounds: WCAG AA for text. */
export const MIN_ACCENT_CONTRAST = 4.5;

/** Where the identity is declared, as errors name it. */
const CONFIG_FILE = 'src/config.ts';

/** The identity, checked; throws `ContentError` naming the field of `SITE` that is wrong. */
export function checkSite(identity: SiteIdentity): SiteIdentity {
  const parsed = SiteIdentitySchema.safeParse(identity);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    if (issue.code === 'unrecognized_keys') {
      const fields = Object.keys(SiteIdentitySchema.shape).join(', ');
      throw new ContentError(CONFIG_FILE, undefined, 'SITE', `only the fields ${fields}`, `"${issue.keys[0]}"`);
    }
    const value = issue.path.reduce<unknown>(
      (v, key) => (v as Record<PropertyKey, unknown> | undefined)?.[key],
      identity,
    );
    const last = String(issue.path.at(-1));
    throw new ContentError(
      CONFIG_FILE,
      undefined,
      `SITE.${fieldName(issue.path)}`,
      SITE_FIELD_EXPECTS[last] ?? issue.message,
      describeValue(value),
    );
  }
  for (const theme of ['light', 'dark'] as const) {
    const colour = parsed.data.accent[theme];
    for (const background of [BASE_PALETTE.paper[theme], BASE_PALETTE['paper-raised'][theme]]) {
      const ratio = contrastRatio(colour, background);
      if (ratio < MIN_ACCENT_CONTRAST) {
        throw new ContentError(
          CONFIG_FILE,
          undefined,
          `SITE.accent.${theme}`,
          `a colour readable on the ${theme} theme's page ${background} (contrast ${MIN_ACCENT_CONTRAST}:1 or more)`,
          `"${colour}" (${ratio.toFixed(1)}:1)`,
        );
      }
    }
  }
  return parsed.data;
}
