import path from 'node:path';
import { kindOf, type FileSystem } from './file-system';
import { isGenerated, type ArticleFile } from './ingest';
import { IngestError } from './ingest-error';

/** The `.md` entries of the output folder as ingest finds them before it writes. */
export interface OutputFolder {
  dir: string;
  /** Files ingest wrote (they carry its marker), by name, with their contents. */
  generated: Map<string, string>;
  /** Other `.md` entries, by name: what each is (`a hand-written file`, `a folder`). Never touched. */
  others: Map<string, string>;
}

/** What one run changes in the output folder. */
export interface Changes {
  /** Files to write: new, or different from what is there. */
  write: ArticleFile[];
  unchanged: ArticleFile[];
  /** Names of generated files no seed produces any more. */
  stale: string[];
  /** The stale names to remove: all of them with `--prune`, else none. */
  remove: string[];
}

/** The output folder's `.md` entries; a path that is there but not a folder is refused. */
export function readOutputFolder(fs: FileSystem, dir: string, show: (path: string) => string): OutputFolder {
  const folder: OutputFolder = { dir, generated: new Map(), others: new Map() };
  let kind: string;
  try {
    kind = kindOf(fs.statSync(dir));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return folder; // written on the first run
    throw error;
  }
  if (kind !== 'a folder') throw new IngestError(show(dir), undefined, 'a folder for the article files', kind);
  for (const name of fs
    .readdirSync(dir)
    .filter((entry) => entry.endsWith('.md'))
    .sort()) {
    const file = path.join(dir, name);
    const entryKind = kindOf(fs.statSync(file));
    if (entryKind !== 'a file') {
      folder.others.set(name, entryKind);
      continue;
    }
    const contents = fs.readFileSync(file, 'utf8');
    if (isGenerated(contents)) folder.generated.set(name, contents);
    else folder.others.set(name, 'a hand-written file');
  }
  return folder;
}

/**
 * What must change in the folder to hold `files`. Refuses to write over anything that is not
 * ingest's; lists generated files no seed produces (`stale`), and removes them only on `prune`.
 */
export function planChanges(
  files: readonly ArticleFile[],
  folder: OutputFolder,
  prune: boolean,
  show: (path: string) => string,
): Changes {
  const write: ArticleFile[] = [];
  const unchanged: ArticleFile[] = [];
  const produced = new Set<string>();
  for (const file of files) {
    const name = `${file.slug}.md`;
    const other = folder.others.get(name);
    if (other !== undefined) {
      const { source } = file.frontmatter;
      throw new IngestError(
        show(path.join(folder.dir, name)),
        undefined,
        `a file written by ingest (the article at ${source.file}:${source.firstLine} is written there)`,
        `${other}; move or rename it`,
      );
    }
    produced.add(name);
    (folder.generated.get(name) === file.contents ? unchanged : write).push(file);
  }
  const stale = [...folder.generated.keys()].filter((name) => !produced.has(name));
  return { write, unchanged, stale, remove: prune ? stale : [] };
}

/**
 * Make the changes all or nothing. Every new file is written beside its target first
 * (hidden `.ingest-<run>-<n>.tmp` files, which the content loader skips); only when all are
 * written are the files they replace or remove set aside and the new ones renamed into
 * place. A failure at any step undoes the steps before it, in reverse, and is thrown: the
 * folder is left as it was, down to a folder that did not exist. Should an undo fail too, the
 * error says so and where the old files were set aside.
 */
export function commitChanges(
  fs: FileSystem,
  folder: OutputFolder,
  changes: Changes,
  run: string,
  show: (path: string) => string,
): void {
  const undo: (() => void)[] = [];
  const aside: string[] = [];
  const target = (name: string) => path.join(folder.dir, name);
  const hidden = (n: number, ext: string) => target(`.ingest-${run}-${n}.${ext}`);
  try {
    const created = fs.mkdirSync(folder.dir, { recursive: true }); // the first folder it made, if any
    if (created !== undefined) undo.push(() => fs.rmSync(created, { recursive: true }));
    const temps = changes.write.map((file, n) => {
      const temp = hidden(n, 'tmp');
      undo.push(() => fs.rmSync(temp, { force: true })); // a write that fails may leave part of it
      fs.writeFileSync(temp, file.contents);
      return temp;
    });
    const replaced = changes.write.map((file) => `${file.slug}.md`).filter((name) => folder.generated.has(name));
    [...replaced, ...changes.remove].forEach((name, n) => {
      const backup = hidden(n, 'old');
      fs.renameSync(target(name), backup);
      undo.push(() => fs.renameSync(backup, target(name)));
      aside.push(backup);
    });
    changes.write.forEach((file, n) => {
      const name = target(`${file.slug}.md`);
      fs.renameSync(temps[n]!, name);
      undo.push(() => fs.renameSync(name, temps[n]!));
    });
  } catch (error) {
    const failed = undo.reverse().filter((step) => {
      try {
        step();
        return false;
      } catch {
        return true;
      }
    });
    if (failed.length > 0) {
      throw new IngestError(
        show(folder.dir),
        undefined,
        `to put the folder back as it was after "${(error as Error).message}"`,
        `${failed.length} step(s) that could not be undone; the old files are in .ingest-${run}-*.old`,
      );
    }
    throw error;
  }
  for (const backup of aside) fs.rmSync(backup);
}
