import { createHash } from 'node:crypto';
import { readFile, readdir, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, astroBuild } from './build-helpers';

const outDirs: string[] = [];
afterAll(() => Promise.all(outDirs.map((d) => rm(join(d, '..'), { recursive: true, force: true }))));

/** Every file under `dir` with the SHA-256 of its bytes. */
async function digest(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  const out: Record<string, string> = {};
  for (const file of files.sort())
    out[relative(dir, file)] = createHash('sha256')
      .update(await readFile(file))
      .digest('hex');
  return out;
}

describe('release builds', () => {
  it('are deterministic: two clean builds give byte-identical dist/', async () => {
    const a = await astroBuild();
    const b = await astroBuild();
    outDirs.push(a.outDir, b.outDir);
    expect(a.code, a.output).toBe(0);
    expect(b.code, b.output).toBe(0);
    // Warning-free: content/link-status/links.json is {} until the monitor has run, and that is no warning.
    expect(a.output).not.toMatch(/\[WARN\]/);
    const [da, db] = [await digest(a.outDir), await digest(b.outDir)];
    expect(Object.keys(da).length).toBeGreaterThan(70);
    expect(db).toEqual(da);
  });

  it('work under a base path (/guide/), with every internal link resolving', async () => {
    const build = await astroBuild({ env: { BASE_PATH: '/guide/', SITE_URL: 'https://example.org' } });
    outDirs.push(build.outDir);
    expect(build.code, build.output).toBe(0);
    const html = await readFile(join(build.outDir, 'en/provinces/hunan/index.html'), 'utf8');
    expect(html).toContain('href="/guide/en/provinces/"');
    expect(html).toContain('href="/guide/provinces/hunan/"');
    expect(html).toContain('<link rel="canonical" href="https://example.org/guide/en/provinces/hunan/"');
    expect(html).not.toMatch(/(?:href|src)="\/(?!guide\/)/);
    const sitemap = await readFile(join(build.outDir, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('<loc>https://example.org/guide/en/provinces/hunan/</loc>');
    // Pagefind's notice ships beside each of its bundles, as its package has it.
    const notice = await readFile(join(PROJECT_ROOT, 'node_modules/pagefind/LICENSE/LICENSE'), 'utf8');
    expect(notice).toContain('MIT License');
    for (const bundle of ['pagefind', 'en/pagefind'])
      expect(await readFile(join(build.outDir, bundle, 'LICENSE.txt'), 'utf8')).toBe(notice);
    // robots.txt is read only at the host's root: its rules name the base path, ready to be copied there.
    const robots = await readFile(join(build.outDir, 'robots.txt'), 'utf8');
    expect(robots).toMatch(
      /^# This site is served under \/guide\/;[^\n]*\nUser-agent: \*\nAllow: \/guide\/\n\nSitemap: https:\/\/example\.org\/guide\/sitemap-index\.xml\n$/,
    );
  });
});
