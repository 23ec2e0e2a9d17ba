import { FORBIDDEN_CHARACTER } from './heuristics';
import { IngestError } from './ingest-error';

/** `U+001B`: how an error names a character. */
function codePoint(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * The lines of a seed's text, ready to parse: without a byte-order mark, NFC-normalised (so
 * `é` typed as `e` + U+0301 is the `é` of every other line), split at any line ending.
 * Refuses a control character or a noncharacter with its line, column and code point:
 * `seeds/x.txt:12: expected text, found U+001B at column 5`.
 */
export function seedLines(text: string, file: string): string[] {
  const lines = text
    .replace(/^\ufeff/u, '')
    .normalize('NFC')
    .split(/\r\n|\r|\n/u);
  lines.forEach((line, index) => {
    const found = FORBIDDEN_CHARACTER.exec(line);
    if (found) {
      const column = [...line.slice(0, found.index)].length + 1;
      throw new IngestError(file, index + 1, 'text', `${codePoint(found[0])} at column ${column}`);
    }
  });
  return lines;
}
