/**
 * The reader's list of highlights (/highlights/): every highlight by article, with its note
 * (editable), a link that lands on the passage marked, removal, and an export of them all as
 * Markdown. Everything stays in the reader's browser.
 */
import { HIGHLIGHTS_KEY } from '../../facts';
import { confirm } from '../share-bar';
import { quoteEdges, textFragment } from '../text-fragment';
import { byArticle, toMarkdown } from './export';
import { loadHighlights, PROBLEM_MESSAGES, updateHighlights, type Highlight } from './store';

/** Longest note, in characters: a note, not an essay. */
const NOTE_MAX = 1000;

/** Whole words at the end (or start) of `text`, at most `count`: context a text directive can name. */
function words(text: string, count: number, atEnd: boolean): string | undefined {
  const all = text.replace(/\s+/gu, ' ').trim().split(' ');
  // The first (or last) word may be cut: context is kept by characters.
  const whole = atEnd ? all.slice(1) : all.slice(0, -1);
  const picked = (atEnd ? whole.slice(-count) : whole.slice(0, count)).join(' ');
  return /[\p{L}\p{N}]/u.test(picked) ? picked : undefined;
}

/** The passage's address: the article with a text fragment naming the quote and the words around it. */
export function passageUrl(highlight: Highlight): string {
  const prefix = words(highlight.prefix, 3, true);
  const suffix = words(highlight.suffix, 3, false);
  return `${highlight.path}${textFragment({ ...(prefix ? { prefix } : {}), ...quoteEdges(highlight.exact), ...(suffix ? { suffix } : {}) })}`;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  properties: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), properties);
  node.append(...children);
  return node;
}

const BUTTON =
  'cursor-pointer rounded-full border border-rule bg-paper-raised px-3 py-1 font-sans text-sm text-ink hover:border-accent hover:text-accent';

/** One highlight's entry: its quote, whether it was found, its note, and its controls. */
function entry(highlight: Highlight, status: HTMLElement): HTMLLIElement {
  const item = element('li', { className: 'border-t border-rule py-5' });
  item.dataset.highlight = highlight.id;
  const quote = element('blockquote', { className: 'highlight-quote' }, highlight.exact);
  quote.setAttribute('dir', 'auto');
  item.append(quote);
  if (highlight.lost) {
    item.append(
      element(
        'p',
        { className: 'mt-2 font-sans text-sm font-semibold text-accent' },
        'Not found in the article as it is now: its text has changed.',
      ),
    );
  }
  const noteId = `note-${highlight.id}`;
  const note = element('textarea', {
    id: noteId,
    value: highlight.note,
    maxLength: NOTE_MAX,
    rows: 2,
    className: 'mt-1 block w-full rounded-md border border-rule bg-paper-raised p-2 font-sans text-base',
  });
  const save = element('button', { type: 'button', className: BUTTON }, 'Save note');
  const remove = element('button', { type: 'button', className: BUTTON }, 'Remove');
  save.setAttribute('aria-describedby', noteId);
  remove.setAttribute('aria-label', `Remove the highlight “${highlight.exact.slice(0, 60)}”`);
  item.append(
    element('label', { className: 'mt-3 block font-sans text-sm text-ink-muted', htmlFor: noteId }, 'Note'),
    note,
    element(
      'p',
      { className: 'mt-2 flex flex-wrap items-center gap-3 font-sans text-sm' },
      element('a', { href: passageUrl(highlight) }, 'Go to the passage'),
      save,
      remove,
    ),
  );
  save.addEventListener('click', () => {
    const result = updateHighlights(HIGHLIGHTS_KEY, (all) =>
      all.map((h) => (h.id === highlight.id ? { ...h, note: note.value.slice(0, NOTE_MAX) } : h)),
    );
    confirm(status, result.ok ? 'Note saved' : PROBLEM_MESSAGES[result.problem]);
  });
  remove.addEventListener('click', () => {
    const result = updateHighlights(HIGHLIGHTS_KEY, (all) => all.filter((h) => h.id !== highlight.id));
    if (!result.ok) return confirm(status, PROBLEM_MESSAGES[result.problem]);
    const group = item.closest('section');
    item.remove();
    if (group && !group.querySelector('li')) group.remove();
    if (result.highlights.length === 0) showEmpty();
    confirm(status, 'Highlight removed');
  });
  return item;
}

const list = document.querySelector<HTMLElement>('[data-highlights-list]')!;
const status = document.querySelector<HTMLElement>('[data-highlights-status]')!;
const tools = document.querySelector<HTMLElement>('[data-highlights-tools]')!;

function showEmpty(): void {
  list.replaceChildren(element('p', { className: 'text-lg' }, 'You have no highlights yet.'));
  tools.replaceChildren();
}

/** The Markdown export, downloaded as a file. */
function exportButton(): HTMLButtonElement {
  const button = element('button', { type: 'button', className: BUTTON }, 'Export (Markdown)');
  button.addEventListener('click', () => {
    const loaded = loadHighlights(HIGHLIGHTS_KEY);
    if (!loaded.ok) return confirm(status, PROBLEM_MESSAGES[loaded.problem]);
    const markdown = toMarkdown(loaded.highlights, list.dataset.site ?? document.title, location.origin, passageUrl);
    const link = element('a', {
      href: URL.createObjectURL(new Blob([markdown], { type: 'text/markdown;charset=utf-8' })),
      download: 'highlights.md',
    });
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 0);
  });
  return button;
}

const loaded = loadHighlights(HIGHLIGHTS_KEY);
if (!loaded.ok) {
  status.textContent = PROBLEM_MESSAGES[loaded.problem];
} else if (loaded.highlights.length === 0) {
  showEmpty();
} else {
  const sections = byArticle(loaded.highlights).map((group) => {
    const items = element('ol', { className: 'mt-2 list-none p-0' }, ...group.items.map((h) => entry(h, status)));
    return element(
      'section',
      { className: 'mt-10' },
      element(
        'h2',
        { className: 'font-serif text-2xl font-semibold' },
        element('a', { href: group.path }, group.title),
      ),
      items,
    );
  });
  list.replaceChildren(...sections);
  const count = loaded.highlights.length;
  tools.replaceChildren(
    element('span', { className: 'font-sans text-sm text-ink-muted' }, `${count} highlight${count === 1 ? '' : 's'}`),
    exportButton(),
  );
}
