/**
 * Files of the output folder as the integrations that keep it read and write them: walked,
 * written only where their bytes change, and removed where no build made them. File system
 * only; what to keep is the caller's to say.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

/** A file or folder under a folder: its full path, and its path relative to that folder with `/`. */
export interface Entry {
  path: string;
  relativePath: string;
  isFile: boolean;
}

/** Every file and folder under `dir`, deepest first (a folder after everything in it). */
export function entriesUnder(dir: string): Entry[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return { path, relativePath: relative(dir, path).split(sep).join('/'), isFile: !entry.isDirectory() };
    })
    .sort((a, b) => b.path.length - a.path.length);
}

/**
 * Delete every file under `dir` that `keep` does not keep, then every folder left empty that
 * it does not keep either (never `dir` itself). Returns the deleted files' paths, relative to
 * `dir`, sorted.
 */
export function removeFilesUnder(dir: string, keep: (entry: Entry) => boolean): string[] {
  const removed: string[] = [];
  for (const entry of entriesUnder(dir)) {
    if (keep(entry)) continue;
    if (entry.isFile) {
      unlinkSync(entry.path);
      removed.push(entry.relativePath);
    } else if (readdirSync(entry.path).length === 0) {
      rmdirSync(entry.path);
    }
  }
  return removed.sort();
}

/** Whether the file at `path` holds exactly `content`. */
function holds(path: string, content: Uint8Array): boolean {
  if (!existsSync(path) || statSync(path).size !== content.length) return false;
  return Buffer.compare(readFileSync(path), content) === 0;
}

/**
 * Make `dir` hold exactly `files` (paths relative to it, with `/`): a file is written only
 * when its bytes differ from what is there, and every other file under `dir` is deleted.
 */
export function syncFolder(
  dir: string,
  files: readonly { path: string; content: Uint8Array }[],
): { written: number; unchanged: number; removed: string[] } {
  mkdirSync(dir, { recursive: true });
  let written = 0;
  for (const file of files) {
    const path = join(dir, file.path);
    if (holds(path, file.content)) continue;
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
    written++;
  }
  const paths = new Set(files.map((file) => file.path));
  const removed = removeFilesUnder(dir, (file) => paths.has(file.relativePath));
  return { written, unchanged: files.length - written, removed };
}
