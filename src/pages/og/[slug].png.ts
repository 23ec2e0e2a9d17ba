import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection, type CollectionEntry } from 'astro:content';
import { pngResponse } from '../../utils/png-response';
import { renderSocialImage } from '../../utils/social-image';

export const getStaticPaths = (async () => {
  const articles = await getCollection('articles');
  // The image shows this article alone: it changes only when its file does (see astro.config.ts).
  return articles.map((article) => ({ params: { slug: article.id }, props: { article }, cacheKey: article.digest }));
}) satisfies GetStaticPaths;

/** The social image of one article: section, title, byline and tags. */
export const GET: APIRoute<{ article: CollectionEntry<'articles'> }> = async ({ props, site }) => {
  const { section, title, author, tags } = props.article.data;
  const png = await renderSocialImage({
    source: props.article.filePath ?? props.article.id,
    eyebrow: section,
    title,
    byline: author ? `By ${author}` : undefined,
    tags,
    footer: new URL(site!).host,
  });
  return pngResponse(png);
};
