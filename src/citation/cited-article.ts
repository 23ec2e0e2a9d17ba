/** The facts a citation of an article on this site gives, from its entry and address. */
import { SITE } from '../config';
import { authorsOf } from './authors';
import type { CitedArticle } from './formats';

/** What a citation says of the article `id` with `data`, published at the absolute `url`. */
export function citedArticle(
  id: string,
  data: { title: string; author?: string | undefined; date?: Date | undefined },
  url: string,
): CitedArticle {
  return {
    id,
    title: data.title,
    authors: authorsOf(data.author),
    ...(data.date ? { date: data.date } : {}),
    url,
    site: SITE.title,
    lang: SITE.lang,
  };
}
