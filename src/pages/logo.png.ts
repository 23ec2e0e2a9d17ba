import type { APIRoute } from 'astro';
import { pngResponse } from '../social-images/png-response';
import { renderLogo } from '../social-images/social-image';

/** The site's logo, named as the publisher's logo in every page's JSON-LD. */
export const GET: APIRoute = async () => pngResponse(await renderLogo());
