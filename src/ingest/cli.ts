/**
 * `npm run ingest -- [--seeds <file|dir>] [--out <dir>] [--check] [--prune]`
 *
 * The ingest shell: the only ingest file that touches the file system (through `Io`, so
 * tests can run `main()` in-process and make a step fail) or the process. It reads every
 * seed and the output folder, runs the pure `ingest()`, plans every change, and only then
 * commits them all or nothing.
 * Exit status: 0 done (stale files listed), 1 `--check` found a difference, 2 bad input or
 * an unusable path, always as one `file[:line]: expected X, found Y` line.
 */
import * as nodeFs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ARTICLES_DIR, SEEDS_DIR } from '../config';
import { systemError, type FileSystem } from './file-system';
import { ingest, readWritten } from './ingest';
import { commitChanges, planChanges, readOutputFolder, type Changes, type OutputFolder } from './output-folder';
import { IngestError } from './ingest-error';
import { readSeed, seedFiles } from './seed-files';

const USAGE = 'usage: npm run ingest -- [--seeds <file|dir>] [--out <dir>] [--check] [--prune]';

/** What the CLI reads, writes and prints through. */
export interface Io {
  fs: FileSystem;
  /** Folder paths are shown relative to. */
  cwd: string;
  /** Names this run's hidden temporary files. */
  run: string;
  out: (line: string) => void;
  err: (line: string) => void;
}

/** The process's own file system, folder and terminal. */
export function processIo(): Io {
  return {
    fs: nodeFs,
    cwd: process.cwd(),
    run: String(process.pid),
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  };
}

/** The options; throws the message that refuses them (an unknown option, an argument). */
function options(argv: string[]) {
  return parseArgs({
    args: argv,
    options: {
      seeds: { type: 'string', default: SEEDS_DIR },
      out: { type: 'string', default: ARTICLES_DIR },
      check: { type: 'boolean', default: false },
      prune: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  }).values;
}

/** What `--check` reports, under the folder's name `out`: every file that differs, is missing or is stale. */
function drift(changes: Changes, folder: OutputFolder, out: string): string[] {
  return [
    ...changes.write.map((file) => {
      const name = `${file.slug}.md`;
      return `${out}/${name}: ${folder.generated.has(name) ? 'differs from what ingest writes' : 'missing'}`;
    }),
    ...changes.stale.map((name) => `${out}/${name}: no seed produces it any more`),
  ];
}

/** Run ingest with `argv` (the arguments after `--`); returns the exit status. */
export function main(argv: string[], io: Io = processIo()): number {
  let opts;
  try {
    opts = options(argv);
  } catch (error) {
    io.err(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (opts.help) {
    io.out(USAGE);
    return 0;
  }
  const show = (file: string) => path.relative(io.cwd, path.resolve(io.cwd, file)).split(path.sep).join('/') || '.';
  const seedsPath = path.resolve(io.cwd, opts.seeds);
  const outDir = path.resolve(io.cwd, opts.out);
  const out = show(outDir);

  try {
    const seeds = seedFiles(io.fs, seedsPath, show).map((file) => readSeed(io.fs, file, show));
    const folder = readOutputFolder(io.fs, outDir, show);
    const written = [...folder.generated].map(([name, contents]) =>
      readWritten(`${out}/${name}`, name.slice(0, -'.md'.length), contents),
    );
    const files = ingest(seeds, written);
    const changes = planChanges(files, folder, opts.prune, show);

    if (opts.check) {
      const lines = drift(changes, folder, out);
      for (const line of lines) io.err(line);
      if (lines.length > 0) {
        io.err(`${lines.length} file(s) out of sync with ${show(seedsPath)}: run \`npm run ingest\``);
        return 1;
      }
      io.out(`${out}: ${files.length} articles in sync with ${show(seedsPath)}`);
      return 0;
    }

    commitChanges(io.fs, folder, changes, io.run, show);
    for (const file of changes.write) io.out(`wrote     ${out}/${file.slug}.md`);
    for (const name of changes.remove) io.out(`removed   ${out}/${name}`);
    if (changes.unchanged.length > 0) io.out(`unchanged ${changes.unchanged.length} file(s) in ${out}`);
    if (!opts.prune) {
      for (const name of changes.stale) {
        io.out(`stale     ${out}/${name}: no seed produces it any more; \`npm run ingest -- --prune\` removes it`);
      }
    }
    return 0;
  } catch (caught) {
    const error = systemError(caught, show);
    io.err(error instanceof IngestError ? error.message : `ingest: ${(error as Error).message ?? String(error)}`);
    return 2;
  }
}

// Run when called as a program (`tsx src/ingest/cli.ts`), not when a test imports `main`.
// Stryker disable next-line all: a mutant here can only show in a child process, where Stryker
// cannot switch mutants on; test/unit/ingest/cli.test.ts runs the program as one all the same.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
