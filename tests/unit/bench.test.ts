// The benchmark's own parts (scripts/bench/): the synthetic registries it builds at scale, how it reads a build's
// log, and the reference commit it builds beside the working tree (--against). Wrong here, the bench would time a
// build that fails, report phases that are not there, or compare against the wrong code.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  isoSuffix,
  letters,
  phases,
  snapshotCommit,
  syntheticContent,
  wallRatios,
} from '../../scripts/bench/build.mjs';
import { provinceSchema } from '../../src/schemas/province';
import { CONTENT, loadYamlCollection } from './content-helpers';

describe('synthetic registries', () => {
  const n = 100;
  let dir = '';
  let content = '';
  let entries: Record<string, unknown>[] = [];
  beforeAll(async () => {
    ({ dir, content } = await syntheticContent(n));
    entries = loadYamlCollection('provinces', content).map((f) => f.data);
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('has exactly n provinces, each valid under the real schema', () => {
    expect(entries).toHaveLength(n);
    for (const entry of entries) expect(provinceSchema.safeParse(entry).error?.issues ?? []).toEqual([]);
  });

  it('gives each a unique slug, ISO code, prefix and Chinese name, none taken by a real province', () => {
    const real = loadYamlCollection('provinces');
    for (const field of ['slug', 'iso', 'prefix'] as const) {
      const values = entries.map((e) => e[field]);
      expect(new Set(values).size, field).toBe(n);
      for (const r of real) expect(values, field).not.toContain(r.data[field]);
    }
    expect(new Set(entries.map((e) => (e['name'] as { zh: string }).zh)).size).toBe(n);
  });

  it('copies the rest of the content (sources, procedure) unchanged', () => {
    for (const sub of ['sources', 'procedure']) {
      const files = readdirSync(join(CONTENT, sub)).filter((f) => !f.startsWith('.'));
      for (const f of files.filter((f) => /\.(ya?ml|mdx?)$/.test(f))) {
        expect(readFileSync(join(content, sub, f), 'utf8'), `${sub}/${f}`).toBe(
          readFileSync(join(CONTENT, sub, f), 'utf8'),
        );
      }
    }
  });

  it('names stay unique and well-formed at 26³ entries', () => {
    const slugs = new Set<string>();
    const codes = new Set<string>();
    for (let i = 0; i < 26 ** 3; i++) {
      slugs.add(letters(i));
      codes.add(isoSuffix(i));
    }
    expect(slugs.size).toBe(26 ** 3);
    expect(codes.size).toBe(26 ** 3);
    expect([...slugs].every((s) => /^[a-z]{3}$/.test(s))).toBe(true);
    expect([...codes].every((c) => /^[0-9A-Z]{3}$/.test(c))).toBe(true);
  });

  it('refuses more entries than it can name, before writing anything', async () => {
    const before = readdirSync(tmpdir()).filter((d) => d.startsWith('icp-bench-17577-'));
    await expect(syntheticContent(26 ** 3 + 1)).rejects.toThrow(/at most 17576 entries/);
    expect(readdirSync(tmpdir()).filter((d) => d.startsWith('icp-bench-17577-'))).toEqual(before);
  });
});

describe('phases (where a build went, from its time-stamped log)', () => {
  // The shape of a real `npm run build` log, as measuredBuild records it: seconds since start, and the line.
  const log: [number, string][] = [
    [1.4, '20:44:39 [content] Syncing content'],
    [3.6, '20:44:41 [content] Synced content'],
    [3.6, '20:44:41 [build] ✓ Completed in 2.88s.'], // collecting build info: before rendering, not its end
    [3.6, '20:44:41 [build] Building static entrypoints...'],
    [4.3, '20:44:42 [vite] ✓ built in 689ms'],
    [4.3, ' generating static routes '],
    [15.8, '20:44:53 ✓ Completed in 11.51s.'],
    [15.9, '20:44:53 [build] ✓ Completed in 12.29s.'],
    [19.2, '20:44:57 [link-checker] 10013 pages, 343287 links checked in 3277 ms: 0 errors'],
    [19.2, '20:44:57 [build] Complete!'],
    [26.2, '20:45:04 [search-index] search index: 10004 pages (en 5002, zh-cn 5002), Pagefind 1.6.0, 6849 ms'],
  ];
  const lines = log.map(([t, line]) => ({ t: t * 1000, line }));

  it('splits the wall time into start-up, content, bundling, rendering and after', () => {
    const p = phases(lines, 26_300);
    expect(p).toMatchObject({
      startup: 1400,
      content: 2200,
      bundle: 700,
      render: 15_800 - 4300,
      afterRender: 26_300 - 15_800,
    });
  });

  it('times each integration from the line before its own', () => {
    const p = phases(lines, 26_300);
    expect(Object.keys(p.integrations)).toEqual(['link-checker', 'search-index']);
    expect(p.integrations['link-checker']).toMatchObject({ ms: 19_200 - 15_800 });
    expect(p.integrations['search-index']).toMatchObject({ ms: 26_200 - 19_200 });
    expect(p.integrations['search-index']?.line).toMatch(/^search index: 10004 pages/);
  });

  it('leaves out what the log does not show', () => {
    const p = phases([{ t: 500, line: '[content] Syncing content' }], 1000);
    expect(p).toEqual({ startup: 500, integrations: {} });
  });
});

describe('a reference commit (--against)', () => {
  // A repository of its own, whose working tree differs from its commit: an edited file and an untracked one.
  let repo = '';
  // Whatever the machine's git configuration, the test commits as itself, unsigned.
  const config = ['user.name=bench', 'user.email=bench@example.invalid', 'commit.gpgsign=false'];
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', repo, ...config.flatMap((c) => ['-c', c]), ...args], { encoding: 'utf8' });
  beforeAll(async () => {
    repo = await mkdtemp(join(tmpdir(), 'icp-bench-ref-'));
    git('init', '--quiet');
    writeFileSync(join(repo, 'a.txt'), 'committed\n');
    mkdirSync(join(repo, 'scripts'));
    writeFileSync(join(repo, 'scripts/build.mjs'), '// committed\n');
    git('add', '.');
    git('commit', '--quiet', '-m', 'first');
    writeFileSync(join(repo, 'a.txt'), 'edited, not committed\n');
    writeFileSync(join(repo, 'untracked.txt'), 'never committed\n');
  });
  afterAll(async () => rm(repo, { recursive: true, force: true }));

  it("writes the commit's files, not the working tree's, and links the repository's node_modules", () => {
    const dest = join(repo, '..', `${repo.split('/').pop()}-snapshot`);
    try {
      expect(snapshotCommit(repo, 'HEAD', dest)).toBe(git('rev-parse', 'HEAD').trim());
      expect(readFileSync(join(dest, 'a.txt'), 'utf8')).toBe('committed\n');
      expect(readFileSync(join(dest, 'scripts/build.mjs'), 'utf8')).toBe('// committed\n');
      expect(existsSync(join(dest, 'untracked.txt'))).toBe(false);
      expect(existsSync(join(dest, '.git'))).toBe(false);
      expect(readlinkSync(join(dest, 'node_modules'))).toBe(join(repo, 'node_modules'));
    } finally {
      rmSync(dest, { recursive: true, force: true });
    }
  });

  it('refuses what is not a commit, and an option in its place, naming what it was given', () => {
    const dest = join(repo, 'out');
    expect(() => snapshotCommit(repo, 'no-such-commit', dest)).toThrow(/--against: "no-such-commit" is not a commit/);
    expect(() => snapshotCommit(repo, '--output=x', dest)).toThrow(/"--output=x" is not a commit/);
    expect(() => snapshotCommit(repo, 'HEAD^{tree}', dest)).toThrow(/is not a commit/);
    expect(existsSync(dest)).toBe(false);
  });

  it("says why when the directory is no repository, in git's words", async () => {
    const plain = await mkdtemp(join(tmpdir(), 'icp-bench-norepo-'));
    try {
      expect(() => snapshotCommit(plain, 'HEAD', join(plain, 'out'))).toThrow(/is not a commit of .* \(.*git.*\)$/);
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });
});

describe('wallRatios (this tree against the reference, pair by pair)', () => {
  const runs = (...ms: number[]) => ms.map((wallMs) => ({ wallMs }));

  it('gives the median, lowest and highest ratio of the pairs', () => {
    expect(wallRatios(runs(60, 45, 66), runs(30, 30, 30))).toEqual({ median: 2, min: 1.5, max: 2.2 });
    expect(wallRatios(runs(60, 45), runs(30, 30))).toEqual({ median: 1.75, min: 1.5, max: 2 });
  });

  it('pairs each reference build with the build just before it, and has nothing to say without one', () => {
    expect(wallRatios(runs(50, 90, 40), runs(25))).toEqual({ median: 2, min: 2, max: 2 });
    expect(wallRatios(runs(50), [])).toBeUndefined();
  });
});
