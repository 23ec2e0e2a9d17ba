/**
 * `npm run ingest -- [--seeds <file|dir>] [--out <dir>] [--check]`
 *
 * The only ingest file that touches the file system or the process. It reads the seeds,
 * runs the pure `ingest()`, and only then writes: every file through a temporary file and a
 * rename, and removes the files it wrote earlier that no seed produces any more.
 * Exit status: 0 done (or in sync), 1 `--check` found drift, 2 bad input or usage.
 */
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ARTICLES_DIR, SEEDS_DIR } from '../config';
import { GENERATED_MARKER, ingest, type ArticleFile, type Seed } from './ingest';
import { SeedFormatError } from './seed-error';

const USAGE = 'usage: npm run ingest -- [--seeds <file|dir>] [--out <dir>] [--check]';

/** A path as the reader would type it: relative to the working directory, with `/`. */
function display(file: string): string {
  return path.relative(process.cwd(), path.resolve(file)).split(path.sep).join('/') || '.';
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES') return 'no permission to read it';
  return error instanceof Error ? error.message : String(error);
}

/** The seed files a `--seeds` path names: the file itself, or a folder's `*.txt` by name. */
function seedFiles(seedsPath: string): string[] {
  let names: string[] | undefined;
  try {
    if (statSync(seedsPath).isDirectory()) names = readdirSync(seedsPath);
  } catch (error) {
    throw new SeedFormatError(display(seedsPath), undefined, 'a readable seed file or folder', reason(error));
  }
  if (!names) return [seedsPath];
  const files = names
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => path.join(seedsPath, name));
  if (files.length === 0) {
    throw new SeedFormatError(display(seedsPath), undefined, 'a folder with at least one .txt seed', 'none');
  }
  return files;
}

/** A seed's text, decoded as strict UTF-8 so a corrupt byte is reported, not replaced. */
function readSeed(file: string): Seed {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new SeedFormatError(display(file), undefined, 'a readable seed file', reason(error));
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    return { file: display(file), text: decoder.decode(bytes) };
  } catch {
    // No UTF-8 character contains a line feed byte, so decoding line by line finds the line.
    let line = 1;
    for (let start = 0; start <= bytes.length; line++) {
      const end = bytes.indexOf(0x0a, start);
      const stop = end === -1 ? bytes.length : end;
      try {
        decoder.decode(bytes.subarray(start, stop));
      } catch {
        break;
      }
      start = stop + 1;
    }
    throw new SeedFormatError(display(file), line, 'UTF-8 text', 'bytes that are not UTF-8');
  }
}

/** Every `.md` file in `outDir` with its contents, by name; hand-written ones included. */
function markdownFiles(outDir: string): Map<string, string> {
  let names: string[];
  try {
    names = readdirSync(outDir).filter((name) => name.endsWith('.md'));
  } catch {
    return new Map(); // no output folder yet
  }
  return new Map(names.sort().map((name) => [name, readFileSync(path.join(outDir, name), 'utf8')]));
}

function isGenerated(contents: string): boolean {
  return contents.startsWith(`---\n${GENERATED_MARKER}\n`);
}

interface Plan {
  write: ArticleFile[];
  unchanged: ArticleFile[];
  remove: string[];
}

/** What must change in `outDir` to match `files`; refuses to overwrite a hand-written file. */
function plan(files: readonly ArticleFile[], outDir: string): Plan {
  const existing = markdownFiles(outDir);
  const result: Plan = { write: [], unchanged: [], remove: [] };
  for (const file of files) {
    const name = `${file.slug}.md`;
    const current = existing.get(name);
    if (current !== undefined && !isGenerated(current)) {
      throw new SeedFormatError(
        display(path.join(outDir, name)),
        1,
        `a file written by ingest (its slug comes from ${file.frontmatter.source.file}:${file.frontmatter.source.firstLine})`,
        'a hand-written file; move or rename it',
      );
    }
    (current === file.contents ? result.unchanged : result.write).push(file);
    existing.delete(name);
  }
  for (const [name, contents] of existing) if (isGenerated(contents)) result.remove.push(name);
  return result;
}

function main(argv: string[]): number {
  let options;
  try {
    options = parseArgs({
      args: argv,
      options: {
        seeds: { type: 'string', default: SEEDS_DIR },
        out: { type: 'string', default: ARTICLES_DIR },
        check: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }

  const seedsPath = options.seeds;
  const outDir = options.out;
  let work: Plan;
  let files: ArticleFile[];
  try {
    files = ingest(seedFiles(seedsPath).map(readSeed));
    work = plan(files, outDir);
  } catch (error) {
    if (!(error instanceof SeedFormatError)) throw error;
    console.error(error.message);
    return 2;
  }

  const out = display(outDir);
  if (options.check) {
    const drift = [
      ...work.write.map((f) => `${out}/${f.slug}.md: differs from what ingest writes`),
      ...work.remove.map((name) => `${out}/${name}: no seed produces it any more`),
    ];
    for (const line of drift) console.error(line);
    if (drift.length > 0) {
      console.error(`${drift.length} file(s) out of sync with ${display(seedsPath)}: run \`npm run ingest\``);
      return 1;
    }
    console.log(`${out}: ${files.length} articles in sync with ${display(seedsPath)}`);
    return 0;
  }

  mkdirSync(outDir, { recursive: true });
  for (const file of work.write) {
    const target = path.join(outDir, `${file.slug}.md`);
    const temp = `${target}.${process.pid}.tmp`;
    writeFileSync(temp, file.contents);
    renameSync(temp, target);
    console.log(`wrote     ${display(target)}`);
  }
  for (const file of work.unchanged) console.log(`unchanged ${out}/${file.slug}.md`);
  for (const name of work.remove) {
    rmSync(path.join(outDir, name));
    console.log(`removed   ${out}/${name}`);
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
