// A build with SITE_REPO set and province change histories: the repository links appear on every page, and the
// feeds carry one entry per change. (The e2e suite checks the default build: no SITE_REPO, no links.)
import { readFile, readdir, writeFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument, DomUtils } from 'htmlparser2';
import { astroBuild, copyContent, type BuildResult } from './build-helpers';

const REPO = 'https://github.com/example/icp-guide';
let build: BuildResult;
let content: Awaited<ReturnType<typeof copyContent>>;

beforeAll(async () => {
  content = await copyContent();
  const hunan = join(content.dir, 'provinces/hunan.yaml');
  const text = (await readFile(hunan, 'utf8')).replace(/^changes:[\s\S]*?(?=^\S|$(?![\s\S]))/m, '');
  await writeFile(
    hunan,
    `${text.trimEnd()}\nchanges:\n  - date: 2026-11-25\n    note: { zh: "更正了 <表格> 链接 & 说明", en: "Corrected the <form> link & note" }\n  - date: 2026-11-24\n    note: { zh: 初稿, en: First version }\n`,
  );
  build = await astroBuild({ env: { ICP_CONTENT_DIR: content.dir, SITE_REPO: REPO, SITE_URL: 'https://example.org' } });
}, 300_000);
afterAll(async () => {
  await content?.cleanup();
  if (build) await rm(join(build.outDir, '..'), { recursive: true, force: true });
});

const page = async (file: string) => parseDocument(await readFile(join(build.outDir, file), 'utf8'));
/** The href of the link inside each element that carries the data attribute. */
const attr = (doc: ReturnType<typeof parseDocument>, selector: string, name: string) =>
  DomUtils.findAll((el) => el.attribs[selector] !== undefined, doc.children).map(
    (el) => DomUtils.findOne((a) => a.name === 'a', [el])?.attribs[name],
  );

describe('with SITE_REPO set', () => {
  it('builds', () => expect(build.code, build.output).toBe(0));

  it('every page has "Report a problem" with its address and title, and "Edit this page" on its content file', async () => {
    const files = (await readdir(build.outDir, { recursive: true })).filter(
      (f) => f.endsWith('.html') && !f.includes('pagefind'),
    );
    expect(files.length).toBeGreaterThanOrEqual(76);
    for (const file of files) {
      const doc = await page(file);
      expect(attr(doc, 'data-report-problem', 'href'), file).toHaveLength(1);
      expect(attr(doc, 'data-edit-page', 'href'), file).toHaveLength(1);
    }
    const hunan = await page('en/provinces/hunan/index.html');
    const report = new URL(attr(hunan, 'data-report-problem', 'href')[0]!);
    expect(`${report.origin}${report.pathname}`).toBe(`${REPO}/issues/new`);
    expect(report.searchParams.get('title')).toBe('Problem on “Deregister an ICP filing in Hunan”');
    expect(report.searchParams.get('body')).toContain('https://example.org/en/provinces/hunan/');
    expect(attr(hunan, 'data-edit-page', 'href')).toEqual([`${REPO}/edit/main/content/provinces/hunan.yaml`]);
    const procedure = await page('procedure/index.html');
    expect(attr(procedure, 'data-edit-page', 'href')).toEqual([`${REPO}/edit/main/content/procedure/zh-cn.mdx`]);
    expect(new URL(attr(procedure, 'data-report-problem', 'href')[0]!).searchParams.get('title')).toMatch(
      /^页面问题：/,
    );
  });

  it('the feeds list the province changes, one entry each, newest first, escaped', async () => {
    for (const [file, note] of [
      ['feed.xml', '更正了 <表格> 链接 & 说明'],
      ['en/feed.xml', 'Corrected the <form> link & note'],
    ] as const) {
      const doc = parseDocument(await readFile(join(build.outDir, file), 'utf8'), { xmlMode: true });
      const entries = DomUtils.getElementsByTagName('entry', doc);
      const hunan = entries.filter((e) =>
        DomUtils.textContent(DomUtils.getElementsByTagName('id', e)[0]!).includes('/provinces/hunan/'),
      );
      expect(
        hunan.map((e) => DomUtils.textContent(DomUtils.getElementsByTagName('summary', e)[0]!)),
        file,
      ).toEqual([note, note === '更正了 <表格> 链接 & 说明' ? '初稿' : 'First version']);
      const updated = (e: (typeof entries)[number]) =>
        DomUtils.textContent(DomUtils.getElementsByTagName('updated', e)[0]!);
      expect(updated(hunan[0]!), file).toBe('2026-11-25T00:00:00Z');
      const dates = entries.map(updated);
      expect(dates, file).toEqual([...dates].sort().reverse());
    }
  });
});
