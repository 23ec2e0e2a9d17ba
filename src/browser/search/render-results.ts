/**
 * The search results as the reader sees them, drawn from the search page's `<template>`s
 * (search.astro): a result at once from its summary, its excerpt and sections once its
 * fragment arrives, and each tag chip's count.
 */
import type { PageSummary } from '../../facts';
import { buildExcerpt, EXCERPT_WORDS, titleWords } from './excerpt';
import type { PagefindResultData, PagefindSearch } from './pagefind-api';
import { MAX_SUB_RESULTS, sectionsHolding, type ResultSection } from './sections';

/** The search page's templates: one for a result, one for a section under it. */
export interface ResultTemplates {
  result: HTMLTemplateElement;
  sub: HTMLTemplateElement;
}

/** The element `selector` finds in `root`, which the templates promise. */
function part<T extends Element>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`search page: expected ${selector} in a result template, found none`);
  return found;
}

/** A copy of a template's first element. */
function copy(template: HTMLTemplateElement): HTMLElement {
  return part<HTMLElement>(template.content, '*').cloneNode(true) as HTMLElement;
}

/** A result as soon as the search returns: title, byline and tags, the excerpt to follow. */
export function renderResult(templates: ResultTemplates, page: PageSummary, href: string): HTMLElement {
  const item = copy(templates.result);
  const link = part<HTMLAnchorElement>(item, '[data-result-link]');
  link.href = href;
  link.textContent = page.title;
  const byline = [page.author && `By ${page.author}`, ...page.tags].filter(Boolean).join(' · ');
  part(item, '[data-result-byline]').textContent = byline;
  return item;
}

/** The sections under a result, each with its excerpt from `content` once that has come. */
function renderSections(
  templates: ResultTemplates,
  item: HTMLElement,
  title: string,
  sections: readonly ResultSection[],
  content?: string,
): void {
  const list = part<HTMLUListElement>(item, '[data-result-subs]');
  list.setAttribute('aria-label', `Sections of ${title}`);
  list.replaceChildren(
    ...sections.map((section) => {
      const subItem = copy(templates.sub);
      const subLink = part<HTMLAnchorElement>(subItem, 'a');
      subLink.href = section.url;
      subLink.textContent = section.title;
      if (content !== undefined) {
        part(subItem, '[data-sub-excerpt]').append(buildExcerpt(document, content, section.locations, 18));
      }
      return subItem;
    }),
  );
  list.hidden = sections.length === 0;
}

/**
 * A result painted whole from its summary alone, for a search opened from a link: its opening
 * words where the excerpt goes and the sections its words fall in, each in a box of the size
 * the excerpt will have (`.result-excerpt`, `.sub-excerpt` in site.css). `fillResult` then
 * changes only text. Returns the sections, for `fillResult`.
 */
export function paintFromSummary(
  templates: ResultTemplates,
  item: HTMLElement,
  page: PageSummary,
  words: readonly number[],
  href: string,
): ResultSection[] {
  part(item, '[data-result-excerpt]').textContent = page.opening ?? '';
  const sections = sectionsHolding(page.sections ?? [], words, href);
  renderSections(templates, item, page.title, sections);
  return sections;
}

/**
 * Add to a rendered result the excerpt, with the matched words marked, and the matching
 * sections: those Pagefind gives, or those `paintFromSummary` painted already.
 */
export function fillResult(
  templates: ResultTemplates,
  item: HTMLElement,
  data: PagefindResultData,
  painted?: readonly ResultSection[],
): void {
  const title = titleWords(data.content, data.meta.title);
  part(item, '[data-result-excerpt]').replaceChildren(
    buildExcerpt(document, data.content, data.locations, EXCERPT_WORDS, title),
  );
  // Sections of the body only: the title (`h1`) is the result itself.
  const sections =
    painted ??
    data.sub_results
      .filter((sub) => sub.anchor && sub.anchor.element !== 'h1' && sub.locations.length > 0)
      .slice(0, MAX_SUB_RESULTS);
  renderSections(templates, item, data.meta.title ?? '', sections, data.content);
}

/** What a result shows before its fragment arrives, from its data when no summary exists. */
export function summaryOf(data: PagefindResultData): PageSummary {
  return { url: data.url, title: data.meta.title ?? data.url, author: data.meta.author, tags: data.filters.tag ?? [] };
}

/**
 * Each tag chip's count in `chips` (the tag fieldset): within the search's results, or with no
 * search, the chip's own `data-total` (its articles in all).
 */
export function renderTagCounts(chips: HTMLElement, search: PagefindSearch | undefined): void {
  const counts = search?.totalFilters.tag ?? {};
  for (const count of chips.querySelectorAll<HTMLElement>('[data-tag-count]')) {
    const tag = count.dataset.tagCount ?? '';
    const n = tag === '' ? (search?.unfilteredResultCount ?? 0) : (counts[tag] ?? 0);
    count.textContent = search ? String(n) : (count.dataset.total ?? '');
    const label = count.closest('label');
    if (label) label.dataset.empty = String(Boolean(search) && n === 0);
  }
}
