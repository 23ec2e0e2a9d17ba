/**
 * What ingest refuses, as one line `file[:line]: expected X, found Y`: a seed that does not
 * follow the page format (at the line where the problem starts), or a path ingest cannot use
 * (a FIFO, an output path that is a file, a full disk).
 */
export class IngestError extends Error {
  override name = 'IngestError';

  constructor(
    /** Path as the reader would type it, e.g. `seeds/000_4f47ba8be8894ef4.txt`. */
    readonly file: string,
    /** 1-based line where the problem starts; omitted when the file has no lines to point at. */
    readonly line: number | undefined,
    /** What the format calls for at that point. */
    readonly expected: string,
    /** What the seed holds there instead. */
    readonly found: string,
  ) {
    super(`${line === undefined ? file : `${file}:${line}`}: expected ${expected}, found ${found}`);
  }
}

/**
 * A line of seed text quoted for an error message, shortened to `max` characters (never half
 * of one) so the message stays one line.
 */
export function quote(text: string, max = 60): string {
  const characters = [...text];
  return JSON.stringify(characters.length > max ? `${characters.slice(0, max - 1).join('')}…` : text);
}
