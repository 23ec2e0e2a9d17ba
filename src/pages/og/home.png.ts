import type { APIRoute } from 'astro';
import { SITE } from '../../config';
import { TAGS } from '../../utils/tags';
import { pngResponse } from '../../utils/png-response';
import { renderSocialImage } from '../../utils/social-image';

/** The social image of the home page and every page that is not an article. */
export const GET: APIRoute = async ({ site }) =>
  pngResponse(
    await renderSocialImage({
      eyebrow: 'Long-form analysis',
      title: SITE.description,
      tags: TAGS.map((tag) => tag.label),
      footer: new URL(site!).host,
    }),
  );
