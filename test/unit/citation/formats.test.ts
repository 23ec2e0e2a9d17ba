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
        // TeX reads a run of white space as one space: titles here have none (ingest collapses them).
        fc.pre(!/[\s,]|and/iu.test(family) && !/\s\s/u.test(title));
        const [item] = parsed(bibtex({ ...ARTICLE, title, authors: [{ given: 'Ana', family }] }));
        expect(item!.title).toBe(title);
        expect(item!.author?.[0]?.family ?? item!.author?.[0]?.literal).toBe(family);
      }),
      { numRuns: 1000 },
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

describe('details of the references', () => {
  const two: CitedArticle = { ...ARTICLE, authors: DATED.authors.slice(0, 2), date: new Date('2025-06-01') };

  it('joins two APA authors with ", &", and one author alone', () => {
    expect(apa(two).before).toBe('Wei, L., & Marquez, S. (2025, June 1). ');
    expect(apa(ARTICLE).before).toBe('Valori, G. E. (n.d.). ');
    expect(apa(two).text).toBe(citeprocApa(two));
  });

  it('gives initials of names in quotes and with hyphens, and a one-word name whole', () => {
    expect(apa({ ...ARTICLE, authors: [{ given: 'Ahmed “Sam”', family: 'Khan' }] }).before).toBe(
      'Khan, A. S. (n.d.). ',
    );
    expect(apa({ ...ARTICLE, authors: [{ given: '"Jo"  Anne-Marie', family: 'Roy' }] }).before).toBe(
      'Roy, J. A.-M. (n.d.). ',
    );
    expect(apa({ ...ARTICLE, authors: [{ given: '', family: 'Reuters' }] }).before).toBe('Reuters. (n.d.). ');
    expect(chicago({ ...ARTICLE, authors: [{ given: '', family: 'Reuters' }] }).before).toBe('Reuters. ');
  });

  it('adds a full stop after a title only where it has none, even with one inside', () => {
    expect(apa({ ...ARTICLE, title: 'U.S. Policy' }).title).toBe('U.S. Policy.');
    expect(chicago({ ...ARTICLE, title: 'Who Wins?' }).title).toBe('“Who Wins?”');
  });

  it('dates a Chicago reference as month, day and year', () => {
    expect(chicago(two).text).toBe(
      `Wei, Li, and Sofia Marquez. “${ARTICLE.title}.” Dossier, June 1, 2025. ${ARTICLE.url}.`,
    );
  });

  it('sets only APA titles in italics', () => {
    expect([apa(ARTICLE).italic, apa({ ...ARTICLE, authors: [] }).italic]).toEqual([true, true]);
    expect([chicago(ARTICLE).italic, chicago({ ...ARTICLE, authors: [] }).italic]).toEqual([false, false]);
  });

  it('writes BibTeX keys and dates safely: a day, a year, and a key of letters, digits and hyphens', () => {
    const text = bibtex({ ...DATED, id: 'a b/c' });
    expect(text.startsWith('@online{a-b-c,\n')).toBe(true);
    expect(text).toContain('  date = {2025-06-01},\n');
    expect(text).toContain('  year = {2025},\n');
    expect(text).toContain('  organization = {Dossier},\n');
    expect(bibtex({ ...ARTICLE, title: '50% & $5 #a a_b ^ ~ \\ {x}' })).toContain(
      'title = {{50\\% \\& \\$5 \\#a a\\_b \\textasciicircum{} \\textasciitilde{} \\textbackslash{} \\{x\\}}}',
    );
    expect(bibtex({ ...ARTICLE, authors: [{ given: '', family: 'Reuters' }] })).toContain('  author = {{Reuters}},\n');
  });

  it('writes RIS lines in order, dated by year and day', () => {
    expect(ris(DATED).split('\r\n')).toEqual([
      'TY  - ELEC',
      `TI  - ${DATED.title}`,
      'AU  - Wei, Li',
      'AU  - Marquez, Sofia',
      'AU  - van Dijk, Jean-Paul',
      'T2  - Dossier',
      'PY  - 2025',
      'DA  - 2025/06/01',
      `UR  - ${DATED.url}`,
      'LA  - en',
      'ER  - ',
      '',
    ]);
    expect(ris({ ...ARTICLE, authors: [{ given: '', family: 'Reuters' }] })).toContain('AU  - Reuters\r\n');
  });
});

describe('dates and absent fields', () => {
  it('names every month as English does', () => {
    for (let month = 0; month < 12; month++) {
      const date = new Date(Date.UTC(2025, month, 9));
      const name = new Intl.DateTimeFormat('en-US', { month: 'long', timeZone: 'UTC' }).format(date);
      expect(chicago({ ...ARTICLE, date }).after).toContain(`Dossier, ${name} 9, 2025.`);
      expect(apa({ ...ARTICLE, date }).before).toBe(`Valori, G. E. (2025, ${name} 9). `);
    }
  });

  it('writes no author or date field that the article does not have', () => {
    const text = bibtex({ ...ARTICLE, authors: [] });
    expect(text.split('\n').map((line) => line.split(' = ')[0]!.trim())).toEqual([
      '@online{evolutions-of-strategic-intelligence,',
      'title',
      'organization',
      'url',
      'language',
      '}',
      '',
    ]);
    expect(ris({ ...ARTICLE, authors: [] }).split('\r\n')).toEqual([
      'TY  - ELEC',
      `TI  - ${ARTICLE.title}`,
      'T2  - Dossier',
      `UR  - ${ARTICLE.url}`,
      'LA  - en',
      'ER  - ',
      '',
    ]);
  });
});
