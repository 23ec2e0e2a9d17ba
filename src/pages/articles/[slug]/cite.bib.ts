import type { APIRoute, GetStaticPaths } from 'astro';
import { bibtex } from '../../../citation/formats';
import { citationPaths, citedFor } from '../../../citation/pages';

export const getStaticPaths = (() => citationPaths()) satisfies GetStaticPaths;

/** The article's BibTeX entry, a file for reference managers. */
export const GET: APIRoute = ({ props, site }) =>
  new Response(bibtex(citedFor(props, site)), { headers: { 'content-type': 'application/x-bibtex; charset=utf-8' } });
