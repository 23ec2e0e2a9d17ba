import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { SITE } from '../../config';
import { TAGS } from '../../tags';
import { isShown } from '../../collection/articles';
import { pngResponse } from '../../social-images/png-response';
import { renderSocialImage } from '../../social-images/social-image';
import { tagsInUse } from '../../collection/tags';

/** The social image of the home page and every page that is not an article: the site's tagline, description and tags. */
export const GET: APIRoute = async ({ site }) =>
  pngResponse(
    await renderSocialImage({
      eyebrow: SITE.tagline,
      title: SITE.description,
      tags: tagsInUse(TAGS, await getCollection('articles', isShown)).map(({ tag }) => tag.label),
      footer: new URL(site!).host,
    }),
  );
