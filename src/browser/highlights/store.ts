/**
 * The reader's highlights, kept in their browser's localStorage and nowhere else. Reading and
 * writing say what went wrong (storage disabled, full, or holding what is not a list of
 * highlights) rather than throw, so a page never breaks on it; data that cannot be read is
 * never written over.
 */
import type { Anchor } from './anchor';

/** A highlight: where it is, in which article, and the reader's note. */
export interface Highlight extends Anchor {
  /** Unique among the reader's highlights. */
  id: string;
  /** The article's path, e.g. `/articles/evolutions-of-strategic-intelligence/`. */
  path: string;
  /** The article's title when the highlight was made. */
  title: string;
  /** The reader's note; empty for none. */
  note: string;
  /** When it was made (ISO 8601). */
  created: string;
  /** True when the article, last opened, no longer had its text. */
  lost?: boolean;
}

/** Why the highlights could not be read or kept. */
export type StoreProblem = 'unavailable' | 'corrupt' | 'full';

export type Loaded = { ok: true; highlights: Highlight[] } | { ok: false; problem: StoreProblem };

/** What a reader is told of each problem. */
export const PROBLEM_MESSAGES: Readonly<Record<StoreProblem, string>> = {
  unavailable: 'Highlights cannot be kept: this browser does not allow the site to store anything.',
  corrupt:
    'Your saved highlights could not be read: the data this browser holds for them is damaged. They are left as they are.',
  full: 'This highlight could not be kept: the browser’s storage for this site is full.',
};

const isString = (value: unknown): value is string => typeof value === 'string';

/** Whether `value` is a highlight as this module writes them. */
function isHighlight(value: unknown): value is Highlight {
  if (typeof value !== 'object' || value === null) return false;
  const h = value as Record<string, unknown>;
  return [h.id, h.path, h.title, h.note, h.created, h.paragraph, h.exact, h.prefix, h.suffix].every(isString);
}

/** The storage, or undefined where the browser refuses it (disabled, or a sandbox). */
function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** Every highlight kept under `key`. */
export function loadHighlights(key: string): Loaded {
  const store = storage();
  if (!store) return { ok: false, problem: 'unavailable' };
  let raw: string | null;
  try {
    raw = store.getItem(key);
  } catch {
    return { ok: false, problem: 'unavailable' };
  }
  if (raw === null) return { ok: true, highlights: [] };
  try {
    const data: unknown = JSON.parse(raw);
    if (Array.isArray(data) && data.every(isHighlight)) return { ok: true, highlights: data };
  } catch {
    // Not JSON: reported below.
  }
  return { ok: false, problem: 'corrupt' };
}

/** Keep `highlights` under `key`; the problem, if they could not be kept. */
export function saveHighlights(key: string, highlights: readonly Highlight[]): StoreProblem | undefined {
  const store = storage();
  if (!store) return 'unavailable';
  try {
    store.setItem(key, JSON.stringify(highlights));
    return undefined;
  } catch (error) {
    return error instanceof DOMException && /quota/iu.test(error.name) ? 'full' : 'unavailable';
  }
}

/**
 * Change the kept highlights with `change` and keep the result, reading them afresh first (another
 * tab may have added one). Nothing is written when they could not be read.
 */
export function updateHighlights(
  key: string,
  change: (highlights: Highlight[]) => Highlight[],
): { ok: true; highlights: Highlight[] } | { ok: false; problem: StoreProblem } {
  const loaded = loadHighlights(key);
  if (!loaded.ok) return loaded;
  const next = change(loaded.highlights);
  const problem = saveHighlights(key, next);
  return problem ? { ok: false, problem } : { ok: true, highlights: next };
}

/** A new highlight's id: time and a random part, unique enough for one reader's list. */
export function newId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
