import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { SITE } from '../../config';
import { TAGS } from '../../tags';
import { isShown } from '../../utils/articles';
import { pngResponse } from '../../utils/png-response';
import { renderSocialImage } from '../../utils/social-image';
import { tagsInUse } from '../../utils/tags';

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
