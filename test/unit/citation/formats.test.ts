/**
 * The citation formats, checked against citation-js, the library reference managers' tools
 * build on: the BibTeX and RIS files are parsed back with its parsers, and the APA reference
 * compared with what citeproc-js renders with the CSL project's APA style.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apa, bibtex, chicago, ris, type CitedArticle } from '../../../src/citation/formats';

const ARTICLE: CitedArticle = {
  id: 'evolutions-of-strategic-intelligence',
  title: 'Evolutions of Strategic Intelligence',
  authors: [{ given: 'Giancarlo Elia', family: 'Valori' }],
  url: 'https://dossier.example.org/articles/evolutions-of-strategic-intelligence/',
  site: 'Dossier',
  lang: 'en',
};
const DATED: CitedArticle = {
  ...ARTICLE,
  authors: [
    { given: 'Li', family: 'Wei' },
    { given: 'Sofia', family: 'Marquez' },
    { given: 'Jean-Paul', family: 'van Dijk' },
  ],
  date: new Date('2025-06-01'),
};

interface CslItem {
  type: string;
  title: string;
  author?: { given?: string; family?: string; literal?: string }[];
  issued?: { 'date-parts': number[][] };
  URL: string;
  language?: string;
}

/** The items citation-js reads from `text` (BibTeX or RIS). */
const parsed = (text: string): CslItem[] => new Cite(text).data as CslItem[];

/** What citeproc-js renders with the CSL APA style for `article`, as text. */
function citeprocApa(article: CitedArticle): string {
  const item = {
    id: article.id,
    type: 'webpage',
    title: article.title,
    author: article.authors.map(({ given, family }) => ({ given, family })),
    'container-title': article.site,
    URL: article.url,
    ...(article.date
      ? {
          issued: {
            'date-parts': [[article.date.getUTCFullYear(), article.date.getUTCMonth() + 1, article.date.getUTCDate()]],
          },
        }
      : {}),
  };
  return String(new Cite([item]).format('bibliography', { format: 'text', template: 'apa', lang: 'en-US' })).trim();
}

describe('apa', () => {
  it('cites an article without a date "(n.d.)", never an invented year', () => {
    expect(apa(ARTICLE).text).toBe(
      'Valori, G. E. (n.d.). Evolutions of Strategic Intelligence. Dossier. https://dossier.example.org/articles/evolutions-of-strategic-intelligence/',
    );
  });

  it('is what citeproc-js renders with the APA style, for a dated article of several authors', () => {
    expect(apa(DATED).text).toBe(citeprocApa(DATED));
    expect(apa(DATED).before).toBe('Wei, L., Marquez, S., & van Dijk, J.-P. (2025, June 1). ');
  });

  it('is what citeproc-js renders, but for the "Retrieved" APA 7 drops before an undated page’s address', () => {
    expect(apa(ARTICLE).text).toBe(citeprocApa(ARTICLE).replace('Retrieved ', ''));
  });

  it('puts the title first when there is no byline, and sets it in italics', () => {
    const reference = apa({ ...ARTICLE, authors: [] });
    expect(reference.text).toBe(
      'Evolutions of Strategic Intelligence. (n.d.). Dossier. https://dossier.example.org/articles/evolutions-of-strategic-intelligence/',
    );
    expect(reference.italic).toBe(true);
    expect(reference.title).toBe('Evolutions of Strategic Intelligence.');
  });

  it('ends a title that ends with a question mark without a full stop after it', () => {
    expect(apa({ ...ARTICLE, title: 'An Emerging Threat?' }).title).toBe('An Emerging Threat?');
  });
});

describe('chicago', () => {
  it('inverts the first author only, quotes the title, and says "n.d." for no date', () => {
    expect(chicago(ARTICLE).text).toBe(
      'Valori, Giancarlo Elia. “Evolutions of Strategic Intelligence.” Dossier, n.d. https://dossier.example.org/articles/evolutions-of-strategic-intelligence/.',
    );
    expect(chicago(DATED).text).toBe(
      'Wei, Li, Sofia Marquez, and Jean-Paul van Dijk. “Evolutions of Strategic Intelligence.” Dossier, June 1, 2025. https://dossier.example.org/articles/evolutions-of-strategic-intelligence/.',
    );
    expect(chicago(ARTICLE).italic).toBe(false);
  });

  it('joins two authors with "and", and leads with the title without one', () => {
    expect(chicago({ ...DATED, authors: DATED.authors.slice(0, 2) }).before).toBe('Wei, Li, and Sofia Marquez. ');
    expect(chicago({ ...ARTICLE, authors: [] }).text).toMatch(
      /^“Evolutions of Strategic Intelligence\.” Dossier, n\.d\. /u,
    );
  });
});

describe('bibtex', () => {
  it('is read back by citation-js: title, authors, date, address, language', () => {
    const [item] = parsed(bibtex(DATED));
    expect(item!.title).toBe(DATED.title);
    expect(item!.author).toEqual([
      { given: 'Li', family: 'Wei' },
      { given: 'Sofia', family: 'Marquez' },
      { given: 'Jean-Paul', family: 'van Dijk' },
    ]);
    expect(item!.issued).toEqual({ 'date-parts': [[2025, 6, 1]] });
    expect(item!.URL).toBe(DATED.url);
    expect(item!.language).toBe('en');
  });

  it('carries no date at all for an article without one', () => {
    const text = bibtex(ARTICLE);
    expect(text).not.toMatch(/\b(?:year|date)\s*=/u);
    expect(parsed(text)[0]!.issued).toBeUndefined();
  });

  it('keeps any title and name whole through BibTeX’s special characters', () => {
    const text = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() === s && /\S/u.test(s));
    fc.assert(
      fc.property(text, text, (title, family) => {
        fc.pre(!/[\s,]|and/iu.test(family));
        const [item] = parsed(bibtex({ ...ARTICLE, title, authors: [{ given: 'Ana', family }] }));
        expect(item!.title).toBe(title);
        expect(item!.author?.[0]?.family ?? item!.author?.[0]?.literal).toBe(family);
      }),
      { numRuns: 200 },
    );
  });
});

describe('ris', () => {
  it('is read back by citation-js as a web page: title, authors, site, date, address', () => {
    const [item] = parsed(ris(DATED));
    expect(item!.type).toBe('webpage');
    expect(item!.title).toBe(DATED.title);
    expect(item!.author?.map((a) => a.family)).toEqual(['Wei', 'Marquez', 'van Dijk']);
    expect(item!.issued).toEqual({ 'date-parts': [[2025, 6, 1]] });
    expect(item!.URL).toBe(DATED.url);
  });

  it('carries no date for an article without one, and ends its record', () => {
    const text = ris(ARTICLE);
    expect(text).not.toMatch(/^(?:PY|DA) {2}- /mu);
    expect(text.endsWith('ER  - \r\n')).toBe(true);
  });

  it('keeps a title that runs over several lines on one', () => {
    expect(ris({ ...ARTICLE, title: 'Two\nLines' })).toContain('TI  - Two Lines\r\n');
  });
});
