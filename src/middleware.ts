/**
 * Every page as it is rendered, before it is written: its Content-Security-Policy cut to the
 * inline code it carries (src/security/own-hashes.ts). Other responses (the feed, social images)
 * pass as they are.
 */
import { defineMiddleware } from 'astro:middleware';
import { ownHashesOnly } from './security/own-hashes';

export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
  return new Response(ownHashesOnly(await response.text()), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
});
