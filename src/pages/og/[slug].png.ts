import type { APIRoute, GetStaticPaths } from 'astro';
import { SITE } from '../../config';
import { getCollection, type CollectionEntry } from 'astro:content';
import { TAGS_DIGEST } from '../../tags';
import { isShown } from '../../collection/articles';
import { pngResponse } from '../../social-images/png-response';
import { renderSocialImage } from '../../social-images/social-image';

export const getStaticPaths = (async () => {
  const articles = await getCollection('articles', isShown);
  // The image shows this article alone: it changes only when its file or the tags do (see astro.config.ts).
  return articles.map((article) => ({
    params: { slug: article.id },
    props: { article },
    cacheKey: `${TAGS_DIGEST}:${article.digest}`,
  }));
}) satisfies GetStaticPaths;

/** The social image of one article: section, title, byline and tags. */
export const GET: APIRoute<{ article: CollectionEntry<'articles'> }> = async ({ props, site }) => {
  const { section, title, author, tags } = props.article.data;
  const png = await renderSocialImage({
    source: props.article.filePath ?? props.article.id,
    eyebrow: section ?? SITE.title,
    title,
    byline: author ? `By ${author}` : undefined,
    tags,
    footer: new URL(site!).host,
  });
  return pngResponse(png);
};
