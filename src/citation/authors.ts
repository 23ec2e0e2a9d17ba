/**
 * The authors a byline names, as citations need them: "Li Wei and Sofia Marquez" is two
 * authors, each split into given names and a family name. A byline says nothing about which
 * name is the family's, so the last word is taken as it (with the lowercase particles before
 * it: "Ludwig van Beethoven" → "van Beethoven"), as citation managers do with a plain name.
 */

/** One author of a citation. */
export interface Author {
  /** Given names, as printed: `Giancarlo Elia`; empty for a one-word name. */
  given: string;
  /** Family name: `Valori`, `van Beethoven`; a one-word name is all family. */
  family: string;
}

/** Separators between the names of a byline: commas, "and", "&" (and a comma before "and"). */
const SEPARATOR = /\s*,\s*(?:and\s+|&\s*)?|\s+(?:and|&)\s+/u;

/** Lowercase words that belong to the family name that follows them. */
const PARTICLE = /^(?:van|von|der|den|de|del|della|di|da|dos|du|la|le|bin|ibn|al|el|ter|ten)$/u;

/** The authors `byline` names, in its order; none for no byline. */
export function authorsOf(byline: string | undefined): Author[] {
  if (!byline) return [];
  return byline
    .split(SEPARATOR)
    .map((name) => name.trim())
    .filter((name) => name !== '')
    .map(splitName);
}

/** Given names and family name of one name as printed. A nickname in quotes stays with the given names. */
export function splitName(name: string): Author {
  const words = name.split(/\s+/u);
  let first = words.length - 1;
  while (first > 1 && PARTICLE.test(words[first - 1]!)) first--;
  return { given: words.slice(0, first).join(' '), family: words.slice(first).join(' ') };
}
