import { spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './build-helpers';

const FIXTURES = join(PROJECT_ROOT, 'tests/build/fixtures/typography');
const fixture = (name: string) => relative(PROJECT_ROOT, join(FIXTURES, name));

// The real checker (AutoCorrect with the committed .autocorrectrc), run as `npm run check:typography` runs it.
function check(...paths: string[]) {
  const r = spawnSync(process.execPath, ['scripts/check-typography.mjs', ...paths], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
  });
  return { code: r.status, output: `${r.stdout}${r.stderr}` };
}

describe('check-typography', () => {
  it('reports a half-width colon in Chinese text, with file:line and the suggestion', () => {
    const r = check(fixture('bad.yaml'));
    expect(r.code).toBe(1);
    expect(r.output).toContain(`${fixture('bad.yaml')}:2:`);
    expect(r.output).toContain('来源：阿里云');
  });

  it('reports Latin run into CJK on a Chinese page', () => {
    const r = check(fixture('bad-zh.html'));
    expect(r.code).toBe(1);
    expect(r.output).toContain('阿里云和 icp-edi-helper 数据集 (2026) 的');
  });

  it('reports words run together where two tags meet, on an English page too', () => {
    const r = check(fixture('joined-en.html'));
    expect(r.code).toBe(1);
    expect(r.output).toContain('Which case is yours?|Find out first');
    expect(r.output).toContain('A]|[B]');
  });

  it('skips English pages for the CJK rules', () => {
    expect(check(fixture('english.html'))).toMatchObject({ code: 0 });
  });

  it('leaves filing numbers, licence numbers, host names, URLs and English values as written', () => {
    const r = check(fixture('identifiers.yaml'));
    expect(r.output).not.toContain('→');
    expect(r.code).toBe(0);
  });

  it('passes on the content as committed', () => {
    expect(check('content')).toMatchObject({ code: 0 });
  });
});
