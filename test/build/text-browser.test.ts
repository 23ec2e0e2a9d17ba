/**
 * The pages as a text browser reads them. lynx ignores CSS and script and shows `hidden`
 * elements, so whatever the markup holds, it shows: no control that only script can work
 * (made from a `<template>` when script runs), no in-page mark (`¶`, `#`, drawn by CSS) and
 * no print-only line. And words that sit side by side in separate elements must be apart in
 * the markup itself (`All articles All tags`, not `All articlesAll tags`): styles that space
 * them on screen do nothing here. Reads the built files.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { DIST } from '../support/build-under-test';

const PAGES = readdirSync(DIST, { recursive: true, encoding: 'utf8' }).filter(
  (name) => name.endsWith('.html') && !name.startsWith('pagefind'),
);

const lynx = (file: string) =>
  execFileSync('lynx', ['-dump', '-nolist', '-width=1000', '-display_charset=utf-8', '-assume_charset=utf-8', file], {
    encoding: 'utf8',
  });

test('lynx shows no control that needs script, no in-page mark and no print-only line', () => {
  assert.ok(
    PAGES.some((name) => name.startsWith('articles')),
    'article pages built',
  );
  const problems: string[] = [];
  for (const name of PAGES) {
    const text = lynx(join(DIST, name));
    for (const [what, found] of [
      ['a button', /\((?:BUTTON|button)\)/.test(text)],
      ['a ¶', text.includes('¶')],
      ['a lone #', /^\s*#\s*$/m.test(text)],
      ['the printed address', /Dossier: https?:/.test(text)],
      ['"Copy link"', text.includes('Copy link')],
    ] as const) {
      if (found) problems.push(`${name}: ${what}`);
    }
  }
  assert.deepEqual(problems, []);
});

/** Elements that flow inline, so nothing but their text separates them from their neighbours. */
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'button',
  'code',
  'em',
  'i',
  'kbd',
  'label',
  'small',
  'span',
  'strong',
  'time',
]);
const isWordEdge = (text: string, at: 'start' | 'end') =>
  /[\p{L}\p{N}]/u.test(at === 'start' ? text.at(0)! : text.at(-1)!);

/** Whether a text browser draws a form control in the element (`( ) cyber 1`), which parts it from its neighbour. */
const holdsControl = (node: Element) => {
  let found = false;
  visit(node, 'element', (inner: Element) => {
    found ||= ['input', 'select', 'textarea'].includes(inner.tagName);
  });
  return found;
};

/** Pairs of neighbouring inline elements whose words touch: `<a>All articles</a><a>All tags</a>`. */
function gluedWords(tree: Root): string[] {
  const glued: string[] = [];
  visit(tree, 'element', (node: Element) => {
    if (node.tagName === 'template' || node.tagName === 'head') return 'skip';
    const kids = node.children.filter(
      (kid: ElementContent) => kid.type !== 'comment' && !(kid.type === 'text' && kid.value === ''),
    );
    kids.forEach((kid, i) => {
      const next = kids[i + 1];
      if (kid.type !== 'element' || next?.type !== 'element') return;
      if (!INLINE.has(kid.tagName) || !INLINE.has(next.tagName) || holdsControl(next)) return;
      const [a, b] = [toString(kid).trim(), toString(next).trim()];
      if (a && b && isWordEdge(a, 'end') && isWordEdge(b, 'start')) glued.push(`${a}|${b}`);
    });
    return undefined;
  });
  return glued;
}

test('words in neighbouring elements are apart in the markup, as text browsers and screen readers need', () => {
  const problems: string[] = [];
  for (const name of PAGES) {
    const tree = unified()
      .use(rehypeParse)
      .parse(readFileSync(join(DIST, name), 'utf8')) as Root;
    for (const pair of gluedWords(tree)) problems.push(`${name}: ${pair}`);
  }
  assert.deepEqual(problems, []);
});
