/**
 * Every page of the build is valid HTML, by the W3C's Nu Html Checker (vnu, the validator
 * behind validator.w3.org; it runs on Java) and by html-validate's recommended rules, which
 * add checks vnu does not make, among them labelled controls and headings in order (both
 * find duplicate ids: an anchor must name one place). Reads the built files; no browser needed.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { HtmlValidate } from 'html-validate';
import { DIST } from '../support/site';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Lists styled without markers carry role="list" on purpose: Safari's VoiceOver drops list
    // semantics from a list with `list-style: none`, and the role gives them back.
    'no-redundant-role': 'off',
    // Article titles are the authors' own, whole; `<title>` is "<title> — Dossier".
    'long-title': 'off',
    // The search form changes nothing but its own results as the reader types, so it needs no
    // submit button (Enter moves to the first result).
    'wcag/h32': 'off',
  },
});

test('every page of the build is valid HTML', async () => {
  const files = readdirSync(DIST, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.html'));
  assert.ok(files.length >= 10, `${files.length} pages`);
  const problems: string[] = [];
  for (const name of files) {
    const report = await validator.validateFile(join(DIST, name));
    for (const result of report.results) {
      for (const m of result.messages) problems.push(`${name}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
  }
  assert.deepEqual(problems, []);
});

test('every page of the build passes the Nu Html Checker with no error', async () => {
  const jar = String(createRequire(import.meta.url)('vnu-jar'));
  // vnu reports on stderr; it exits non-zero on an error unless told not to.
  const { stderr } = await promisify(execFile)(
    'java',
    ['-jar', jar, '--errors-only', '--exit-zero-always', '--format', 'json', '--skip-non-html', DIST],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  const { messages } = JSON.parse(stderr) as {
    messages: { type: string; url?: string; lastLine?: number; message: string }[];
  };
  const errors = messages.map((m) => `${m.url?.split(`${DIST}/`).pop()}:${m.lastLine} ${m.type}: ${m.message}`);
  assert.deepEqual(errors, []);
});
