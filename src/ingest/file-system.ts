import type * as fs from 'node:fs';
import { IngestError } from './ingest-error';

/** The file-system calls ingest makes: node's, or a test's that fails on cue. */
export type FileSystem = Pick<
  typeof fs,
  'mkdirSync' | 'readdirSync' | 'readFileSync' | 'renameSync' | 'rmSync' | 'statSync' | 'writeFileSync'
>;

/** What a path is, for an error message: `a file`, `a folder`, `a FIFO (named pipe)`… */
export function kindOf(stats: fs.Stats): string {
  if (stats.isFile()) return 'a file';
  if (stats.isDirectory()) return 'a folder';
  return stats.isFIFO() ? 'a FIFO (named pipe)' : 'a device or a socket';
}

/** A system error code in words: `ENOENT` → `no such file or folder`. */
const REASONS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'no permission',
  EPERM: 'no permission',
  ENOSPC: 'no space left on the device',
  EROFS: 'a read-only file system',
  EISDIR: 'a folder',
  ENOTDIR: 'a file where a folder should be',
  ENAMETOOLONG: 'a name too long for the file system',
  EEXIST: 'a file already there',
};

/** What ingest was doing when a system call failed, by the call's name. */
const DOING: Record<string, string> = {
  open: 'write',
  write: 'write',
  read: 'read',
  scandir: 'list',
  stat: 'read',
  rename: 'rename',
  rm: 'remove',
  unlink: 'remove',
  mkdir: 'create',
};

/**
 * A failed system call as ingest's own one-line error, naming the path:
 * `content/articles: expected a path ingest can write, found no space left on the device`.
 * `expected` overrides what the message says was expected. Any other error comes back as it is.
 */
export function systemError(error: unknown, show: (path: string) => string, expected?: string): unknown {
  const { code, path, syscall } = error as NodeJS.ErrnoException;
  if (typeof code !== 'string' || typeof path !== 'string') return error; // not a system call's
  return new IngestError(
    show(path),
    undefined,
    expected ?? `a path ingest can ${DOING[syscall ?? ''] ?? 'use'}`,
    REASONS[code] ?? code,
  );
}
