import { describe, expect, test } from 'vitest';
import { feedHtml } from '../../src/site/feed-html';
import { jsonLd, inlineJson } from '../../src/site/structured-data';
import { paragraphId } from '../../src/markdown/paragraph-links';
import { parseTextFragment, quoteEdges, textFragment, uniquePrefix } from '../../src/browser/text-fragment';

describe('paragraphId', () => {
  test('depends on the paragraph text only, white space aside', () => {
    expect(paragraphId('Intelligence is never just data.')).toBe(paragraphId('  Intelligence is never\njust data. '));
    expect(paragraphId('Intelligence is never just data.')).not.toBe(paragraphId('Intelligence is never just data!'));
    expect(paragraphId('x')).toMatch(/^p-[0-9a-f]{8}$/);
  });
});

describe('textFragment', () => {
  test('links a short quote whole, encoding the characters that are syntax in a directive', () => {
    expect(textFragment(quoteEdges('non-State actors, of course'))).toBe(
      '#:~:text=non%2DState%20actors%2C%20of%20course',
    );
  });

  test('links a long quote by its first and last four words', () => {
    const quote = 'Serendipity is the possibility of making accidental discoveries. Indeed, it is never by chance';
    expect(textFragment(quoteEdges(quote))).toBe(
      '#:~:text=Serendipity%20is%20the%20possibility,is%20never%20by%20chance',
    );
  });

  test('puts a prefix before the quote, and a suffix after it, as the directive’s syntax has them', () => {
    expect(textFragment({ prefix: 'the Iranian', start: 'national security', suffix: 'equation' })).toBe(
      '#:~:text=the%20Iranian-,national%20security,-equation',
    );
  });

  test('is read back by parseTextFragment', () => {
    expect(parseTextFragment(`https://x.org/a/${textFragment(quoteEdges('non-State actors, of course'))}`)).toEqual({
      start: 'non-State actors, of course',
    });
    expect(parseTextFragment('https://x.org/a/#:~:text=one%20two,three%20four')).toEqual({
      start: 'one two',
      end: 'three four',
    });
    expect(parseTextFragment('https://x.org/a/#:~:text=a%2Dpart-,one%20two,three,-four%2C%20five')).toEqual({
      prefix: 'a-part',
      start: 'one two',
      end: 'three',
      suffix: 'four, five',
    });
    expect(parseTextFragment('https://x.org/a/#p-12345678')).toBeUndefined();
    expect(parseTextFragment('https://x.org/a/#:~:text=one,two,three')).toBeUndefined();
  });
});

describe('uniquePrefix', () => {
  const text =
    'Cyber security shapes national security. In Iran, national security considerations changed; ' +
    'the national  security equation, too.';

  test('is not needed when the quote’s start occurs once', () => {
    expect(
      uniquePrefix('Cyber security shapes', 'national security.', 'Cyber security shapes national security.'),
    ).toBe(undefined);
  });

  test('takes the fewest words before the quote that tell it apart', () => {
    expect(uniquePrefix('Cyber security shapes national security. In Iran,', 'national security', text)).toBe('Iran,');
    expect(uniquePrefix('Cyber security shapes', 'national security', text)).toBe('shapes');
    expect(uniquePrefix('considerations changed;\nthe', 'national security', text)).toBe('the');
  });

  test('gives up when no five words make the start unique', () => {
    const repeated = 'a b c d e f x. a b c d e f x.';
    expect(uniquePrefix('a b c d e f x. a b c d e f', 'x', repeated)).toBe(undefined);
  });
});

describe('jsonLd', () => {
  const page = {
    title: 'T',
    description: 'D',
    url: 'https://x.org/articles/t/',
    home: 'https://x.org/',
    logo: 'https://x.org/logo.png',
    image: { url: 'https://x.org/og/t.png', alt: 'T' },
  };

  test('describes an article without inventing a date, and names the author only when known', () => {
    const withAuthor = jsonLd({ ...page, article: { section: 'S', tags: ['cyber'], author: 'A', wordCount: 10 } });
    expect(withAuthor).toMatchObject({ '@type': 'Article', headline: 'T', author: { name: 'A' }, keywords: 'cyber' });
    expect(JSON.stringify(withAuthor)).not.toMatch(/date/i);
    expect(jsonLd({ ...page, article: { section: 'S', tags: [], wordCount: 10 } })).not.toHaveProperty('author');
  });

  test('gives every page its language and the publisher its logo', () => {
    for (const facts of [page, { ...page, article: { section: 'S', tags: [], wordCount: 10 } }]) {
      const data = jsonLd(facts);
      expect(data).toMatchObject({
        inLanguage: 'en',
        publisher: { logo: { url: 'https://x.org/logo.png', width: 512 } },
      });
    }
  });

  test('credits the partner an article is from as its source organisation, and only then', () => {
    const article = { section: 'S', tags: [], wordCount: 10 };
    expect(jsonLd({ ...page, article: { ...article, partner: 'RIAC' } })).toMatchObject({
      sourceOrganization: { '@type': 'Organization', name: 'RIAC' },
    });
    expect(jsonLd({ ...page, article })).not.toHaveProperty('sourceOrganization');
  });

  test('cannot close its script element', () => {
    expect(inlineJson({ headline: '</script><script>alert(1)</script>' })).not.toContain('<');
  });
});

describe('feedHtml', () => {
  test('drops the in-page links, keeps heading text and makes links absolute', () => {
    const html =
      '<h2 id="a"><a class="heading-link" href="#a">A</a></h2>' +
      '<p id="p-1">Text <a class="paragraph-link" href="#p-1" aria-label="Link to this paragraph"></a> and <a href="/tags/x/">x</a></p>';
    expect(feedHtml(html, 'https://x.org/articles/a/')).toBe(
      '<h2 id="a">A</h2><p id="p-1">Text  and <a href="https://x.org/tags/x/">x</a></p>',
    );
  });
});
