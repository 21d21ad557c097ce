import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { astroBuild, copyContent } from './build-helpers';

const FIXTURES = join(import.meta.dirname, 'fixtures/content');
const cleanups: (() => Promise<void>)[] = [];
afterAll(() => Promise.all(cleanups.map((c) => c())));

/** Builds the site from the real content with one fixture laid over it. */
async function buildWith(fixture: string) {
  const content = await copyContent();
  cleanups.push(content.cleanup);
  await cp(join(FIXTURES, fixture), content.dir, { recursive: true, force: true });
  return astroBuild({ env: { ICP_CONTENT_DIR: content.dir } });
}

describe('a malformed content file fails the build, naming the file and the field', () => {
  it.each([
    ['missing-field', /tianjin\.yaml[\s\S]*administration/],
    ['unknown-region', /tianjin\.yaml[\s\S]*region/],
    ['one-language-note', /hunan\.yaml[\s\S]*notes\.0\.text\.en/],
    ['session-id', /tianjin\.yaml[\s\S]*links\.0\.url[\s\S]*session id/],
    ['source-without-strength', /sources → jdcloud[\s\S]*strength: [\s\S]*sources\/jdcloud\.yaml/],
    ['link-without-era', /tianjin\.yaml[\s\S]*links\.0\.era/],
    ['current-link-historical-source', /tianjin\.yaml: links\.0\.source "aliyun-2019" is a historical source, so a link citing it cannot be era: current/],
    ['duplicate-prefix', /tianjin\.yaml: prefix "京" is also used by [^\n]*beijing\.yaml/],
  ])('%s', async (fixture, expected) => {
    const { code, output } = await buildWith(fixture);
    expect(code, output).not.toBe(0);
    expect(output).toMatch(expected);
  });
});
