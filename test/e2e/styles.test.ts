/**
 * Every class the pages carry, or their scripts add, has a rule in the page's stylesheet.
 * Tailwind writes a rule only for the class names it finds in the code it is told to read
 * (article.css reads only the code an article page is made of), and both stylesheets keep
 * some words out of its scan (`@source not inline(…)`: "hidden", "inline", "table"…): a
 * component that used one of them as a class would get no rule and no warning, and a
 * misspelt class fails as quietly. This reads what Chromium applies: the classes of every
 * element (and of the pages' templates) against the class selectors of every rule it parsed.
 */
import assert from 'node:assert/strict';
import type { Page } from '@playwright/test';
import { PLACE_KEY_PREFIX } from '../../src/facts';
import { articlesFromSeed } from '../support/seed-truth';
import { EVERY_PAGE_TYPE, test } from '../support/site';

const ARTICLES = articlesFromSeed();
/** The PSC article: sectioned (contents list) and the longest (a place worth keeping). */
const SECTIONED = ARTICLES.find((a) => a.tags.includes('PSCs'))!;

/**
 * Classes that name what an element is for other code to find, with no style of their own:
 * the partner's credit at an article's end, which the tests' reading of an article leaves out.
 */
const HOOKS = new Set(['partner-credit']);

/** Classes used on the page now, in its DOM and its templates, each with where it was seen. */
function usedClasses(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const used: Record<string, string> = {};
    const roots: ParentNode[] = [document];
    for (let i = 0; i < roots.length; i++) {
      for (const element of roots[i]!.querySelectorAll('[class], template')) {
        if (element instanceof HTMLTemplateElement) roots.push(element.content);
        for (const name of element.classList) used[name] ??= element.outerHTML.slice(0, 120);
      }
    }
    return used;
  });
}

/** Every class named in a selector of the page's style sheets, in any layer, media or nesting. */
function styledClasses(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const names = new Set<string>();
    // A loop over a list, not a recursive function: the test runner's compiler would name it
    // with a helper the page does not have.
    const lists: CSSRuleList[] = [...document.styleSheets].map((sheet) => sheet.cssRules);
    for (let i = 0; i < lists.length; i++) {
      for (const rule of lists[i]!) {
        if (rule instanceof CSSStyleRule) {
          // A class selector: a dot, then the name with CSS escapes (`.max-w-\[44rem\]`).
          for (const [, name] of rule.selectorText.matchAll(/\.((?:\\.|[\w-])+)/g)) {
            names.add(name!.replace(/\\(.)/g, '$1'));
          }
        }
        if ('cssRules' in rule) lists.push((rule as CSSGroupingRule).cssRules);
      }
    }
    return [...names];
  });
}

async function unstyled(page: Page): Promise<string[]> {
  const [used, styled] = await Promise.all([usedClasses(page), styledClasses(page)]);
  const known = new Set(styled);
  return Object.entries(used)
    .filter(([name]) => !known.has(name) && !HOOKS.has(name))
    .map(([name, where]) => `${page.url()}: .${name} on ${where}`);
}

test('every class on a page of each type has a rule in the stylesheet', async ({ page, site }) => {
  const found: string[] = [];
  // And a search with results drawn from the page's templates.
  for (const path of [...EVERY_PAGE_TYPE, 'search/?q=heroin']) {
    await page.goto(`${site.url}${path}`);
    await page.waitForLoadState('networkidle'); // the page's scripts have added what they add
    found.push(...(await unstyled(page)));
  }
  assert.deepEqual(found, []);
});

test('every class the reading scripts add has a rule: the place offer, the quote button, a quote landed on', async ({
  page,
  site,
  newContext,
}) => {
  const url = `${site.url}articles/${SECTIONED.slug}/`;
  await page.goto(url);
  await page.evaluate(
    (key) => localStorage.setItem(key, document.querySelectorAll('#article-body > p[id]')[6]!.id),
    `${PLACE_KEY_PREFIX}${new URL(url).pathname}`,
  );
  await page.reload();
  await page.getByRole('region', { name: 'Your place in this article' }).waitFor();
  await page.locator('#article-body > p').nth(1).selectText();
  await page.getByRole('button', { name: 'Copy link to quote' }).waitFor();
  const found = await unstyled(page);

  const quote = (await page.locator('#article-body > p').nth(2).textContent())!.split(' ').slice(0, 6).join(' ');
  const reader = await (await newContext()).newPage(); // a colleague opens the link
  await reader.goto(`${url}#:~:text=${encodeURIComponent(quote)}`);
  await reader.locator('#article-body mark').waitFor();
  found.push(...(await unstyled(reader)));
  assert.deepEqual(found, []);
  await reader.context().close();
});
