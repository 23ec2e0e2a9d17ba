import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { SITE } from '../config';
import { inSeedOrder } from '../utils/articles';
import { renderArticle } from '../markdown/processor';
import { feedHtml } from '../utils/feed-html';
import { PAGE_SIZE } from '../utils/pagination';
import { articleUrl, withBase } from '../utils/urls';

/**
 * RSS 2.0 feed of the home page's first page: the first `PAGE_SIZE` articles in seed order
 * (seed files by name, then by line), each with its full text, so the feed stays small at
 * any size of collection. The seeds have no dates, so items have none.
 */
export const GET: APIRoute = async ({ site }) => {
  const articles = inSeedOrder(await getCollection('articles')).slice(0, PAGE_SIZE);
  return rss({
    title: SITE.title,
    description: SITE.description,
    site: new URL(withBase(), site).href,
    trailingSlash: true,
    items: await Promise.all(
      articles.map(async (article) => {
        const link = new URL(articleUrl(article.id), site).href;
        const { html } = await renderArticle(article.filePath!);
        return {
          title: article.data.title,
          link,
          description: article.data.description,
          content: feedHtml(html, link),
          categories: [article.data.section, ...article.data.tags],
          ...(article.data.author ? { customData: `<dc:creator>${escapeXml(article.data.author)}</dc:creator>` } : {}),
        };
      }),
    ),
    xmlns: { dc: 'http://purl.org/dc/elements/1.1/' },
    customData: '<language>en</language>',
  });
};

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
