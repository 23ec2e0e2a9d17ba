/**
 * Link-preview data for a page: Open Graph and JSON-LD. Pure: pages pass what they know,
 * and nothing is invented (a date only where an article gives one; the seeds have none).
 */
import { SITE } from '../config';

/** Size of every social image, in pixels. */
export const SOCIAL_IMAGE = { width: 1200, height: 630 } as const;

/** Width and height of the site's logo, in pixels. */
export const LOGO_SIZE = 512;

/** What a page tells link previews about itself. */
export interface PageFacts {
  title: string;
  description: string;
  /** Absolute canonical URL. */
  url: string;
  /** Absolute URL of the site's home page. */
  home: string;
  /** Absolute URL of the site's logo (a square PNG of `LOGO_SIZE`). */
  logo: string;
  image: { url: string; alt: string };
  article?: {
    section?: string | undefined;
    tags: readonly string[];
    author?: string | undefined;
    /** The partner the article is from, as its seed credits it. */
    partner?: string | undefined;
    /** The publication date, where the article gives one. */
    date?: Date | undefined;
    wordCount: number;
  };
}

/** JSON-LD for an article (`Article`) or any other page (`WebPage`). */
export function jsonLd(page: PageFacts): Record<string, unknown> {
  const website = { '@type': 'WebSite', name: SITE.title, url: page.home, inLanguage: SITE.lang };
  const publisher = {
    '@type': 'Organization',
    name: SITE.title,
    url: page.home,
    logo: { '@type': 'ImageObject', url: page.logo, width: LOGO_SIZE, height: LOGO_SIZE },
  };
  if (!page.article) {
    return {
      '@context': 'https://schema.org',
      '@type': 'WebPage',
      name: page.title,
      description: page.description,
      url: page.url,
      inLanguage: SITE.lang,
      image: page.image.url,
      isPartOf: website,
      publisher,
    };
  }
  return {
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: page.title,
    description: page.description,
    ...(page.article.author ? { author: { '@type': 'Person', name: page.article.author } } : {}),
    ...(page.article.section ? { articleSection: page.article.section } : {}),
    ...(page.article.date ? { datePublished: page.article.date.toISOString() } : {}),
    keywords: page.article.tags.join(', '),
    url: page.url,
    mainEntityOfPage: page.url,
    image: { '@type': 'ImageObject', url: page.image.url, ...SOCIAL_IMAGE },
    wordCount: page.article.wordCount,
    inLanguage: SITE.lang,
    publisher,
    ...(page.article.partner ? { sourceOrganization: { '@type': 'Organization', name: page.article.partner } } : {}),
    isPartOf: website,
  };
}

/** JSON for an inline `<script>`: `<` escaped, so no text can close the script element. */
export function inlineJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
