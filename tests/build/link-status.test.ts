import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, copyContent, type BuildResult } from './build-helpers';

// Each folder holds a content/link-status/links.json laid over a copy of the real content/.
const FIXTURES = join(import.meta.dirname, 'fixtures/link-status');
const cleanups: (() => Promise<void>)[] = [];
afterAll(() => Promise.all(cleanups.map((c) => c())));

async function buildWith(fixture: string): Promise<BuildResult> {
  const content = await copyContent();
  cleanups.push(content.cleanup);
  await cp(join(FIXTURES, fixture), content.dir, { recursive: true, force: true });
  return astroBuild({ env: { ICP_CONTENT_DIR: content.dir } });
}

describe('the province pages show the committed link statuses (content/link-status/)', () => {
  let built: BuildResult;
  const page = (path: string) => readFile(join(built.outDir, path), 'utf8');
  /** Each link's URL and what is shown beside it, as text. */
  async function statuses(path: string): Promise<Record<string, string>> {
    const html = await page(path);
    const out: Record<string, string> = {};
    for (const item of html.split('<li data-link-kind').slice(1)) {
      const url = /class="link-url[^"]*"[^>]*>([^<]+)</.exec(item)?.[1];
      const status = /data-link-status="([^"]+)"[^>]*>([^<]*)</.exec(item);
      const archive = /data-link-archive[^>]*>(.*?)<\/span>/.exec(item)?.[1]?.replace(/<[^>]+>/g, '');
      if (url) out[url] = `${status?.[1]}: ${status?.[2]}${archive ? ` | ${archive}` : ''}`;
    }
    return out;
  }

  beforeAll(async () => {
    built = await buildWith('statuses');
    expect(built.code, built.output).toBe(0);
  });

  // What each Shanghai link and the one checked Beijing link show, in each language; the other Beijing links have no entry.
  const SHOWN = {
    '': {
      'http://114.80.217.250/':
        'timeout: 自 2026-11-30 起无法打开（服务器无响应；2026-12-07 检查） | 网页存档（web.archive.org，2019-08-01；在中国大陆可能打不开）',
      'https://beian.shca.gov.cn/': 'ok: 2026-12-07 检查：可以打开',
      'https://shca.miit.gov.cn/': 'client-error: 自 2026-11-30 起无法打开（服务器返回 HTTP 404；2026-12-07 检查）',
      'https://beian.miit.gov.cn/#/Integrated/notice_list': 'not-checked: 尚未检查',
      beijing: 'rate-limited: 2026-12-07 检查：服务器要求稍后再试（HTTP 429），未能确认',
      none: 'not-checked: 尚未检查',
    },
    'en/': {
      'http://114.80.217.250/':
        'timeout: Not reachable since 2026-11-30 (no answer from the server; checked 2026-12-07) | Archived copy (web.archive.org, 2019-08-01; may not open in mainland China)',
      'https://beian.shca.gov.cn/': 'ok: Checked 2026-12-07: it answered',
      'https://shca.miit.gov.cn/':
        'client-error: Not reachable since 2026-11-30 (the server answered HTTP 404; checked 2026-12-07)',
      'https://beian.miit.gov.cn/#/Integrated/notice_list': 'not-checked: Not checked yet',
      beijing:
        'rate-limited: Checked 2026-12-07: the server asked us to come back later (HTTP 429), so it is not confirmed',
      none: 'not-checked: Not checked yet',
    },
  };

  it.each(Object.entries(SHOWN))(
    '"%s": the date of the check, since when a link fails, an archived copy, "not checked yet" without an entry',
    async (prefix, shown) => {
      const { beijing: checked, none, ...shanghai } = shown;
      expect(await statuses(`${prefix}provinces/shanghai/index.html`)).toEqual(shanghai);
      const beijing = await statuses(`${prefix}provinces/beijing/index.html`);
      expect(beijing['https://bjca.miit.gov.cn/']).toBe(checked);
      expect(Object.values(beijing).filter((s) => s === none)).toHaveLength(Object.keys(beijing).length - 1);
    },
  );

  it('the archived copy is an ordinary external link, with the rel policy', async () => {
    const html = await page('provinces/shanghai/index.html');
    expect(html).toMatch(
      /<a href="https:\/\/web\.archive\.org\/web\/20190801000000\/http:\/\/114\.80\.217\.250\/" rel="noopener noreferrer"[^>]*>网页存档<\/a>/,
    );
  });

  it('/registry.json carries the same fields, and null for a link not checked yet', async () => {
    const registry = JSON.parse(await page('registry.json')) as {
      provinces: { slug: string; links: { url: string; linkStatus: unknown }[] }[];
    };
    const links = new Map(registry.provinces.flatMap((p) => p.links.map((l) => [l.url, l.linkStatus])));
    expect(links.get('http://114.80.217.250/')).toEqual({
      checked: '2026-12-07',
      class: 'timeout',
      status: null,
      finalUrl: 'http://114.80.217.250/',
      detail: 'no response within the time limit',
      failingSince: '2026-11-30',
      lastOk: '2019-08-01',
      archive: { url: 'https://web.archive.org/web/20190801000000/http://114.80.217.250/', date: '2019-08-01' },
    });
    expect(links.get('http://bj.beian.miit.gov.cn/state/outPortal/queryMutualityDownloadInfo.action?id=7')).toBeNull();
  });
});

describe('a broken status file fails the build, naming the file', () => {
  it.each([
    ['bad-json', /link-status\/links\.json is not valid JSON/],
    [
      'bad-entry',
      /linkStatus → links[\s\S]*https:\/\/bjca\.miit\.gov\.cn\/\.class: Invalid option[\s\S]*link-status\/links\.json/,
    ],
  ])('%s', async (fixture, expected) => {
    const { code, output } = await buildWith(fixture);
    expect(code, output).not.toBe(0);
    expect(output).toMatch(expected);
  });
});
