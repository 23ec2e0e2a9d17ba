/**
 * A Content-Security-Policy as pages carry it: found in a page's meta element, and read as
 * directives, for the integration that merges every page's policy into `_headers`
 * (security-headers.ts).
 */

/** A page's `<meta http-equiv="content-security-policy" …>` element. */
export const POLICY_META = /<meta\b[^>]*\bhttp-equiv="content-security-policy"[^>]*>/i;

/** The policy in a page's (or a meta element's) policy meta element, entities decoded; undefined without one. */
export function metaPolicy(html: string): string | undefined {
  const meta = POLICY_META.exec(html)?.[0];
  const content = meta && /\bcontent="([^"]*)"/.exec(meta)?.[1];
  return content?.replaceAll('&#39;', "'").replaceAll('&apos;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&');
}

/** A policy's directives in order, each as its name and its sources. */
export function directivesOf(policy: string): [name: string, sources: string[]][] {
  return policy
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .filter(([name]) => name)
    .map(([name, ...sources]) => [name!, sources]);
}
