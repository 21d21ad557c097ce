import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { astroBuild, copyContent } from './build-helpers';
import { MAX_FIELD_CHARS, MAX_FILE_BYTES } from '../../src/lib/content-checks';

const FIXTURES = join(import.meta.dirname, 'fixtures/content');
const cleanups: (() => Promise<void>)[] = [];
afterAll(() => Promise.all(cleanups.map((c) => c())));

/** Builds the site from the real content with one fixture laid over it, or changed by `change`. */
async function buildWith(fixture: string | ((content: string) => Promise<void>)) {
  const content = await copyContent();
  cleanups.push(content.cleanup);
  if (typeof fixture === 'string') await cp(join(FIXTURES, fixture), content.dir, { recursive: true, force: true });
  else await fixture(content.dir);
  return astroBuild({ env: { ICP_CONTENT_DIR: content.dir } });
}

/** The build failed, with `expected` in its output and none of Astro's placeholders for a missing path or line. */
async function expectFailure(fixture: Parameters<typeof buildWith>[0], expected: RegExp) {
  const { code, output } = await buildWith(fixture);
  expect(code, output).not.toBe(0);
  expect(output).toMatch(expected);
  expect(output).not.toMatch(/\*\*\*\*|:0:0/);
}

describe('a malformed content file fails the build, naming the file and the field', () => {
  it.each([
    ['missing-field', /tianjin\.yaml[\s\S]*administration/],
    ['unknown-region', /tianjin\.yaml[\s\S]*region/],
    ['one-language-note', /hunan\.yaml[\s\S]*notes\.0\.text\.en/],
    ['session-id', /tianjin\.yaml[\s\S]*links\.0\.url[\s\S]*session id/],
    ['source-without-strength', /sources\/jdcloud\.yaml: strength: /],
    ['link-without-era', /tianjin\.yaml[\s\S]*links\.0\.era/],
    [
      'current-link-historical-source',
      /tianjin\.yaml: links\.0\.source "aliyun-2019" is a historical source, so a link citing it cannot be era: current/,
    ],
    ['duplicate-prefix', /tianjin\.yaml: prefix "京" is also used by [^\n]*beijing\.yaml/],
  ])('%s', async (fixture, expected) => {
    const { code, output } = await buildWith(fixture);
    expect(code, output).not.toBe(0);
    expect(output).toMatch(expected);
  });
});

// file:line: field: reason, one class of defect per fixture (tests/build/fixtures/content/README.md).
describe('every content defect fails the build with file, line, field and reason', () => {
  it.each([
    ['session-id-encoded', /hunan\.yaml:16: links\.0\.url: the URL carries a session id/],
    ['session-id-query', /hunan\.yaml:16: links\.0\.url: the URL carries a session id/],
    ['bidi-url', /hunan\.yaml:16: links\.0\.url: [^\n]*invisible format character \(U\+202E/],
    ['bidi-name', /hunan\.yaml:9: name\.en: [^\n]*invisible format character \(U\+202E/],
    ['zero-width-alias', /hunan\.yaml:11: aliases\.1: [^\n]*invisible format character \(U\+200B/],
    ['not-utf8-byte', /hunan\.yaml:13: the file is not UTF-8 \(byte 0xFF/],
    ['gbk-encoded', /hunan\.yaml:1: the file is not UTF-8/],
    ['empty-file', /hunan\.yaml: the file is empty/],
    ['comments-only', /hunan\.yaml: the file has no data/],
    ['unknown-field', /hunan\.yaml:45: phone: unknown field/],
    ['yaml-syntax', /hunan\.yaml:\d+: not valid YAML: [^\n]*flow collection/],
    ['source-credentials', /jdcloud\.yaml:13: url: the URL carries a user name or password/],
    ['source-session-id', /jdcloud\.yaml:13: url: the URL carries a session id/],
    ['copy-missing', /jdcloud\.yaml:14: copy: no such file: content\/sources\/copies\/jdcloud-2020\.txt/],
    ['copy-outside', /jdcloud\.yaml:14: copy: a copy is a file in content\/sources\/copies\//],
    ['mdx-script', /en\.mdx:49: <script> elements are blocked by the site's Content-Security-Policy/],
    ['mdx-event-handler', /en\.mdx:49: an event-handler attribute \(onerror=\) is inline script/],
    ['mdx-iframe', /en\.mdx:49: <iframe> elements are blocked/],
    ['mdx-style-attribute', /en\.mdx:49: a style attribute is inline CSS/],
    [
      'mdx-form-action',
      /en\.mdx:49: a form that sends to another address \(action="https:\/\/example\.org\/collect"\)/,
    ],
  ])('%s', expectFailure);

  // Too big to commit: made in the copy.
  const appendNote = (text: string) => async (content: string) => {
    const file = join(content, 'provinces/hunan.yaml');
    const yaml = await readFile(file, 'utf8');
    await writeFile(
      file,
      yaml.replace('notes:\n', `notes:\n  - source: aliyun-2019\n    text: { zh: "${text}", en: "${text}" }\n`),
    );
  };
  it('a file over the size limit, refused before it is read', () =>
    expectFailure(
      appendNote('x'.repeat(MAX_FILE_BYTES)),
      /hunan\.yaml: the file is [\d,]+ bytes, over the limit of 1,000,000/,
    ));
  it('a field over the length limit', () =>
    expectFailure(
      appendNote('长'.repeat(MAX_FIELD_CHARS + 1)),
      /hunan\.yaml:\d+: notes\.0\.text\.zh: the text is 20,001 characters, over the limit of 20,000/,
    ));
});
