import type { Options } from 'rehype-autolink-headings';

/**
 * Options for rehype-autolink-headings: each heading's text is a link to itself
 * (`<h2 id="conclusion"><a class="heading-link" href="#conclusion">Conclusion</a></h2>`), and
 * the `#` shown beside it on hover and focus is drawn by CSS, so it is not text. The heading
 * stays a bare `h2` with its own text as its accessible name: reader modes (Mozilla
 * Readability), feed readers and text browsers get the heading, with no `#` and no wrapper
 * for a clean-up to throw away.
 */
export const headingLinkOptions: Options = {
  behavior: 'wrap',
  properties: { className: ['heading-link'] },
};
