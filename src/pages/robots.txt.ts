import type { APIRoute } from 'astro';
import { withBase } from '../site/urls';

/** Everything may be crawled; the sitemap says where everything is. */
export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${new URL(withBase('sitemap-index.xml'), site).href}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
