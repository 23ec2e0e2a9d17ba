import { cleanText, keyOf } from './heuristics';

/** Consecutive non-blank lines of a seed, with the 1-based number of the first. */
export interface Block {
  line: number;
  /** The raw lines, as the seed has them. */
  lines: string[];
  /** The lines cleaned and joined with spaces: the text readers see. */
  text: string;
  /** `text` without format characters: what the rules of `heuristics.ts` compare. */
  key: string;
}

/**
 * Group lines into blocks separated by blank lines: a line of only (no-break) spaces or only
 * invisible format characters is blank. A line in `blockEnds` (0-based: it ended in U+2029,
 * the paragraph separator) closes its block too.
 */
export function toBlocks(lines: readonly string[], blockEnds: ReadonlySet<number> = new Set()): Block[] {
  const blocks: Block[] = [];
  let current: string[] = [];
  let first = 0;
  const close = () => {
    if (current.length === 0) return;
    blocks.push({ line: first, lines: current, text: current.map(cleanText).join(' '), key: keyOf(current.join(' ')) });
    current = [];
  };
  lines.forEach((line, index) => {
    if (keyOf(line) === '') return close(); // blank, or invisible format characters only
    if (current.length === 0) first = index + 1;
    current.push(line);
    if (blockEnds.has(index)) close();
  });
  close();
  return blocks;
}

/** A reading position in a seed's blocks; every reader of `parse-seed.ts` moves it forward. */
export class Cursor {
  private index = 0;

  constructor(
    readonly blocks: readonly Block[],
    /** Lines in the file: a final line ending ends the last line rather than starting one. */
    readonly lineCount: number,
  ) {}

  /** The block `ahead` places from here (0: the next one to read), if any. */
  peek(ahead = 0): Block | undefined {
    return this.blocks[this.index + ahead];
  }

  /** The next block, read (undefined at the end, where the cursor stays at the end). */
  next(): Block | undefined {
    return this.blocks[this.index++];
  }

  /** Whether every block has been read. */
  atEnd(): boolean {
    return this.index >= this.blocks.length;
  }
}
