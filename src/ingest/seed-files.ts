import path from 'node:path';
import { kindOf, systemError, type FileSystem } from './file-system';
import type { Seed } from './ingest';
import { IngestError } from './ingest-error';

/**
 * The seed files a `--seeds` path names: the file itself, or a folder's `*.txt` by name.
 * Anything but regular files is refused before it is opened: a FIFO would block for ever.
 */
export function seedFiles(fs: FileSystem, seedsPath: string, show: (path: string) => string): string[] {
  let stats;
  try {
    stats = fs.statSync(seedsPath);
  } catch (error) {
    throw systemError(error, show, 'a readable seed file or folder');
  }
  if (stats.isFile()) return [seedsPath];
  if (!stats.isDirectory()) {
    throw new IngestError(show(seedsPath), undefined, 'a seed file or a folder of .txt seeds', kindOf(stats));
  }
  const files = fs
    .readdirSync(seedsPath)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => path.join(seedsPath, name));
  if (files.length === 0) {
    throw new IngestError(show(seedsPath), undefined, 'a folder with at least one .txt seed', 'none');
  }
  for (const file of files) {
    const kind = kindOf(fs.statSync(file));
    if (kind !== 'a file') throw new IngestError(show(file), undefined, 'a seed file', kind);
  }
  return files;
}

/** The 1-based line of the first bytes that are not UTF-8; no UTF-8 character holds a line feed byte. */
function badLine(bytes: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  let line = 1;
  for (let end = bytes.indexOf(0x0a); end !== -1; end = bytes.indexOf(0x0a, start), line++) {
    try {
      decoder.decode(bytes.subarray(start, end));
    } catch {
      return line;
    }
    start = end + 1;
  }
  return line; // the last line, which no line feed ends
}

/** A seed's text, decoded as strict UTF-8 so a corrupt byte is refused with its line, not replaced. */
export function readSeed(fs: FileSystem, file: string, show: (path: string) => string): Seed {
  const bytes = fs.readFileSync(file);
  try {
    return { file: show(file), text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    throw new IngestError(show(file), badLine(bytes), 'UTF-8 text', 'bytes that are not UTF-8');
  }
}
