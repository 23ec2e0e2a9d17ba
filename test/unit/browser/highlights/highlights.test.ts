// @vitest-environment jsdom
/**
 * Highlights' pure parts in jsdom: the anchor of a selection and finding it again, the store's
 * answers for storage that is empty, damaged or full, and the Markdown export.
 */
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { anchorOf, anchorsOf, findAnchor, markRange } from '../../../../src/browser/highlights/anchor';
import { toMarkdown } from '../../../../src/browser/highlights/export';
import {
  loadHighlights,
  newId,
  PROBLEM_MESSAGES,
  saveHighlights,
  updateHighlights,
  type Highlight,
} from '../../../../src/browser/highlights/store';

const KEY = 'test:highlights';
let body: HTMLElement;

beforeEach(() => {
  localStorage.clear();
  document.body.innerHTML = `<div id="b"><p id="one">National security is <em>more</em> than defence.</p><p id="two">Then national security again, and national security last.</p></div>`;
  body = document.getElementById('b')!;
});

/** A range over `text` in the element `id`, its `nth` occurrence. */
function rangeOver(id: string, text: string, nth = 0): Range {
  const block = document.getElementById(id)!;
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  const all = nodes.map((n) => n.data).join('');
  let at = -1;
  for (let i = 0; i <= nth; i++) at = all.indexOf(text, at + 1);
  const range = document.createRange();
  let offset = 0;
  for (const node of nodes) {
    const next = offset + node.data.length;
    if (at >= offset && at < next) range.setStart(node, at - offset);
    if (at + text.length > offset && at + text.length <= next) range.setEnd(node, at + text.length - offset);
    offset = next;
  }
  return range;
}

describe('anchorOf and findAnchor', () => {
  test('tells equal passages apart by the text before them alone, or after them alone', () => {
    document.body.innerHTML = `<div id="b"><p id="p">one fox, two fox, three fox.</p></div>`;
    body = document.getElementById('b')!;
    /** Where in the paragraph the passage "fox" with this context is found. */
    const at = (prefix: string, suffix: string) => {
      const found = findAnchor(body, { paragraph: 'p', exact: 'fox', prefix, suffix })!;
      const before = document.createRange();
      before.setStart(document.getElementById('p')!.firstChild!, 0);
      before.setEnd(found.startContainer, found.startOffset);
      return before.toString().length;
    };
    expect([at('two ', ''), at('three ', ''), at('one ', '')]).toEqual([13, 24, 4]);
    expect([at('', ', three fox.'), at('', '.'), at('', ', two')]).toEqual([13, 24, 4]);
    expect(at('', '')).toBe(4);
  });

  test('refuses a collapsed selection and one outside the body; anchors one in a block without an id by its text', () => {
    const collapsed = rangeOver('one', 'security');
    collapsed.collapse(true);
    expect(anchorOf(body, collapsed)).toBeUndefined();
    document.body.insertAdjacentHTML(
      'beforeend',
      '<p id="outside">National security outside.</p><div id="c"><p>No id here.</p></div>',
    );
    expect(anchorOf(body, rangeOver('outside', 'security'))).toBeUndefined();
    // A block without an id of its own (a list item) is anchored by its text alone, and found.
    const noId = document.createRange();
    const p = document.querySelector('#c p')!;
    noId.setStart(p.firstChild!, 0);
    noId.setEnd(p.firstChild!, 5);
    const c = document.getElementById('c')!;
    expect(anchorOf(c, noId)).toEqual({ paragraph: '', exact: 'No id', prefix: '', suffix: ' here.' });
    expect(findAnchor(c, anchorOf(c, noId)!)!.toString()).toBe('No id');
  });

  test('keeps at most 32 characters of context on each side', () => {
    document.body.innerHTML = `<div id="b"><p id="long">${'a'.repeat(50)} target ${'z'.repeat(50)}</p></div>`;
    body = document.getElementById('b')!;
    const anchor = anchorOf(body, rangeOver('long', 'target'))!;
    expect(anchor.prefix).toBe(`${'a'.repeat(31)} `);
    expect(anchor.suffix).toBe(` ${'z'.repeat(31)}`);
  });

  test('anchor a selection across inline elements by its paragraph, text and context, and find it again', () => {
    const anchor = anchorOf(body, rangeOver('one', ' security is more than '))!;
    expect(anchor).toEqual({
      paragraph: 'one',
      exact: 'security is more than',
      prefix: 'National ',
      suffix: ' defence.',
    });
    expect(findAnchor(body, anchor)!.toString()).toBe('security is more than');
    const marks = markRange(findAnchor(body, anchor)!, { class: 'h', 'data-highlight': 'x' });
    expect(marks.map((mark) => mark.textContent)).toEqual(['security is ', 'more', ' than']);
    expect(document.getElementById('one')!.innerHTML).toBe(
      'National <mark class="h" data-highlight="x">security is </mark><em><mark class="h" data-highlight="x">more</mark></em><mark class="h" data-highlight="x"> than</mark> defence.',
    );
  });

  test('the second of two equal passages is found again by its context', () => {
    const anchor = anchorOf(body, rangeOver('two', 'national security', 1))!;
    const found = findAnchor(body, anchor)!;
    const marks = markRange(found, { class: 'h' });
    expect(marks.map((m) => m.textContent).join('')).toBe('national security');
    expect(document.getElementById('two')!.innerHTML).toMatch(/and <mark class="h">national security<\/mark> last/u);
  });

  test('a passage whose paragraph changed its id is found in the body; one whose text is gone is not', () => {
    const anchor = anchorOf(body, rangeOver('two', 'again'))!;
    document.getElementById('two')!.id = 'renamed';
    expect(findAnchor(body, anchor)!.toString()).toBe('again');
    expect(findAnchor(body, { ...anchor, exact: 'never written' })).toBeUndefined();
  });

  test('anchorOf refuses a selection across paragraphs, or of white space only', () => {
    const range = document.createRange();
    range.setStart(document.getElementById('one')!.firstChild!, 0);
    range.setEnd(document.getElementById('two')!.firstChild!, 4);
    expect(anchorOf(body, range)).toBeUndefined();
    expect(anchorOf(body, rangeOver('one', ' '))).toBeUndefined();
  });
});

describe('anchorsOf', () => {
  /** A range from the start of `from`'s text in its paragraph to the end of `to`'s in its own. */
  const across = (from: [string, string], to: [string, string]) => {
    const range = document.createRange();
    const start = rangeOver(...from);
    const end = rangeOver(...to);
    range.setStart(start.startContainer, start.startOffset);
    range.setEnd(end.endContainer, end.endOffset);
    return range;
  };

  test('a selection within one paragraph is one anchor, as anchorOf gives it', () => {
    const range = rangeOver('two', 'national security again');
    expect(anchorsOf(body, range)).toEqual([anchorOf(body, range)]);
  });

  test('a selection across paragraphs is one anchor in each, each of its part there, in order, and each is found again', () => {
    const anchors = anchorsOf(body, across(['one', 'than defence'], ['two', 'Then national']));
    expect(anchors).toEqual([
      { paragraph: 'one', exact: 'than defence.', prefix: 'National security is more ', suffix: '' },
      { paragraph: 'two', exact: 'Then national', prefix: '', suffix: ' security again, and national se' },
    ]);
    expect(anchors.map((anchor) => findAnchor(body, anchor)!.toString())).toEqual(['than defence.', 'Then national']);
  });

  test('a paragraph in between is whole; a part of white space only, or an empty end, makes no anchor', () => {
    document.body.innerHTML =
      '<div id="b"><p id="a">First one.</p>\n<p id="m">Middle <em>whole</em>.</p>\n<ul><li>Item</li></ul><p id="z">Last.</p></div>';
    body = document.getElementById('b')!;
    const range = document.createRange();
    range.setStart(document.getElementById('a')!.firstChild!, 6); // "one."
    range.setEnd(document.getElementById('z')!.firstChild!, 0); // nothing of "Last."
    expect(anchorsOf(body, range).map(({ paragraph, exact }) => [paragraph, exact])).toEqual([
      ['a', 'one.'],
      ['m', 'Middle whole.'],
      ['', 'Item'],
    ]);
    expect(anchorsOf(body, rangeOver('a', ' '))).toEqual([]);
    const collapsed = document.createRange();
    collapsed.setStart(document.getElementById('a')!.firstChild!, 2);
    expect(anchorsOf(body, collapsed)).toEqual([]);
  });
});

const HIGHLIGHT: Highlight = {
  id: 'a',
  path: '/articles/x/',
  title: 'X',
  note: 'Mine.',
  created: '2026-12-01T00:00:00.000Z',
  paragraph: 'one',
  exact: 'National security',
  prefix: '',
  suffix: ' is more',
};

describe('the store', () => {
  test('says storage is unavailable when the browser refuses it, to read or to write', () => {
    const getter = vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    expect(loadHighlights(KEY)).toEqual({ ok: false, problem: 'unavailable' });
    expect(saveHighlights(KEY, [HIGHLIGHT])).toBe('unavailable');
    getter.mockRestore();
    const read = vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    expect(loadHighlights(KEY)).toEqual({ ok: false, problem: 'unavailable' });
    read.mockRestore();
  });

  test('keeps a change and gives back what it kept; a failed write says why', () => {
    expect(updateHighlights(KEY, () => [HIGHLIGHT])).toEqual({ ok: true, highlights: [HIGHLIGHT] });
    expect(updateHighlights(KEY, (all) => [...all, { ...HIGHLIGHT, id: 'b' }])).toEqual({
      ok: true,
      highlights: [HIGHLIGHT, { ...HIGHLIGHT, id: 'b' }],
    });
    const spy = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    expect(updateHighlights(KEY, (all) => all)).toEqual({ ok: false, problem: 'full' });
    spy.mockRestore();
  });

  test('reads a list with one damaged entry among good ones as damaged, and null or text as damaged', () => {
    for (const raw of [JSON.stringify([HIGHLIGHT, { ...HIGHLIGHT, note: 3 }]), 'null', '"text"']) {
      localStorage.setItem(KEY, raw);
      expect(loadHighlights(KEY)).toEqual({ ok: false, problem: 'corrupt' });
    }
  });

  test('gives every new highlight an id of its own, short and readable', () => {
    const ids = new Set(Array.from({ length: 200 }, newId));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^[0-9a-z]+-[0-9a-z]{1,6}$/u);
  });

  test('has a message for each problem', () => {
    expect(Object.values(PROBLEM_MESSAGES).every((message) => message.length > 20)).toBe(true);
  });

  test('reads nothing as no highlights, and reads back what it keeps', () => {
    expect(loadHighlights(KEY)).toEqual({ ok: true, highlights: [] });
    expect(saveHighlights(KEY, [HIGHLIGHT])).toBeUndefined();
    expect(loadHighlights(KEY)).toEqual({ ok: true, highlights: [HIGHLIGHT] });
  });

  test('says the data is damaged when it is not JSON, or not a list of highlights, and does not write over it', () => {
    for (const raw of ['{', '{"a":1}', '[{"id":"a"}]', '[1]']) {
      localStorage.setItem(KEY, raw);
      expect(loadHighlights(KEY)).toEqual({ ok: false, problem: 'corrupt' });
      expect(updateHighlights(KEY, (all) => [...all, HIGHLIGHT])).toEqual({ ok: false, problem: 'corrupt' });
      expect(localStorage.getItem(KEY)).toBe(raw);
    }
  });

  test('says the storage is full when the browser refuses for its quota', () => {
    const spy = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    expect(saveHighlights(KEY, [HIGHLIGHT])).toBe('full');
    spy.mockImplementation(() => {
      throw new DOMException('no', 'SecurityError');
    });
    expect(saveHighlights(KEY, [HIGHLIGHT])).toBe('unavailable');
    spy.mockRestore();
  });
});

describe('toMarkdown', () => {
  test('groups by article, quotes each passage, gives the note and the addresses', () => {
    const other = {
      ...HIGHLIGHT,
      id: 'b',
      path: '/articles/y/',
      title: 'Y',
      note: '',
      exact: 'Two\nlines',
      lost: true,
    };
    const markdown = toMarkdown(
      [HIGHLIGHT, other, { ...HIGHLIGHT, id: 'c', exact: 'Third' }],
      'Dossier',
      'https://d.example',
      (h) => `${h.path}#${h.id}`,
    );
    expect(markdown).toBe(
      [
        '# Highlights from Dossier',
        '',
        '## X',
        '',
        '<https://d.example/articles/x/>',
        '',
        '> National security',
        '',
        'Note: Mine.',
        '',
        '[The passage](https://d.example/articles/x/#a)',
        '',
        '> Third',
        '',
        'Note: Mine.',
        '',
        '[The passage](https://d.example/articles/x/#c)',
        '',
        '## Y',
        '',
        '<https://d.example/articles/y/>',
        '',
        '> Two',
        '> lines',
        '',
        '[The passage](https://d.example/articles/y/#b) (not found in the article as it is now)',
        '',
      ].join('\n'),
    );
  });
});
