import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { SITE } from '../config';
import { inCollectionOrder, isShown } from '../collection/articles';
import { renderArticle } from '../markdown/processor';
import { feedHtml } from '../site/feed-html';
import { PAGE_SIZE } from '../collection/pagination';
import { articleUrl, feedUrl, withBase } from '../site/urls';

/**
 * RSS 2.0 feed of the home page's first page: the first `PAGE_SIZE` articles in collection
 * order (newest first), each with its full text and partner credit, so the feed stays small at
 * any size of collection. An item has a date only where its article gives one (the seeds have
 * none). The feed names its own address (`atom:link rel="self"`), as feed validators ask.
 */
export const GET: APIRoute = async ({ site }) => {
  const articles = inCollectionOrder(await getCollection('articles', isShown)).slice(0, PAGE_SIZE);
  return rss({
    title: SITE.title,
    description: SITE.description,
    site: new URL(withBase(), site).href,
    trailingSlash: true,
    items: await Promise.all(
      articles.map(async (article) => {
        const link = new URL(articleUrl(article.id), site).href;
        const { html } = await renderArticle(article.filePath!);
        const { partner, section, tags, date, author } = article.data;
        const credit = partner ? `<p>From our partner ${escapeXml(partner)}</p>` : '';
        return {
          title: article.data.title,
          link,
          description: article.data.description,
          content: feedHtml(html, link) + credit,
          categories: [...(section ? [section] : []), ...tags],
          ...(date ? { pubDate: date } : {}),
          ...(author ? { customData: `<dc:creator>${escapeXml(author)}</dc:creator>` } : {}),
        };
      }),
    ),
    xmlns: { dc: 'http://purl.org/dc/elements/1.1/', atom: 'http://www.w3.org/2005/Atom' },
    customData:
      `<language>${SITE.lang}</language>` +
      `<atom:link href="${new URL(feedUrl(), site).href}" rel="self" type="application/rss+xml"/>`,
  });
};

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
