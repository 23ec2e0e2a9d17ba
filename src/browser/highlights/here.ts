/**
 * Whether the reader has kept highlights of this article: a cheap look at the storage, made
 * by the article's script before any highlight code is fetched.
 */
import { HIGHLIGHTS_KEY } from '../../facts';

export function hasHighlightsHere(): boolean {
  try {
    return (localStorage.getItem(HIGHLIGHTS_KEY) ?? '').includes(JSON.stringify(location.pathname));
  } catch {
    return false;
  }
}
