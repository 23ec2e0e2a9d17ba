/**
 * Every page of a build checked as valid HTML: by the W3C's Nu Html Checker (vnu, the
 * validator behind validator.w3.org; it runs on Java) and by html-validate's recommended
 * rules, which add checks vnu does not make, among them labelled controls and headings in
 * order (both find duplicate ids: an anchor must name one place). Reads the built files.
 */
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { HtmlValidate } from 'html-validate';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Lists styled without markers carry role="list" on purpose: Safari's VoiceOver drops list
    // semantics from a list with `list-style: none`, and the role gives them back.
    'no-redundant-role': 'off',
    // Article titles are the authors' own, whole; `<title>` is "<title> — <site name>".
    'long-title': 'off',
    // The search form changes nothing but its own results as the reader types, so it needs no
    // submit button (Enter moves to the first result).
    'wcag/h32': 'off',
  },
});

/** The HTML files of a build, as paths under `dist`. */
export function htmlFiles(dist: string): string[] {
  return readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.html'));
}

/** What html-validate finds wrong in every page of `dist`, one line each. */
export async function htmlValidateProblems(dist: string): Promise<string[]> {
  const problems: string[] = [];
  for (const name of htmlFiles(dist)) {
    const report = await validator.validateFile(join(dist, name));
    for (const result of report.results) {
      for (const m of result.messages) problems.push(`${name}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
  }
  return problems;
}

/** The errors the Nu Html Checker finds in every page of `dist`, one line each. */
export async function vnuErrors(dist: string): Promise<string[]> {
  const jar = String(createRequire(import.meta.url)('vnu-jar'));
  // vnu reports on stderr; it exits non-zero on an error unless told not to. Java writes its
  // performance data into the system's temp folder (`hsperfdata_<user>`) unless told not to.
  const { stderr } = await promisify(execFile)(
    'java',
    [
      '-XX:-UsePerfData',
      '-jar',
      jar,
      '--errors-only',
      '--exit-zero-always',
      '--format',
      'json',
      '--skip-non-html',
      dist,
    ],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  const { messages } = JSON.parse(stderr) as {
    messages: { type: string; url?: string; lastLine?: number; message: string }[];
  };
  return messages.map((m) => `${m.url?.split(`${dist}/`).pop()}:${m.lastLine} ${m.type}: ${m.message}`);
}
