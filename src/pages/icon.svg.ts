import type { APIRoute } from 'astro';
import { PALETTE, SITE_INITIAL } from '../config';
import { faviconSvg } from '../site/favicon';

/** The site's icon as a file, for the web app manifest (pages carry it inline). */
export const GET: APIRoute = () =>
  new Response(faviconSvg(SITE_INITIAL, PALETTE), { headers: { 'content-type': 'image/svg+xml' } });
