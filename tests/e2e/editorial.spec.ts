// Search presentation, print, structured data and metadata, the changes feeds, the 404s and the repository links.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { parseDocument, DomUtils } from 'htmlparser2';
import yaml from 'js-yaml';

const ROOT = resolve(import.meta.dirname, '../..');
const DIST = resolve(ROOT, process.env.ICP_OUT_DIR ?? 'dist');
const CONTENT = resolve(ROOT, process.env.ICP_CONTENT_DIR ?? 'content');
const PDFTOTEXT = process.env.PDFTOTEXT_PATH ?? '/usr/bin/pdftotext';

// Pagefind, Chromium's PDF printer and axe are slow on a busy 2-core machine.
test.describe.configure({ timeout: 90_000 });

const hitLinks = (page: Page) => page.locator('[data-search-results] > li a[data-search-hit]');
/** The path of a link without the site base (the suite also runs under BASE_PATH=/guide/). */
const sitePath = (href: string) => {
  const url = new URL(href);
  return url.pathname.replace(/^.*?\/((en\/)?(provinces|procedure|sources)\/)/, '/$1') + url.hash;
};

async function search(page: Page, prefix: '' | 'en/', q: string) {
  await page.goto(`${prefix}search/?q=${encodeURIComponent(q)}`);
  await expect(page.locator('[data-search-results]')).toHaveAttribute('data-query', q, { timeout: 20_000 });
}

test.describe('search results', () => {
  test('周五: the query itself is marked (not 每周), the snippet starts at the sentence, the hit opens the note', async ({
    page,
  }) => {
    await search(page, '', '周五');
    const first = page.locator('[data-search-results] > li').first();
    expect(
      sitePath(
        await hitLinks(page)
          .first()
          .evaluate((a) => (a as HTMLAnchorElement).href),
      ),
    ).toBe('/provinces/hunan/#historical-notes');
    const marks = await first.locator('.search-hit-excerpt mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(new Set(marks)).toEqual(new Set(['周五']));
    await expect(first.locator('.search-hit-excerpt')).toHaveText(/^湖南通信管理局每周五统一处理/);
    await hitLinks(page).first().click();
    await expect(page).toHaveURL(/\/provinces\/hunan\/#historical-notes$/);
    await expect(page.locator('#historical-notes')).toBeInViewport();
  });

  test('Friday, in English: the word marked, the snippet is the whole sentence', async ({ page }) => {
    await search(page, 'en/', 'Friday');
    const first = page.locator('[data-search-results] > li').first();
    expect(
      sitePath(
        await hitLinks(page)
          .first()
          .evaluate((a) => (a as HTMLAnchorElement).href),
      ),
    ).toBe('/en/provinces/hunan/#historical-notes');
    await expect(first.locator('.search-hit-excerpt mark')).toHaveText(['Friday']);
    await expect(first.locator('.search-hit-excerpt')).toHaveText(
      'The Hunan administration processes all deregistration applications submitted during the week together, every Friday.',
    );
  });

  test('a storage host name in a note does not make Ningxia a result for hangzhou', async ({ page }) => {
    for (const prefix of ['', 'en/'] as const) {
      await search(page, prefix, 'hangzhou');
      const paths = (await hitLinks(page).evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))).map(
        sitePath,
      );
      expect(paths[0], prefix).toMatch(/\/provinces\/zhejiang\//);
      expect(
        paths.filter((p) => p.includes('ningxia')),
        prefix,
      ).toEqual([]);
    }
    // The note is still on the page, with the host, and its words are still found.
    await search(page, 'en/', 'underscore');
    expect(
      (await hitLinks(page).evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))).map(sitePath),
    ).toContain('/en/provinces/ningxia/#dropped');
  });

  test('switching language keeps the query and the anchor', async ({ page }) => {
    await search(page, '', '周五');
    await page.locator('a[data-lang-switch]').click();
    await expect(page).toHaveURL(/\/en\/search\/\?q=%E5%91%A8%E4%BA%94$/);
    await expect(page.locator('#search-q')).toHaveValue('周五');
    await expect(page.locator('[data-search-results]')).toHaveAttribute('data-query', '周五', { timeout: 20_000 });
    // A query typed after arrival (the page rewrites its URL without an event) is carried too.
    await page.locator('#search-q').fill('Friday');
    await expect(page).toHaveURL(/q=Friday/);
    await page.locator('a[data-lang-switch]').click();
    await expect(page).toHaveURL(/\/search\/\?q=Friday$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

    await page.goto('provinces/hunan/#notes');
    await page.locator('a[data-lang-switch]').click();
    await expect(page).toHaveURL(/\/en\/provinces\/hunan\/#notes$/);
  });
});

/** The page printed by Chromium to PDF, as text (pdftotext, reading order). */
async function printedText(page: Page, path: string): Promise<string> {
  await page.goto(path);
  await page.emulateMedia({ media: 'print' });
  const dir = mkdtempSync(join(tmpdir(), 'icp-print-'));
  try {
    writeFileSync(join(dir, 'page.pdf'), await page.pdf({ format: 'A4', printBackground: false }));
    execFileSync(PDFTOTEXT, ['-layout', '-enc', 'UTF-8', join(dir, 'page.pdf'), join(dir, 'page.txt')]);
    return readFileSync(join(dir, 'page.txt'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const squash = (text: string) => text.replace(/\s+/g, '');

test.describe('print', () => {
  test('a province page: each address once, collapsed sections open, the page address and the print date', async ({
    page,
  }) => {
    const text = squash(await printedText(page, 'en/provinces/hunan/'));
    const url = 'http://hunca.miit.gov.cn/TGJCMS/bgfjxz2/3082.htm';
    expect(text.split(url).length - 1).toBe(1);
    // The cities are in a <details> that is closed on screen.
    await page.emulateMedia({ media: 'screen' });
    await expect(page.locator('details[data-province-names]')).not.toHaveAttribute('open');
    const city = (await page.locator('[data-city]').first().textContent())!;
    expect(text).toContain(squash(city));
    expect(text).not.toMatch(/[▶▸►]/);
    // The footer: the page's address (canonical) and today's date as the page formats it.
    const canonical = await page.locator('link[rel=canonical]').getAttribute('href');
    expect(text).toContain(squash(`Page address: ${canonical}`));
    const today = new Date();
    const formatted = `${today.getDate()} ${today.toLocaleString('en-GB', { month: 'long' })} ${today.getFullYear()}`;
    expect(text).toContain(squash(`Printed on ${formatted}`));
    // The screen is as it was: the stamp is print-only and the cities collapsed again.
    await expect(page.locator('[data-print-stamp]')).toBeHidden();
    await expect(page.locator('details[data-province-names]')).not.toHaveAttribute('open');
  });

  test('the procedure: an IDN host prints readable, once, never percent-encoded', async ({ page }) => {
    const raw = await printedText(page, 'en/procedure/');
    const text = squash(raw);
    expect(text).toContain('域名.信息');
    expect(raw).not.toMatch(/%E5|xn--/i);
    // A link whose text is not its address prints the address after it, once: as many times as there are such links.
    const printedLinks = await page.locator('main a[data-print-href^="https://beian.miit.gov.cn"]').count();
    expect(printedLinks).toBeGreaterThan(0);
    expect(text.split('https://beian.miit.gov.cn').length - 1).toBe(printedLinks);
    expect(text).toContain('Printedon');
  });

  test('in Chinese: the footer labels and the date are Chinese', async ({ page }) => {
    const text = squash(await printedText(page, 'provinces/hunan/'));
    const today = new Date();
    expect(text).toContain(
      squash(`打印日期：${today.getFullYear()} 年 ${today.getMonth() + 1} 月 ${today.getDate()} 日`),
    );
    expect(text).toContain('本页地址：');
  });
});

/** Every built HTML page (relative paths), and its JSON-LD blocks parsed. */
function builtPages(): { path: string; html: string }[] {
  return readdirSync(DIST, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html') && !e.parentPath.includes('pagefind'))
    .map((e) => {
      const file = join(e.parentPath, e.name);
      return { path: file.slice(DIST.length + 1), html: readFileSync(file, 'utf8') };
    });
}
function jsonLd(html: string): { '@type': string; [k: string]: unknown }[] {
  const doc = parseDocument(html);
  return DomUtils.findAll(
    (el) => el.name === 'script' && el.attribs['type'] === 'application/ld+json',
    doc.children,
  ).map((el) => JSON.parse(DomUtils.textContent(el)));
}

test.describe('structured data', () => {
  test('every page has a BreadcrumbList that parses and starts at Home', () => {
    const pages = builtPages();
    expect(pages.length).toBeGreaterThanOrEqual(76);
    for (const { path, html } of pages) {
      const crumbs = jsonLd(html).filter((d) => d['@type'] === 'BreadcrumbList');
      expect(crumbs, path).toHaveLength(1);
      const items = crumbs[0]!['itemListElement'] as { position: number; name: string; item?: string }[];
      expect(items[0]!.name, path).toMatch(/^(首页|Home)$/);
      expect(
        items.map((i) => i.position),
        path,
      ).toEqual(items.map((_, i) => i + 1));
    }
    const hunan = jsonLd(readFileSync(join(DIST, 'en/provinces/hunan/index.html'), 'utf8')).find(
      (d) => d['@type'] === 'BreadcrumbList',
    )!;
    expect(
      (hunan['itemListElement'] as { name: string; item: string }[]).map((i) => [
        i.name,
        new URL(i.item).pathname.replace(/^.*?\/en\//, '/en/'),
      ]),
    ).toEqual([
      ['Home', '/en/'],
      ['Provinces', '/en/provinces/'],
      ['Deregister an ICP filing in Hunan', '/en/provinces/hunan/'],
    ]);
  });

  test('the procedure is a HowTo with its numbered steps, in both languages', () => {
    for (const [file, lang] of [
      ['procedure/index.html', 'zh-CN'],
      ['en/procedure/index.html', 'en'],
    ] as const) {
      const howTo = jsonLd(readFileSync(join(DIST, file), 'utf8')).find((d) => d['@type'] === 'HowTo');
      expect(howTo, file).toBeTruthy();
      expect(howTo!['inLanguage']).toBe(lang);
      const steps = howTo!['step'] as { '@type': string; text: string; url: string }[];
      expect(steps.length, file).toBeGreaterThanOrEqual(3);
      for (const s of steps) {
        expect(s['@type']).toBe('HowToStep');
        expect(s.text).not.toMatch(/<|\*\*|\]\(/);
        expect(new URL(s.url).hash).toMatch(/^#./);
      }
    }
    const en = jsonLd(readFileSync(join(DIST, 'en/procedure/index.html'), 'utf8')).find((d) => d['@type'] === 'HowTo')!;
    expect((en['step'] as { text: string }[])[2]!.text).toMatch(
      /^Open the province's notice with the deregistration form/,
    );
  });

  test('each province page describes its administration as a GovernmentOrganization', async ({ page }) => {
    const slugs = readdirSync(join(CONTENT, 'provinces'))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => f.replace(/\.yaml$/, ''));
    for (const slug of slugs) {
      for (const prefix of ['', 'en/']) {
        const org = jsonLd(readFileSync(join(DIST, prefix, 'provinces', slug, 'index.html'), 'utf8')).find(
          (d) => d['@type'] === 'GovernmentOrganization',
        );
        expect(org, `${prefix}${slug}`).toBeTruthy();
        expect(org!['name'], `${prefix}${slug}`).toMatch(prefix ? /Communications Administration$/ : /通信管理局$/);
      }
    }
    // In the browser too: the blocks are in the head and cause no CSP report.
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto('en/provinces/beijing/');
    const types = await page
      .locator('head script[type="application/ld+json"]')
      .evaluateAll((s) => s.map((x) => JSON.parse(x.textContent!)['@type']));
    expect(types.sort()).toEqual(['BreadcrumbList', 'GovernmentOrganization']);
    expect(errors).toEqual([]);
  });
});

test.describe('metadata', () => {
  test('one site-wide og:image, a real 1200 × 630 PNG, and the other language as og:locale:alternate', async ({
    page,
    request,
  }) => {
    for (const [path, locale, alternate] of [
      ['', 'zh_CN', 'en_US'],
      ['en/provinces/hunan/', 'en_US', 'zh_CN'],
    ] as const) {
      await page.goto(path);
      await expect(page.locator('meta[property="og:locale"]')).toHaveAttribute('content', locale);
      await expect(page.locator('meta[property="og:locale:alternate"]')).toHaveAttribute('content', alternate);
      const image = (await page.locator('meta[property="og:image"]').getAttribute('content'))!;
      expect(image).toMatch(/^https?:\/\/.+\/og\.png$/);
    }
    const png = await request.get('og.png');
    expect(png.headers()['content-type']).toBe('image/png');
    const bytes = await png.body();
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1200, 630]);
  });

  test('the sitemap gives each province its updated date as <lastmod>', async ({ request }) => {
    const sitemap = await (await request.get('sitemap-0.xml')).text();
    const urls = [...sitemap.matchAll(/<url><loc>([^<]+)<\/loc>(?:<lastmod>([^<]+)<\/lastmod>)?/g)];
    expect(urls.length).toBeGreaterThanOrEqual(70);
    for (const [, loc, lastmod] of urls) expect(lastmod, loc).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(urls.some(([, loc]) => /404|\/search\//.test(loc!))).toBe(false);
    for (const file of readdirSync(join(CONTENT, 'provinces'))) {
      const p = yaml.load(readFileSync(join(CONTENT, 'provinces', file), 'utf8')) as {
        slug: string;
        updated: Date | string;
      };
      const updated = p.updated instanceof Date ? p.updated.toISOString().slice(0, 10) : p.updated;
      const entry = urls.find(([, loc]) => loc!.endsWith(`/en/provinces/${p.slug}/`));
      expect(entry?.[2]?.slice(0, 10), p.slug).toBe(updated);
    }
  });
});

/** The change histories in content/: the procedure's per language, each province's in both. */
function changeCounts(): Record<'zh-cn' | 'en', number> {
  const counts = { 'zh-cn': 0, en: 0 };
  for (const file of readdirSync(join(CONTENT, 'procedure'))) {
    const front = yaml.load(
      /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(CONTENT, 'procedure', file), 'utf8'))![1]!,
    ) as {
      lang: 'zh-cn' | 'en';
      changes: unknown[];
    };
    counts[front.lang] += front.changes.length;
  }
  for (const file of readdirSync(join(CONTENT, 'provinces'))) {
    const p = yaml.load(readFileSync(join(CONTENT, 'provinces', file), 'utf8')) as { changes?: unknown[] };
    counts['zh-cn'] += p.changes?.length ?? 0;
    counts.en += p.changes?.length ?? 0;
  }
  return counts;
}

test.describe('the changes feeds', () => {
  for (const [lang, prefix] of [
    ['zh-cn', ''],
    ['en', 'en/'],
  ] as const) {
    test(`${prefix}feed.xml is valid Atom with one entry per change, linked from every page`, async ({
      page,
      request,
    }) => {
      const response = await request.get(`${prefix}feed.xml`);
      expect(response.status()).toBe(200);
      const xml = await response.text();
      await page.goto(prefix);
      const parsed = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'application/xml');
        const ns = 'http://www.w3.org/2005/Atom';
        return {
          error: doc.querySelector('parsererror')?.textContent ?? null,
          root: `${doc.documentElement.namespaceURI} ${doc.documentElement.localName}`,
          ids: [...doc.getElementsByTagNameNS(ns, 'entry')].map(
            (e) => e.getElementsByTagNameNS(ns, 'id')[0]?.textContent,
          ),
          updated: [...doc.getElementsByTagNameNS(ns, 'entry')].map(
            (e) => e.getElementsByTagNameNS(ns, 'updated')[0]?.textContent,
          ),
          self: doc.querySelector('link[rel=self]')?.getAttribute('href'),
        };
      }, xml);
      expect(parsed.error).toBeNull();
      expect(parsed.root).toBe('http://www.w3.org/2005/Atom feed');
      const expected = changeCounts()[lang];
      expect(expected).toBeGreaterThan(0);
      expect(parsed.ids).toHaveLength(expected);
      expect(new Set(parsed.ids).size).toBe(expected);
      for (const u of parsed.updated) expect(u).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
      expect(parsed.self).toMatch(new RegExp(`/${prefix}feed\\.xml$`));
      // Linked from the page: in the head for feed readers, and in the footer for people.
      const head = await page.locator('head link[rel=alternate][type="application/atom+xml"]').getAttribute('href');
      const foot = await page.locator('footer a[data-feed-link]').getAttribute('href');
      expect(head).toBe(foot);
      expect((await request.get(new URL(foot!, page.url()).href)).status()).toBe(200);
      // And beside "last updated" on the pages that have a change history.
      for (const path of [`${prefix}provinces/hunan/`, `${prefix}procedure/`]) {
        await page.goto(path);
        await expect(page.locator('[data-updated-line] a[data-feed-link]'), path).toHaveAttribute('href', foot!);
      }
    });
  }
});

test.describe('404', () => {
  test('a near miss gets a suggestion: /en/provinces/tibet/ → Xizang, /provinces/Guangdong/ → guangdong', async ({
    page,
  }) => {
    const tibet = await page.goto('en/provinces/tibet/');
    expect(tibet?.status()).toBe(404);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    const suggestion = page.locator('[data-near-miss]:visible a');
    await expect(suggestion).toHaveText('Tibet'); // its English name in content/provinces/xizang.yaml
    await suggestion.click();
    await expect(page).toHaveURL(/\/en\/provinces\/xizang\/$/);

    await page.goto('provinces/Guangdong/');
    await expect(page.locator('[data-near-miss]').first().locator('a')).toHaveText('广东');
    await expect(page.locator('[data-near-miss]').first().locator('a')).toHaveAttribute(
      'href',
      /\/provinces\/guangdong\/$/,
    );
    // The English block of the root 404 names it in English, still to the page in the address's language.
    await expect(page.locator('[lang=en] [data-near-miss] a')).toHaveText('Guangdong');

    await page.goto('en/provinces/guangdon/');
    await expect(page.locator('[data-near-miss] a')).toHaveAttribute('href', /\/en\/provinces\/guangdong\/$/);
    await page.goto('en/procedures/');
    await expect(page.locator('[data-near-miss] a')).toHaveAttribute('href', /\/en\/procedure\/$/);
  });

  test('nothing close: no suggestion, the home page and the province list', async ({ page }) => {
    await page.goto('en/provinces/atlantis/');
    await expect(page.locator('[data-near-miss]')).toBeHidden();
    await expect(page.locator('main a:visible')).toHaveText(['Home', 'All provinces']);
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });
    test('the 404 links home and to the province list, and shows no empty suggestion', async ({ page }) => {
      await page.goto('en/provinces/tibet/');
      await expect(page.locator('[data-near-miss]')).toBeHidden();
      await expect(page.locator('main a:visible')).toHaveText(['Home', 'All provinces']);
    });
  });

  test('both 404 pages: axe finds nothing, light and dark', async ({ page }) => {
    for (const path of ['provinces/tibet/', 'en/provinces/tibet/']) {
      await page.goto(path);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        const { violations } = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
          .analyze();
        expect(
          violations.map((v) => `${scheme} ${v.id}`),
          path,
        ).toEqual([]);
      }
    }
  });
});

// The build's SITE_REPO (unset in npm test): the links are there with it, absent without. tests/build/editorial.test.ts
// builds with it set.
const REPO = process.env.SITE_REPO;
test(`"report a problem" and "edit this page" are ${REPO ? 'on every page' : 'absent without SITE_REPO'}`, async ({
  page,
}) => {
  for (const path of ['', 'en/provinces/hunan/', 'procedure/']) {
    await page.goto(path);
    await expect(page.locator('[data-report-problem], [data-edit-page]'), path).toHaveCount(REPO ? 2 : 0);
    await expect(page.locator('footer [data-feed-link]'), path).toHaveCount(1);
  }
});
