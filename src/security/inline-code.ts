/**
 * The only code pages carry inline, where a file would act too late (after the first paint),
 * with the hashes the Content-Security-Policy allows it by (astro.config.ts): any change to
 * the code changes its hash, so the policy can never allow code the pages do not carry.
 */
import { createHash } from 'node:crypto';
import { THEME_KEY } from '../facts';

/**
 * The reader's chosen theme (src/browser/theme.ts), applied while <head> parses, so the
 * first paint is already in it: no flash of the other palette.
 */
export const APPLY_KEPT_THEME = `try{var t=localStorage.getItem(${JSON.stringify(THEME_KEY)});if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}`;

/**
 * A reader who follows another link while a page is still fading in aborts its view
 * transition, and the browser rejects the transition's promises: caught here, since nothing
 * is wrong, rather than reported as the page's error.
 */
export const QUIET_ABORTED_TRANSITIONS =
  "addEventListener('pagereveal',function(e){var v=e.viewTransition,n=function(){};if(v){v.ready.catch(n);v.finished.catch(n);v.updateCallbackDone.catch(n)}});";

/** The head's one inline script, run before the first paint: the kept theme, and the above. */
export const BEFORE_FIRST_PAINT = APPLY_KEPT_THEME + QUIET_ABORTED_TRANSITIONS;

/**
 * On a phone, the contents list starts folded (TableOfContents.astro), set while the page
 * parses, so the first paint shows the text and nothing moves. Without JavaScript it stays open.
 */
export const FOLD_CONTENTS_ON_PHONES =
  "if (matchMedia('(max-width: 40rem)').matches) document.currentScript.previousElementSibling.open = false;";

/**
 * A search opened from a link (`/search/?q=heroin`) needs Pagefind at once: then the search
 * page moves its preload links out of their `<template>` while <head> parses, so Pagefind's
 * files download beside the page's own, and imports its script (the template's
 * `data-script`). A plain `/search/` leaves them there: its script and Pagefind load only
 * after its first paint (AfterFirstPaint.astro, src/browser/search/search-page.ts).
 */
export const PRELOAD_LINKED_SEARCH =
  'if (/[?&](q|tag)=[^&]/.test(location.search)) { const t = document.currentScript.previousElementSibling; document.head.append(t.content); import(t.dataset.script); }';

/** Without JavaScript the search form is hidden (search.astro's `<noscript>`): it could not search. */
export const HIDE_SEARCH_FORM = '#search-form{display:none}';

/** A CSP source allowing exactly `code` inline: `sha256-<base64>`. */
export const cspHash = (code: string): `sha256-${string}` =>
  `sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}`;
