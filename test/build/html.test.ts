/**
 * Every page of the build is valid HTML, by the W3C's Nu Html Checker and by html-validate's
 * recommended rules (test/support/html-checks.ts). Reads the built files; no browser needed.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { htmlFiles, htmlValidateProblems, vnuErrors } from '../support/html-checks';
import { DIST } from '../support/build-under-test';

test('every page of the build is valid HTML', async () => {
  const files = htmlFiles(DIST);
  assert.ok(files.length >= 10, `${files.length} pages`);
  assert.deepEqual(await htmlValidateProblems(DIST), []);
});

test('every page of the build passes the Nu Html Checker with no error', async () => {
  assert.deepEqual(await vnuErrors(DIST), []);
});
