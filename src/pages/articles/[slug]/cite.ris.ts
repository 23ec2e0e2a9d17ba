import type { APIRoute, GetStaticPaths } from 'astro';
import { ris } from '../../../citation/formats';
import { citationPaths, citedFor } from '../../../citation/pages';

export const getStaticPaths = (() => citationPaths()) satisfies GetStaticPaths;

/** The article's RIS record, a file for reference managers. */
export const GET: APIRoute = ({ props, site }) =>
  new Response(ris(citedFor(props, site)), {
    headers: { 'content-type': 'application/x-research-info-systems; charset=utf-8' },
  });
