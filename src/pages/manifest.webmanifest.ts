import type { APIRoute } from 'astro';
import { PALETTE, SITE } from '../config';
import { homeUrl, withBase } from '../site/urls';

/** The web app manifest: the site installable, with its name, icon and colours. */
export const GET: APIRoute = () =>
  new Response(
    JSON.stringify({
      name: SITE.title,
      short_name: SITE.title,
      description: SITE.description,
      lang: SITE.lang,
      start_url: homeUrl(),
      scope: homeUrl(),
      display: 'standalone',
      background_color: PALETTE.paper.light,
      theme_color: PALETTE.paper.light,
      icons: [
        { src: withBase('icon.svg'), sizes: 'any', type: 'image/svg+xml' },
        { src: withBase('logo.png'), sizes: '512x512', type: 'image/png' },
      ],
    }),
    { headers: { 'content-type': 'application/manifest+json' } },
  );
