import type { Element } from 'hast';
import { h } from 'hastscript';
import { toString } from 'hast-util-to-string';
import type { Options } from 'rehype-autolink-headings';

/**
 * Options for rehype-autolink-headings: a `#` link after each heading, the pair wrapped in
 * `div.heading-block`, so the heading's own accessible name stays its text and the link has
 * a name of its own ("Link to the section Conclusion").
 */
export const headingLinkOptions: Options = {
  behavior: 'after',
  group: () => h('div.heading-block'),
  properties: (node: Element) => ({
    className: ['heading-link'],
    ariaLabel: `Link to the section ${toString(node)}`,
    dataPagefindIgnore: '',
  }),
  content: () => h('span', { ariaHidden: 'true' }, '#'),
};
