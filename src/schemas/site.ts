import { z } from 'astro/zod';

/** A colour as `#rrggbb`. */
const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/u;

/** The site's identity as `src/config.ts` declares it. */
export const SiteIdentitySchema = z
  .object({
    /** The site's name: header, page titles, feed, link previews, the favicon's and logo's letter. */
    title: z.string().trim().min(1).max(60),
    /** A few words on what the site publishes, e.g. `Long-form analysis`: the home page's social image. */
    tagline: z.string().trim().min(1).max(60),
    /** One sentence on the site: the home page, search engines, the feed, link previews. */
    description: z.string().trim().min(1).max(200),
    /** The language of every page and article, as BCP 47 (`en`, `fr`, `pt-BR`). */
    lang: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/u),
    /** The same language for link previews, as Open Graph spells it (`en_US`, `fr_FR`). */
    locale: z.string().regex(/^[a-z]{2,3}_[A-Z]{2}$/u),
    /**
     * The accent colour of links, tags, the favicon and the logo, as `#rrggbb`: one for the
     * light theme and one for the dark, each readable on its theme's page (contrast 4.5:1 or
     * more, checked). Its pale tint (selections, marked quotes) is worked out from it.
     */
    accent: z.object({ light: z.string().regex(HEX_COLOUR), dark: z.string().regex(HEX_COLOUR) }).strict(),
  })
  .strict();

/** The site's identity. */
export type SiteIdentity = z.infer<typeof SiteIdentitySchema>;

/** What each field takes, as an error says it. */
export const SITE_FIELD_EXPECTS: Readonly<Record<string, string>> = {
  title: 'the site’s name, 1 to 60 characters',
  tagline: 'a few words, 1 to 60 characters',
  description: 'one sentence, 1 to 200 characters',
  lang: 'a language tag such as "en" or "pt-BR"',
  locale: 'a locale such as "en_US" or "pt_BR"',
  light: 'a colour such as "#8c2f1b"',
  dark: 'a colour such as "#f0a58e"',
};
