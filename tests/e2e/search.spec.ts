import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** Collects console errors (a CSP violation shows up there), uncaught exceptions and dialogs (an injected alert). */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  return problems;
}

type Prefix = '' | 'en/';
const searchUrl = (prefix: Prefix, q: string) => `${prefix}search/?q=${encodeURIComponent(q)}`;
const hits = (page: Page) => page.locator('[data-search-results] > li');
const hitLinks = (page: Page) => page.locator('[data-search-results] > li a[data-search-hit]');

/** A result's path without the site base (tests also run under BASE_PATH=/guide/): "/provinces/zhejiang/". */
const sitePath = (href: string) =>
  new URL(href).pathname.replace(/^.*?\/((en\/)?(provinces|procedure|sources)\/)/, '/$1');
const hitPaths = (page: Page) =>
  hitLinks(page)
    .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))
    .then((hrefs) => hrefs.map(sitePath));

async function firstHitPath(page: Page): Promise<string> {
  await expect(hits(page).first()).toBeVisible();
  return sitePath(
    await hitLinks(page)
      .first()
      .evaluate((a) => (a as HTMLAnchorElement).href),
  );
}

test.describe('the first result is the right page', () => {
  const table: [Prefix, string, string][] = [
    ['', '浙江', 'zhejiang'],
    ['', '浙', 'zhejiang'],
    ['', 'zhejiang', 'zhejiang'],
    ['', 'Zhejiang', 'zhejiang'],
    ['', '杭州', 'zhejiang'],
    ['', 'Hangzhou', 'zhejiang'],
    ['', '深圳', 'guangdong'],
    ['', 'Shenzhen', 'guangdong'],
    ['', '周五', 'hunan'],
    ['', '宁夏 表格', 'ningxia'],
    ['', '内蒙古', 'neimenggu'],
    ['', '内蒙', 'neimenggu'],
    ['', 'Inner Mongolia', 'neimenggu'],
    ['', 'Nei Mongol', 'neimenggu'],
    ['', '西藏', 'xizang'],
    ['', 'Tibet', 'xizang'],
    ['', 'Xizang', 'xizang'],
    ['', '陕西', 'shaanxi'],
    ['', 'shaanxi', 'shaanxi'],
    ['', '山西', 'shanxi'],
    ['', 'shanxi', 'shanxi'],
    // A city that shares a province's name must not outrank the province: 天津河北区, 青海海南州.
    ['', '河北', 'hebei'],
    ['', '海南', 'hainan'],
    ['', '延边', 'jilin'],
    ['', '浦东', 'shanghai'],
    // Word by word, 通辽 is 通 + 辽 and 辽 starts 辽宁: the exact sequence must win.
    ['', '通辽', 'neimenggu'],
    ['', '海东', 'qinghai'],
    ['', '喀什', 'xinjiang'],
    ['', 'Kashi', 'xinjiang'],
    ['en/', 'Zhejiang', 'zhejiang'],
    ['en/', 'zhejiang', 'zhejiang'],
    ['en/', '浙江', 'zhejiang'],
    ['en/', '浙', 'zhejiang'],
    ['en/', 'Hangzhou', 'zhejiang'],
    ['en/', '杭州', 'zhejiang'],
    ['en/', 'Shenzhen', 'guangdong'],
    ['en/', '深圳', 'guangdong'],
    ['en/', 'Friday', 'hunan'],
    ['en/', 'Ningxia form', 'ningxia'],
    ['en/', 'Inner Mongolia', 'neimenggu'],
    ['en/', '内蒙古', 'neimenggu'],
    ['en/', 'Nei Mongol', 'neimenggu'],
    ['en/', 'Tibet', 'xizang'],
    ['en/', '西藏', 'xizang'],
    ['en/', 'Xizang', 'xizang'],
    ['en/', 'Shaanxi', 'shaanxi'],
    ['en/', 'shaanxi', 'shaanxi'],
    ['en/', 'Shanxi', 'shanxi'],
    ['en/', 'shanxi', 'shanxi'],
    ['en/', 'hebei', 'hebei'],
    ['en/', 'Enshi', 'hubei'],
    ['en/', 'Yanbian', 'jilin'],
  ];
  // One page per language, arriving at each query's address in turn (as a shared or bookmarked link would).
  for (const lang of ['', 'en/'] as const) {
    test(`${lang || 'zh/'}: each query's first result`, async ({ page }) => {
      const problems = watch(page);
      for (const [prefix, q, slug] of table.filter(([p]) => p === lang)) {
        await page.goto(searchUrl(prefix, q));
        expect.soft(await firstHitPath(page), `${q} → ${slug}`).toBe(`/${prefix}provinces/${slug}/`);
      }
      expect(problems).toEqual([]);
    });
  }

  test('陕西 and 山西 (shaanxi and shanxi) land on different pages', async ({ page }) => {
    const first = async (prefix: Prefix, q: string) => {
      await page.goto(searchUrl(prefix, q));
      return firstHitPath(page);
    };
    const [a, b, c, d] = [
      await first('', '陕西'),
      await first('', '山西'),
      await first('en/', 'shaanxi'),
      await first('en/', 'shanxi'),
    ];
    expect(a).not.toBe(b);
    expect(c).not.toBe(d);
    expect([a, b, c, d]).toEqual([
      '/provinces/shaanxi/',
      '/provinces/shanxi/',
      '/en/provinces/shaanxi/',
      '/en/provinces/shanxi/',
    ]);
  });
});

test.describe('every province is found by its first listed city', () => {
  // The cities as the built province pages list them (from the division data), so the test follows the data.
  const dist = resolve(import.meta.dirname, '../..', process.env['ICP_OUT_DIR'] ?? 'dist');
  const firstCities = readdirSync(join(dist, 'provinces'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => {
      const html = readFileSync(join(dist, 'provinces', d.name, 'index.html'), 'utf8');
      const m = /<li data-city="\d+">([^<]+) <span[^>]* class="muted">([^<]+)<\/span><\/li>/.exec(html)!;
      return { slug: d.name, zh: m[1]!, pinyin: m[2]!.replace(/&#39;/g, "'") };
    });

  /** The position of the province among the results for `q`, -1 if absent. */
  async function rankOf(page: Page, q: string, slug: string, prefix: Prefix): Promise<number> {
    await page.locator('#search-q').fill(q);
    await expect(page.locator('[data-search-results]')).toHaveAttribute('data-query', q);
    return (await hitPaths(page)).indexOf(`/${prefix}provinces/${slug}/`);
  }

  test('zh: the Chinese name and the pinyin each put the province first', async ({ page }) => {
    expect(firstCities.length).toBe(31);
    await page.goto('search/');
    for (const c of firstCities) {
      expect(await rankOf(page, c.zh, c.slug, ''), c.zh).toBe(0);
      expect(await rankOf(page, c.pinyin, c.slug, ''), c.pinyin).toBe(0);
    }
  });

  test('en: the Chinese name puts the province first, the pinyin among the first five', async ({ page }) => {
    await page.goto('en/search/');
    for (const c of firstCities) {
      expect(await rankOf(page, c.zh, c.slug, 'en/'), c.zh).toBe(0);
      // The English index stems words, and stemming mangles some pinyin (Nanning → nan…): near the top is the promise.
      const rank = await rankOf(page, c.pinyin, c.slug, 'en/');
      expect(rank, c.pinyin).toBeGreaterThanOrEqual(0);
      expect(rank, c.pinyin).toBeLessThan(5);
    }
  });
});

test.describe('a result', () => {
  test('shows the title, the administration and an excerpt with the match marked', async ({ page }) => {
    await page.goto(searchUrl('', '杭州'));
    const hit = hits(page).first();
    await expect(hit.locator('a[data-search-hit]')).toHaveText('浙江');
    await expect(hit.locator('.search-hit-admin')).toHaveText('浙江省通信管理局');
    await expect(hit.locator('.search-hit-excerpt mark').first()).toContainText('杭州');
    // The link's name is the title; the administration and excerpt describe it.
    const described = await hit.locator('a').getAttribute('aria-describedby');
    await expect(page.locator(`[id="${described}"]`)).toContainText('浙江省通信管理局');
    await expect(page.locator('[data-search-status]')).toHaveText(/^\d+ 个结果$/);
  });

  test('in English, with the English administration', async ({ page }) => {
    await page.goto(searchUrl('en/', 'Friday'));
    const hit = hits(page).first();
    await expect(hit.locator('a[data-search-hit]')).toHaveText('Hunan');
    await expect(hit.locator('.search-hit-admin')).toHaveText('Hunan Communications Administration');
    await expect(hit.locator('.search-hit-excerpt mark').first()).toHaveText(/friday/i);
    await expect(page.locator('[data-search-status]')).toHaveText(/^\d+ results?$/);
  });

  test('a province page and the procedure both mention 周五; the province page comes first', async ({ page }) => {
    await page.goto(searchUrl('', '周五'));
    await expect(hits(page).first()).toBeVisible();
    const paths = await hitPaths(page);
    expect(paths[0]).toMatch(/\/provinces\/hunan\/$/);
    expect(paths.some((p) => /\/procedure\/$/.test(p))).toBe(true);
  });

  // Every province page carries the same steps and warnings; they are the procedure's words, not a province's.
  for (const [prefix, q] of [
    ['', '不能撤销'],
    ['en/', 'cannot be undone'],
  ] as const) {
    test(`${prefix || 'zh/'}: words every province page shares find the procedure, not 31 provinces ("${q}")`, async ({
      page,
    }) => {
      await page.goto(searchUrl(prefix, q));
      await expect(hits(page).first()).toBeVisible();
      const paths = await hitPaths(page);
      expect(paths.some((p) => /\/procedure\/$/.test(p))).toBe(true);
      expect(paths.filter((p) => /\/provinces\/[a-z]+\/$/.test(p))).toEqual([]);
    });
  }
  // The same holds for the notice-list link. (The headings' words stay indexed: without them Pagefind gives no
  // section links, and a result could not open the note that matched.)
  for (const [prefix, q] of [
    ['', '打开通知公告列表'],
    ['en/', 'Open the notice list'],
  ] as const) {
    test(`${prefix || 'zh/'}: the link every province page shares lists no province ("${q}")`, async ({ page }) => {
      await page.goto(searchUrl(prefix, q));
      await expect(page.locator('[data-search-results]')).toHaveAttribute('data-query', q);
      expect((await hitPaths(page)).filter((p) => /\/provinces\/[a-z]+\/$/.test(p))).toEqual([]);
    });
  }
});

test.describe('nothing found', () => {
  for (const [prefix, q, text, browse] of [
    ['', 'qwzxqwzx', /没有找到与“qwzxqwzx”相关的页面/, '浏览全部省份'],
    ['en/', 'qwzxqwzx', /Nothing found for “qwzxqwzx”/, 'Browse all provinces'],
  ] as const) {
    test(`${prefix || 'zh/'}: says so and links to the province index`, async ({ page }) => {
      await page.goto(searchUrl(prefix, q));
      const empty = page.locator('[data-search-empty]');
      await expect(empty).toBeVisible();
      await expect(empty).toContainText(text);
      const link = empty.getByRole('link', { name: browse });
      await expect(link).toHaveAttribute('href', new RegExp(`/${prefix}provinces/$`));
      await expect(hits(page)).toHaveCount(0);
      await expect(page.locator('[data-search-status]')).toHaveText(prefix ? 'No results' : '没有结果');
      await link.click();
      await expect(page).toHaveURL(new RegExp(`/${prefix}provinces/$`));
    });
  }
});

test.describe('hostile input: nothing breaks, nothing is injected, the URL round-trips', () => {
  const inputs: [string, string][] = [
    ['2,000 characters', '浙江'.repeat(400) + 'x'.repeat(1200)],
    ['a script tag', '<script>alert(1)</script>'],
    ['HTML with an event handler', '"><img src=x onerror=alert(2)><b>浙江</b>'],
    ['emoji', '🦄🐼 浙江 👨‍👩‍👧'],
    ['only spaces', '     '],
    ['percent signs and ampersands', '%E6%B5%99 & q=1 #top'],
  ];
  for (const [name, value] of inputs) {
    test(name, async ({ page }) => {
      const problems = watch(page);
      await page.goto('search/');
      const input = page.locator('#search-q');
      await input.fill(value);
      await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(value);
      // Let the debounced search run and render.
      await page.waitForTimeout(400);
      if (value.trim()) await expect(page.locator('[data-search-status]')).not.toHaveText('');
      else {
        await expect(page.locator('[data-search-status]')).toHaveText('');
        await expect(page.locator('[data-search-empty]')).toBeHidden();
        await expect(hits(page)).toHaveCount(0);
      }
      const main = page.locator('main');
      await expect(page.locator('script:not([src]):not([type="application/ld+json"])')).toHaveCount(0);
      await expect(main.locator('img, b, [onerror]')).toHaveCount(0);
      const empty = page.locator('[data-search-empty]');
      if (await empty.isVisible()) await expect(empty).toContainText(value.trim().slice(0, 30));
      // Reload the URL: the same query comes back.
      await page.reload();
      await expect(input).toHaveValue(value);
      await page.waitForTimeout(300);
      await expect(main.locator('img, b, [onerror]')).toHaveCount(0);
      expect(problems).toEqual([]);
    });
  }

  test('the query never reaches the page as HTML, even where the page shows it', async ({ page }) => {
    // The region filter leaves nothing to find, so the page quotes the query in its "nothing found" message.
    await page.goto(`${searchUrl('', '<i data-x>qwzxqwzx</i>')}&region=northeast`);
    const empty = page.locator('[data-search-empty]');
    await expect(empty).toBeVisible();
    await expect(empty.locator('[data-search-empty-text]')).toHaveText(
      '没有找到与“<i data-x>qwzxqwzx</i>”相关的页面。',
    );
    await expect(page.locator('main i, [data-x]')).toHaveCount(0);
  });
});

test.describe('the search page', () => {
  test('typing updates the URL; Back returns to the previous search', async ({ page }) => {
    await page.goto(searchUrl('', '浙江'));
    expect(await firstHitPath(page)).toBe('/provinces/zhejiang/');
    await page.locator('#search-q').fill('湖南');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('湖南');
    await expect.poll(() => firstHitPath(page)).toBe('/provinces/hunan/');
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('浙江');
    await expect(page.locator('#search-q')).toHaveValue('浙江');
    await expect(hitLinks(page).first()).toHaveText('浙江');
  });

  test('opening a result and going back restores the search', async ({ page }) => {
    await page.goto(searchUrl('en/', 'Shenzhen'));
    await hitLinks(page).first().click();
    await expect(page).toHaveURL(/\/en\/provinces\/guangdong\/$/);
    await page.goBack();
    await expect(page.locator('#search-q')).toHaveValue('Shenzhen');
    await expect(hitLinks(page).first()).toHaveText('Guangdong');
  });

  test('the region filter narrows the results and goes into the URL', async ({ page }) => {
    await page.goto('en/search/');
    await page.locator('#search-region').selectOption('northwest');
    await expect.poll(() => new URL(page.url()).searchParams.get('region')).toBe('northwest');
    await expect(hits(page)).toHaveCount(5);
    const paths = await hitPaths(page).then((p) => p.sort());
    expect(paths).toEqual(['gansu', 'ningxia', 'qinghai', 'shaanxi', 'xinjiang'].map((s) => `/en/provinces/${s}/`));
    // With a query, the filter keeps only matches in the region: Xi'an is in Shaanxi, not in Hubei (Xiantao).
    await page.locator('#search-q').fill("Xi'an");
    await expect.poll(() => firstHitPath(page)).toBe('/en/provinces/shaanxi/');
    await expect(page.locator('main [data-search-results]')).toHaveAttribute('data-query', "Xi'an");
    // Pagefind may append a weaker match (its prefix search reads "Xi" as the start of "Xia"), but only in the region.
    const northwest = ['gansu', 'ningxia', 'qinghai', 'shaanxi', 'xinjiang'].map((s) => `/en/provinces/${s}/`);
    expect((await hitPaths(page)).filter((p) => !northwest.includes(p))).toEqual([]);
    await page.reload();
    await expect(page.locator('#search-region')).toHaveValue('northwest');
    await expect(page.locator('#search-q')).toHaveValue("Xi'an");
  });

  // Since 2020 every province's route is the paper form from the notice list; none has a current online portal.
  test('the method filter lists the provinces that take the paper form', async ({ page }) => {
    await page.goto('search/?method=form');
    await expect(page.locator('#search-method')).toHaveValue('form');
    await expect(hits(page).first()).toBeVisible();
    const paths = await hitPaths(page).then((p) => p.sort());
    expect(paths.length).toBeGreaterThan(0);
    for (const p of paths)
      await expect
        .soft(page.request.get(p.slice(1)).then((r) => r.text()))
        .resolves.toContain('data-pagefind-filter="method:form"');
  });

  test('an unknown filter value in the URL is ignored', async ({ page }) => {
    const problems = watch(page);
    await page.goto('search/?q=%E6%B5%99%E6%B1%9F&region=%3Cscript%3E');
    await expect(page.locator('#search-region')).toHaveValue('');
    expect(await firstHitPath(page)).toBe('/provinces/zhejiang/');
    expect(problems).toEqual([]);
  });

  test('arrows move from the field through the results, Esc goes back, Enter opens', async ({ page }) => {
    await page.goto(searchUrl('', '周五'));
    await expect(hits(page).nth(1)).toBeVisible();
    const input = page.locator('#search-q');
    await input.focus();
    await page.keyboard.press('ArrowDown');
    await expect(hitLinks(page).first()).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(hitLinks(page).nth(1)).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect(input).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Escape');
    await expect(input).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/provinces\/hunan\/#historical-notes$/); // the section that matched
  });

  test('"/" focuses the search field', async ({ page }) => {
    await page.goto('search/');
    await page.locator('h1').click();
    await page.keyboard.press('/');
    await expect(page.locator('#search-q')).toBeFocused();
    await expect(page.locator('#search-q')).toHaveValue('');
  });
});

test.describe('the header search box', () => {
  test('results as you type; arrows move, Enter opens, Esc closes', async ({ page }) => {
    const problems = watch(page);
    await page.goto('provinces/beijing/');
    const box = page.locator('#site-search-q');
    await box.click();
    await box.pressSequentially('杭州');
    const panel = page.locator('[data-search-panel]');
    await expect(panel).toBeVisible();
    const links = panel.locator('[data-search-results] a');
    await expect(links.first()).toHaveText('浙江');
    await expect(page.locator('header [data-search-status]')).toHaveText(/^\d+ 个结果$/);

    await page.keyboard.press('ArrowDown');
    await expect(links.first()).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(box).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    await expect(box).toBeFocused();
    await expect(box).toHaveValue('杭州');

    await page.keyboard.press('ArrowDown');
    await expect(panel).toBeVisible();
    await expect(links.first()).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/provinces\/zhejiang\/$/);
    expect(problems).toEqual([]);
  });

  test('results that arrive while someone moves through the panel leave focus where it was', async ({ page }) => {
    // On a slow connection the results for 杭 show, the reader moves to the first, and then those for 杭州 arrive.
    let release!: () => void;
    const held = new Promise<void>((done) => (release = done));
    await page.route('**/pagefind/**', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('provinces/beijing/');
    const box = page.locator('#site-search-q');
    const first = page.locator('header [data-search-results] a').first();
    await box.fill('杭');
    await expect(first).toHaveText('浙江');
    await page.keyboard.press('ArrowDown');
    await expect(first).toBeFocused();
    // The later query's input event, as the debounce delivers it after the reader has moved on.
    await box.evaluate((input: HTMLInputElement) => {
      input.value = '杭州';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    release();
    await expect(page.locator('header [data-search-results]')).toHaveAttribute('data-query', '杭州');
    await expect(first).toHaveText('浙江');
    await expect(first).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(box).toBeFocused();
  });

  for (const size of [
    { width: 375, height: 667 },
    { width: 1280, height: 800 },
  ]) {
    test(`a pasted filing number offers its province first, at ${size.width} px`, async ({ page }) => {
      const problems = watch(page);
      await page.setViewportSize(size);
      for (const [prefix, number, name, slug] of [
        ['', '粤ICP备12043194号-1', '广东', 'guangdong'],
        ['en/', '粤ICP备12043194号-1', 'Guangdong', 'guangdong'],
        ['', '粤ICP备', '广东', 'guangdong'],
        ['en/', '浙ICP备2021034567号', 'Zhejiang', 'zhejiang'],
      ] as const) {
        await page.goto(`${prefix}procedure/`);
        const box = page.locator('#site-search-q');
        await box.fill(number);
        const first = page.locator('[data-search-panel] [data-search-results] > li').first();
        await expect(first.locator('a')).toHaveText(name);
        await expect(first.locator('mark')).toHaveText(number);
        expect(sitePath(await first.locator('a').evaluate((a) => (a as HTMLAnchorElement).href))).toBe(
          `/${prefix}provinces/${slug}/`,
        );
        await expect(first).toBeInViewport();
      }
      expect(problems).toEqual([]);
    });
  }

  test('a link to all the results appears when there are more than the panel shows', async ({ page }) => {
    await page.goto('en/sources/');
    const box = page.locator('#site-search-q');
    const all = page.locator('[data-search-all]');
    await box.fill('Hangzhou');
    // Zhejiang only: a storage host in a Ningxia note is not indexed.
    await expect(page.locator('[data-search-panel] [data-search-results] li')).toHaveCount(1);
    await expect(all).toBeHidden();
    await box.fill('Administration');
    await expect(all).toBeVisible();
    await expect(all).toHaveText(/^See all \d+ results$/);
    await all.click();
    await expect(page).toHaveURL(/\/en\/search\/\?q=Administration$/);
    await expect(hits(page)).not.toHaveCount(0);
  });

  test('Enter in the box opens the search page with the query', async ({ page }) => {
    await page.goto('en/provinces/');
    await page.locator('#site-search-q').fill('Tibet');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/en\/search\/\?q=Tibet$/);
    expect(await firstHitPath(page)).toBe('/en/provinces/xizang/');
  });

  test('"/" focuses the box from anywhere on the page, but not while typing in a field', async ({ page }) => {
    await page.goto('en/provinces/zhejiang/');
    await page.locator('h1').click();
    await page.keyboard.press('/');
    const box = page.locator('#site-search-q');
    await expect(box).toBeFocused();
    await page.keyboard.type('/x');
    await expect(box).toHaveValue('/x');
  });

  test('nothing found, with the way to the province index', async ({ page }) => {
    await page.goto('en/procedure/');
    await page.locator('#site-search-q').fill('qwzxqwzx');
    const empty = page.locator('[data-search-panel] [data-search-empty]');
    await expect(empty).toBeVisible();
    await expect(empty).toContainText('Nothing found for “qwzxqwzx”');
    await expect(empty.getByRole('link', { name: 'Browse all provinces' })).toHaveAttribute(
      'href',
      /\/en\/provinces\/$/,
    );
  });

  test('clicking elsewhere closes the results', async ({ page }) => {
    await page.goto('provinces/');
    await page.locator('#site-search-q').fill('浙');
    await expect(page.locator('[data-search-panel]')).toBeVisible();
    await page.locator('footer').click();
    await expect(page.locator('[data-search-panel]')).toBeHidden();
  });
});

test.describe('accessibility with results showing (axe, WCAG 2.2 AA)', () => {
  const axe = async (page: Page) => {
    const { violations } = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  };
  for (const scheme of ['light', 'dark'] as const) {
    test(`the open header panel and the search page, ${scheme}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('provinces/hunan/');
      await page.locator('#site-search-q').fill('杭州');
      await expect(page.locator('[data-search-panel] [data-search-results] li').first()).toBeVisible();
      await axe(page);
      await page.locator('#site-search-q').fill('qwzxqwzx');
      await expect(page.locator('[data-search-panel] [data-search-empty]')).toBeVisible();
      await axe(page);
      await page.goto(searchUrl('en/', 'Friday'));
      await expect(hits(page).first()).toBeVisible();
      await axe(page);
      await page.goto(searchUrl('', 'qwzxqwzx'));
      await expect(page.locator('[data-search-empty]')).toBeVisible();
      await axe(page);
    });
  }

  test('the panel fits a 320 px screen', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto('en/provinces/hunan/');
    await page.locator('#site-search-q').fill('Hangzhou');
    const panel = page.locator('[data-search-panel]');
    await expect(panel).toBeVisible();
    const box = (await panel.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(320);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBeLessThanOrEqual(0);
  });
});

test.describe('cost: nothing is loaded until someone searches', () => {
  test('a province page fetches no search data until the box is focused, and loads ≤ 2 KB gzip of JS', async ({
    page,
  }) => {
    const requests: string[] = [];
    const scripts: Promise<[string, number]>[] = [];
    const onRequest = (r: { url: () => string }) => requests.push(r.url());
    const onResponse = (r: import('@playwright/test').Response) => {
      if (r.request().resourceType() === 'script')
        scripts.push(r.body().then((b) => [r.url(), gzipSync(b, { level: 9 }).length]));
    };
    page.on('request', onRequest);
    page.on('response', onResponse);
    await page.goto('provinces/zhejiang/', { waitUntil: 'networkidle' });
    await page.mouse.move(10, 10);
    await page.locator('h1').click();
    await page.keyboard.press('End');
    await page.waitForTimeout(300);
    page.off('request', onRequest);
    page.off('response', onResponse);
    expect(requests.filter((u) => u.includes('/pagefind/'))).toEqual([]);
    const loaded = await Promise.all(scripts);
    const onLoad = loaded.reduce((n, [, size]) => n + size, 0);
    expect(loaded.length).toBeGreaterThan(0);
    expect(onLoad, `JS on load: ${loaded.map(([u, n]) => `${u} ${n} B`).join(', ')}`).toBeLessThanOrEqual(2048);

    expect(requests.filter((u) => u.endsWith('search-names.json'))).toEqual([]);

    // Focus fetches the small names index; Pagefind comes with the first search that needs it.
    const names = page.waitForRequest((r) => r.url().endsWith('/search-names.json'));
    await page.locator('#site-search-q').focus();
    await names;
    const pagefind = page.waitForRequest((r) => r.url().endsWith('/pagefind/pagefind.js'));
    await page.keyboard.type('周五');
    await pagefind;
  });

  test('each language searches its own Pagefind bundle, beside its pages', async ({ page }) => {
    for (const [path, bundle, query] of [
      ['search/', '/pagefind/', '周五'],
      ['en/search/', '/en/pagefind/', 'Friday'],
    ] as const) {
      const requests: string[] = [];
      const listener = (r: { url: () => string }) => requests.push(new URL(r.url()).pathname);
      page.on('request', listener);
      await page.goto(path);
      const pagefind = page.waitForRequest((r) => new URL(r.url()).pathname === `${bundle}pagefind.js`);
      await page.locator('#search-q').fill(query);
      await pagefind;
      await expect(page.locator('main [data-search-results]')).toHaveAttribute('data-query', query);
      await expect(page.locator('main [data-search-results] a[data-search-hit]').first()).toBeVisible();
      page.off('request', listener);
      const bundles = requests.filter((u) => u.includes('/pagefind/'));
      expect(bundles.length, path).toBeGreaterThan(1);
      expect(
        bundles.filter((u) => !u.startsWith(bundle)),
        path,
      ).toEqual([]);
    }
  });

  test('the home page and the procedure fetch no Pagefind file on load either', async ({ page }) => {
    for (const path of ['', 'en/procedure/']) {
      const requests: string[] = [];
      const listener = (r: { url: () => string }) => requests.push(r.url());
      page.on('request', listener);
      await page.goto(path, { waitUntil: 'networkidle' });
      page.off('request', listener);
      expect(
        requests.filter((u) => u.includes('/pagefind/')),
        path,
      ).toEqual([]);
    }
  });

  test('the search page fetches only the names index on arrival, from this site only, with no inline script', async ({
    page,
  }) => {
    const foreign: string[] = [];
    const requests: string[] = [];
    page.on('request', (r) => {
      requests.push(new URL(r.url()).pathname);
      if (new URL(r.url()).hostname !== '127.0.0.1') foreign.push(r.url());
    });
    const names = page.waitForRequest((r) => r.url().endsWith('/search-names.json'));
    await page.goto('search/');
    await names;
    await page.waitForLoadState('networkidle');
    // Pagefind's ~70 kB engine is not fetched until a search needs it.
    expect(requests.filter((u) => u.includes('/pagefind/'))).toEqual([]);
    await page.locator('#search-q').fill('深圳');
    expect(await firstHitPath(page)).toBe('/provinces/guangdong/');
    await page.locator('#search-q').fill('周五');
    await expect(page.locator('main [data-search-results]')).toHaveAttribute('data-query', '周五');
    expect(await firstHitPath(page)).toBe('/provinces/hunan/');
    expect(requests.some((u) => u.endsWith('/pagefind/pagefind.js'))).toBe(true);
    expect(foreign).toEqual([]);
    expect(await page.locator('script:not([src]):not([type="application/ld+json"])').count()).toBe(0);
    expect(await page.locator('[style]').count()).toBe(0);
  });
});

test.describe('names first: provinces, cities and prefixes answered before Pagefind loads', () => {
  test('typing 杭州 in the header shows Zhejiang first before any request to /pagefind/', async ({ page }) => {
    const problems = watch(page);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    // What the panel shows at the moment Pagefind is first requested.
    const shownAtFirstPagefindRequest: (string | null)[] = [];
    await page.route('**/pagefind/**', async (route) => {
      if (shownAtFirstPagefindRequest.length === 0) {
        shownAtFirstPagefindRequest.push(
          await page.evaluate(() => document.querySelector('header [data-search-results] a')?.textContent ?? null),
        );
      }
      await route.continue();
    });
    await page.goto('provinces/beijing/', { waitUntil: 'networkidle' });
    expect(requests.filter((u) => u.includes('/pagefind/') || u.endsWith('search-names.json'))).toEqual([]);
    await page.locator('#site-search-q').fill('杭州');
    const links = page.locator('header [data-search-results] a');
    await expect(links.first()).toHaveText('浙江');
    // Pagefind still loads, after the names results, and its hits follow them without moving the first.
    await expect(page.locator('header [data-search-results]')).toHaveAttribute('data-query', '杭州');
    expect(shownAtFirstPagefindRequest).toEqual(['浙江']);
    await expect(links.first()).toHaveText('浙江');
    const names = requests.findIndex((u) => u.endsWith('/search-names.json'));
    const pagefind = requests.findIndex((u) => u.includes('/pagefind/'));
    expect(names).toBeGreaterThanOrEqual(0);
    expect(pagefind).toBeGreaterThan(names);
    expect(problems).toEqual([]);
  });

  test('周五 is not a name: Pagefind answers it (full text) in the header box too', async ({ page }) => {
    await page.goto('provinces/beijing/');
    await page.locator('#site-search-q').fill('周五');
    await expect(page.locator('header [data-search-results]')).toHaveAttribute('data-query', '周五');
    await expect(page.locator('header [data-search-results] a').first()).toHaveText('湖南');
  });

  test('the region filter applies to the names results (with Pagefind unavailable, they alone answer)', async ({
    page,
  }) => {
    await page.route('**/pagefind/**', (route) => route.abort());
    await page.goto(`${searchUrl('en/', 'xian')}&region=central`);
    await expect(hits(page).first()).toBeVisible();
    let paths = await hitPaths(page);
    expect(paths).toContain('/en/provinces/hubei/'); // Xiantao
    expect(paths).not.toContain('/en/provinces/shaanxi/');
    await page.locator('#search-region').selectOption('northwest');
    await expect.poll(() => firstHitPath(page)).toBe('/en/provinces/shaanxi/'); // Xi'an
    paths = await hitPaths(page);
    expect(paths).not.toContain('/en/provinces/hubei/');
    // 杭州 is Zhejiang, in the east: no names hit in the north, so only (the unavailable) Pagefind could answer.
    await page.goto(`${searchUrl('en/', '杭州')}&region=north`);
    await expect(page.locator('[data-search-status]')).toHaveText(/not available/);
    await expect(hits(page)).toHaveCount(0);
  });
});

test.describe('the province page names its cities', () => {
  test('a collapsed list gives the visible reason for a city alias', async ({ page }) => {
    await page.goto('provinces/zhejiang/');
    const names = page.locator('details[data-province-names]');
    await expect(names).not.toHaveAttribute('open', /.*/);
    await expect(names.locator('summary')).toHaveText('其他名称和下辖城市（11 个）');
    await names.locator('summary').click();
    await expect(names.locator('li', { hasText: '杭州市' })).toContainText('Hangzhou');
    await page.goto('en/provinces/beijing/');
    const bj = page.locator('details[data-province-names]');
    await expect(bj.locator('summary')).toHaveText('Other names and districts (16)');
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the header box leads to the province index, which says how to find a city without search', async ({ page }) => {
    for (const [prefix, h1, note] of [
      ['', '各省通信管理局', /站内搜索需要 JavaScript.*Ctrl\+F/],
      ['en/', 'Provinces', /Site search needs JavaScript.*Ctrl\+F/],
    ] as const) {
      await page.goto(`${prefix}provinces/zhejiang/`);
      await page.locator('#site-search-q').fill('杭州');
      await page.locator('form[data-search-box] button[type="submit"]').click();
      await expect(page).toHaveURL(/\/provinces\/\?q=/);
      await expect(page.locator('h1')).toHaveText(h1);
      await expect(page.locator('main [data-search-noscript]')).toBeVisible();
      await expect(page.locator('main [data-search-noscript]')).toHaveText(note);
      // Every city is on the page, in a collapsed list find in page opens.
      const cities = page.locator('tr[data-province="zhejiang"] details[data-cities]');
      await expect(cities).not.toHaveAttribute('open');
      await expect(cities.locator('li', { hasText: '杭州' })).toHaveCount(1);
      await expect(cities.locator('li', { hasText: '杭州' })).toBeHidden();
    }
  });

  test('the search page says search needs JavaScript and links to the province index', async ({ page }) => {
    await page.goto('en/search/?q=Tibet');
    const note = page.locator('main p', { hasText: 'Search needs JavaScript' });
    await expect(note).toBeVisible();
    await expect(note.getByRole('link')).toHaveAttribute('href', /\/en\/provinces\/$/);
  });
});
