import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, test } from 'vitest';
import { kindOf, systemError } from '../../../src/ingest/file-system';
import { IngestError } from '../../../src/ingest/ingest-error';

/** A system call's error, as node throws it. */
const errno = (code: string, syscall: string, path = '/work/content/articles/x.md') =>
  Object.assign(new Error(`${code}: ${syscall}`), { code, syscall, path });
const show = (path: string) => path.replace('/work/', '');

describe('kindOf', () => {
  test('names a file, a folder, and anything else', () => {
    expect(kindOf(statSync(import.meta.filename))).toBe('a file');
    expect(kindOf(statSync(dirname(import.meta.filename)))).toBe('a folder');
    expect(kindOf(statSync('/dev/null'))).toBe('a device or a socket');
  });
});

describe('systemError', () => {
  test('says, in words, what failed, what ingest was doing and at which path', () => {
    const cases: [string, string, string][] = [
      ['ENOENT', 'stat', 'expected a path ingest can read, found no such file or folder'],
      ['EACCES', 'open', 'expected a path ingest can write, found no permission'],
      ['EPERM', 'rename', 'expected a path ingest can rename, found no permission'],
      ['ENOSPC', 'write', 'expected a path ingest can write, found no space left on the device'],
      ['EROFS', 'mkdir', 'expected a path ingest can create, found a read-only file system'],
      ['EISDIR', 'read', 'expected a path ingest can read, found a folder'],
      ['ENOTDIR', 'scandir', 'expected a path ingest can list, found a file where a folder should be'],
      ['ENAMETOOLONG', 'rm', 'expected a path ingest can remove, found a name too long for the file system'],
      ['EEXIST', 'unlink', 'expected a path ingest can remove, found a file already there'],
      ['EIO', 'fsync', 'expected a path ingest can use, found EIO'],
    ];
    const noCall = Object.assign(new Error('EIO'), { code: 'EIO', path: '/work/content/articles/x.md' });
    expect((systemError(noCall, show) as Error).message).toBe(
      'content/articles/x.md: expected a path ingest can use, found EIO',
    );
    for (const [code, syscall, message] of cases) {
      const error = systemError(errno(code, syscall), show);
      expect(error).toBeInstanceOf(IngestError);
      expect((error as IngestError).message).toBe(`content/articles/x.md: ${message}`);
    }
  });

  test('says what was expected, when the caller knows better', () => {
    expect((systemError(errno('ENOENT', 'stat'), show, 'a seed file') as Error).message).toBe(
      'content/articles/x.md: expected a seed file, found no such file or folder',
    );
  });

  test('gives back any other error as it is', () => {
    const plain = new Error('something else');
    const noPath = Object.assign(new Error('no path'), { code: 'EIO' });
    const noCode = Object.assign(new Error('no code'), { path: '/x' });
    const own = new IngestError('seeds/x.txt', 1, 'a', 'b');
    for (const error of [plain, noPath, noCode, own]) expect(systemError(error, show)).toBe(error);
  });
});
