import { FORBIDDEN_CHARACTER, LINE_BREAK, PARAGRAPH_SEPARATOR } from './heuristics';
import { IngestError } from './ingest-error';

/** `U+001B`: how an error names a character. */
function codePoint(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A seed's text as lines, with the lines a paragraph separator (U+2029) ends. */
export interface SeedLines {
  lines: string[];
  /** 0-based indexes of the lines that end in U+2029: each ends its block, as a blank line would. */
  blockEnds: Set<number>;
}

/**
 * The lines of a seed's text, ready to parse: without a byte-order mark, NFC-normalised (so
 * `é` typed as `e` + U+0301 is the `é` of every other line), split at any line break
 * (`LINE_BREAK`: LF, CRLF, CR, U+000B, U+0085, U+2028, U+2029), each counted as one line.
 * Refuses a control character or a noncharacter with its line, column and code point:
 * `seeds/x.txt:12: expected text, found U+001B at column 5`.
 */
export function seedLines(text: string, file: string): SeedLines {
  const lines: string[] = [];
  const blockEnds = new Set<number>();
  const breaks = new RegExp(LINE_BREAK.source, 'gu');
  const normal = text.replace(/^\ufeff/u, '').normalize('NFC');
  let start = 0;
  for (const found of normal.matchAll(breaks)) {
    if (found[0] === PARAGRAPH_SEPARATOR) blockEnds.add(lines.length);
    lines.push(normal.slice(start, found.index));
    start = found.index + found[0].length;
  }
  lines.push(normal.slice(start));
  lines.forEach((line, index) => {
    const found = FORBIDDEN_CHARACTER.exec(line);
    if (found) {
      const column = [...line.slice(0, found.index)].length + 1;
      throw new IngestError(file, index + 1, 'text', `${codePoint(found[0])} at column ${column}`);
    }
  });
  return { lines, blockEnds };
}
