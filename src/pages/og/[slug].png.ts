import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection, type CollectionEntry } from 'astro:content';
import { pngResponse, renderSocialImage } from '../../utils/social-image';

export const getStaticPaths = (async () => {
  const articles = await getCollection('articles');
  return articles.map((article) => ({ params: { slug: article.id }, props: { article } }));
}) satisfies GetStaticPaths;

/** The social image of one article: section, title, byline and tags. */
export const GET: APIRoute<{ article: CollectionEntry<'articles'> }> = async ({ props, site }) => {
  const { section, title, author, tags } = props.article.data;
  const png = await renderSocialImage({
    eyebrow: section,
    title,
    byline: author ? `By ${author}` : undefined,
    tags,
    footer: new URL(site!).host,
  });
  return pngResponse(png);
};
