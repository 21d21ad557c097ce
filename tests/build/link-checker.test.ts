import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/integrations/link-checker/report';
import { astroBuild, copyContent, PROJECT_ROOT, type BuildResult } from './build-helpers';

const FIXTURES = join(PROJECT_ROOT, 'tests/build/fixtures/link-checker');
const NAMES = [
  'clean',
  'cjk-path',
  'missing-page',
  'missing-anchor',
  'session-id',
  'bad-host',
  'missing-asset',
] as const;
type Name = (typeof NAMES)[number];

interface Built extends BuildResult {
  report: JsonReport;
}

let work: string;
const built = {} as Record<Name | 'site' | 'site-broken', Built>;

async function build(
  name: Name | 'site' | 'site-broken',
  root?: string,
  env: Record<string, string> = {},
): Promise<Built> {
  const reportFile = join(work, `${name}.json`);
  const result = await astroBuild({ ...(root ? { root } : {}), env: { ICP_LINK_CHECK_REPORT: reportFile, ...env } });
  const text = await readFile(reportFile, 'utf8').catch(() => {
    throw new Error(`the ${name} build wrote no link report (exit ${result.code}):\n${result.output}`);
  });
  return { ...result, report: JSON.parse(text) as JsonReport };
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'icp-link-checker-'));
  // One at a time: Astro keeps prerender scratch files under <cwd>/.astro, which parallel builds would share.
  for (const name of NAMES) built[name] = await build(name, join(FIXTURES, name));
  built.site = await build('site');
  // The real site with one broken link in its procedure, built by `npm run build`.
  const content = await copyContent();
  await appendFile(join(content.dir, 'procedure/en.mdx'), '\nSee [the missing page](/no-such-page/).\n');
  built['site-broken'] = await build('site-broken', undefined, { ICP_CONTENT_DIR: content.dir });
  await content.cleanup();
});

afterAll(async () => {
  await Promise.all(Object.values(built).map((b) => rm(join(b.outDir, '..'), { recursive: true, force: true })));
  await rm(work, { recursive: true, force: true });
});

describe('the link checker in real builds', () => {
  it('passes the clean fixture: base path, relative links, CJK fragments raw and encoded, srcset, IDN, allow-list', () => {
    const b = built.clean;
    expect(b.output).not.toContain('[ERROR]');
    expect(b.code).toBe(0);
    expect(b.output).toMatch(
      /\[link-checker\] 2 pages, \d+ links .* checked in \d+ ms: 0 errors, 4 warnings \(bare-ip: 1, insecure: 3\), 1 allowed by the allow-list/,
    );
    expect(b.report.errors).toEqual([]);
    // The allow-list waives the one rule it names: the http:// warning on the same link stays.
    expect(b.report.warnings.map((w) => `${w.rule} ${w.link}`).sort()).toEqual([
      'bare-ip http://114.80.217.250/',
      'insecure http://114.80.217.250/',
      'insecure http://legacy_host.example.com/form.doc',
      'insecure http://域名.信息',
    ]);
    expect(b.report.allowed.map((a) => `${a.rule} ${a.link}`)).toEqual([
      'host http://legacy_host.example.com/form.doc',
    ]);
    expect(b.report.config).toMatchObject({ base: '/docs/', trailingSlash: 'always', format: 'directory' });
  });

  it('passes a percent-encoded CJK path that exists (build.format "file", trailingSlash "never")', () => {
    const b = built['cjk-path'];
    expect(b.code).toBe(0);
    expect(b.report.stats.internal).toBeGreaterThanOrEqual(3);
    expect(b.report.errors).toEqual([]);
  });

  const failing: [Name, string, string][] = [
    ['missing-page', 'missing-page', '/ → /nowhere/ → no page at /nowhere/ (the build emitted no nowhere/index.html)'],
    [
      'missing-anchor',
      'missing-anchor',
      '/ → /about/#no-such-section → no element with id "no-such-section" on /about/',
    ],
    [
      'session-id',
      'session-id',
      '/ → http://gz.beian.miit.gov.cn/state/outPortal/queryMutualityDownloadInfo.action;jsessionid=20CC30DE1F206219D0251B410DCD8A56?id=16 → the URL carries a session id',
    ],
    [
      'bad-host',
      'host',
      '/ → http://aliyun_portal_storage.oss-cn-hangzhou.aliyuncs.com/help%2Fbeian%2F%E5%AE%81%E5%A4%8F%E6%B3%A8%E9%94%80%E5%A4%87%E6%A1%88%E7%94%B3%E8%AF%B7%E8%A1%A8.doc → the host "aliyun_portal_storage.oss-cn-hangzhou.aliyuncs.com" is not a valid DNS name',
    ],
    [
      'missing-asset',
      'missing-asset',
      '/ → /images/form.png → no file at /images/form.png (the build emitted no images/form.png)',
    ],
  ];
  it.each(failing)('fails the %s fixture with its reason', (name, rule, line) => {
    const b = built[name];
    expect(b.code).not.toBe(0);
    expect(b.output).toContain(`  ${line}`);
    expect(b.output).toContain('[ERROR] [link-checker] 1 broken link:');
    expect(b.output).toMatch(/1 error on 1 page/);
    expect(b.output).toContain('link-checker: 1 broken link');
    expect(b.report.errors.map((e) => e.rule)).toEqual([rule]);
    expect(b.report.errors[0]?.page).toBe('/');
  });

  it('checks the real site after Astro has exited, and fails `npm run build` on a broken link', () => {
    // scripts/build.mjs runs the check in a process of its own once Astro's has ended: its line comes after Astro's last.
    const site = built.site.output;
    expect(site.indexOf('[link-checker]')).toBeGreaterThan(site.indexOf('[build] Complete!'));
    const b = built['site-broken'];
    expect(b.code).not.toBe(0);
    expect(b.output).toContain('[ERROR] [link-checker] 1 broken link:');
    expect(b.output).toContain(
      '  /en/procedure/ → /no-such-page/ → no page at /no-such-page/ (the build emitted no no-such-page/index.html)',
    );
    expect(b.output).toContain('link-checker: 1 broken link');
    expect(b.output).not.toContain('[search-index]');
    expect(b.report.errors.map((e) => `${e.rule} ${e.page}`)).toEqual(['missing-page /en/procedure/']);
  });

  it('passes the real site, with http:// and the bare-IP Shanghai link as warnings only', () => {
    const b = built.site;
    expect(b.code).toBe(0);
    const line = /\[link-checker\] (\d+) pages, (\d+) links .* checked in \d+ ms: 0 errors, (\d+) warnings/.exec(
      b.output,
    );
    expect(line).not.toBeNull();
    expect(Number(line![1])).toBeGreaterThan(60);
    expect(b.report.errors).toEqual([]);
    expect(new Set(b.report.warnings.map((w) => w.rule))).toEqual(new Set(['insecure', 'bare-ip']));
    expect(
      b.report.warnings
        .filter((w) => w.rule === 'bare-ip')
        .map((w) => w.page)
        .sort(),
    ).toEqual(['/en/provinces/shanghai/', '/provinces/shanghai/']);
    // The IDN link in the procedure is checked as a host after punycode, and passes.
    expect(b.report.external.map((e) => e.url)).toContain('http://xn--eqrt2g.xn--vuq861b/');
  });
});
