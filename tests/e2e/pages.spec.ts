import { expect, test } from '@playwright/test';
import { provinces } from './helpers';

test('there are 31 provinces to check', () => {
  expect(provinces).toHaveLength(31);
});

for (const [lang, prefix, htmlLang] of [
  ['zh-cn', '', 'zh-CN'],
  ['en', 'en/', 'en'],
] as const) {
  test(`all 31 province pages render their links (${lang})`, async ({ page }) => {
    for (const p of provinces) {
      const response = await page.goto(`${prefix}provinces/${p.slug}/`);
      expect(response?.status(), p.slug).toBe(200);
      await expect(page.locator('html')).toHaveAttribute('lang', htmlLang);
      // Its own links, current and 2019 ones, each once, after the national notice list.
      const links = page.locator('main li[data-link-kind]:not([data-link-kind="notice-list"]) a.link-title');
      await expect(links, p.slug).toHaveCount(p.linkCount);
      for (const href of await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))) {
        expect(href, p.slug).toMatch(/^https?:\/\//);
        expect(href, p.slug).not.toMatch(/jsessionid/i);
      }
      await expect(page.locator('h1')).toHaveCount(1);
      await expect(page.locator('.prefix-char')).toHaveText(p.prefix);
    }
  });
}

test('the language switcher keeps you on the same page, both ways', async ({ page }) => {
  for (const path of ['', 'procedure/', 'provinces/', 'provinces/xizang/', 'sources/']) {
    await page.goto(path);
    await page.locator('[data-lang-switch]').click();
    await expect(page).toHaveURL(new RegExp(`/en/${path}$`));
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.locator('[data-lang-switch]').click();
    await expect(page).toHaveURL(new RegExp(`127\\.0\\.0\\.1:\\d+/${path}$`));
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  }
});

test('every page declares its language versions with hreflang and a canonical URL', async ({ page }) => {
  await page.goto('en/provinces/hunan/');
  const alternates = await page
    .locator('link[rel=alternate][hreflang]')
    .evaluateAll((ls) => ls.map((l) => `${l.getAttribute('hreflang')} ${new URL(l.getAttribute('href')!).pathname}`));
  expect(alternates).toEqual(['zh-CN /provinces/hunan/', 'en /en/provinces/hunan/', 'x-default /provinces/hunan/']);
  expect(new URL((await page.locator('link[rel=canonical]').getAttribute('href'))!).pathname).toBe(
    '/en/provinces/hunan/',
  );
});

test('the province index groups the 31 provinces by the 7 regions', async ({ page }) => {
  await page.goto('en/provinces/');
  await expect(page.locator('table[data-region]')).toHaveCount(7);
  await expect(page.locator('tr[data-province]')).toHaveCount(31);
  // Today's route for every province is the paper form from the notice list; Shanghai's old online portal is 2019 material.
  await expect(page.locator('tr[data-province="shanghai"]')).toContainText('Paper form');
  await expect(page.locator('tr[data-province="shanghai"]')).not.toContainText('Online');
});

test('on a phone the province index cards take the whole width, in both languages', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const prefix of ['', 'en/']) {
    await page.goto(`${prefix}provinces/`);
    const container = (await page.locator('.table-scroll').first().boundingBox())!;
    const card = (await page.locator('tr[data-province]').first().boundingBox())!;
    expect(card.width, prefix).toBeGreaterThan(container.width * 0.95);
  }
});

test('the province tables keep each English header word on one line, on a phone and a desktop', async ({ page }) => {
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    for (const path of ['en/provinces/', 'en/lookup/']) {
      await page.goto(path);
      // A word broken by overflow-wrap ("Prefi / x") spans two line boxes.
      const broken = await page.locator('table thead th').evaluateAll((ths) =>
        ths.flatMap((th) => {
          const text = th.firstChild;
          if (!text || text.nodeType !== Node.TEXT_NODE) return [];
          const range = document.createRange();
          return [...text.textContent!.matchAll(/\S+/g)].flatMap((m) => {
            range.setStart(text, m.index);
            range.setEnd(text, m.index + m[0].length);
            const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
            return lines.size > 1 ? [m[0]] : [];
          });
        }),
      );
      expect(broken, `${path} at ${width} px`).toEqual([]);
    }
  }
});

test('the Chinese prefix header breaks as 备案号 / 首字, on a phone and a desktop', async ({ page }) => {
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    for (const path of ['provinces/', 'lookup/']) {
      await page.goto(path);
      const lines = await page
        .locator('table thead th')
        .first()
        .evaluate((th) => {
          const text = th.firstChild!;
          const range = document.createRange();
          const tops: number[] = [];
          for (let i = 0; i < text.textContent!.length; i++) {
            range.setStart(text, i);
            range.setEnd(text, i + 1);
            tops.push(Math.round(range.getBoundingClientRect().top));
          }
          const rows = [...new Set(tops)];
          return rows.map((top) => [...text.textContent!].filter((_, i) => tops[i] === top).join(''));
        });
      expect(lines, `${path} at ${width} px`).toEqual(['备案号', '首字']);
    }
  }
});

test('where the sources disagree, the province page says so and labels each link with its source', async ({ page }) => {
  await page.goto('en/provinces/heilongjiang/');
  await page.locator('details[data-historical] > summary').click();
  await expect(page.getByText('The sources give different deregistration links')).toBeVisible();
  await expect(page.locator('[data-link-source="aliyun-2019"] a.link-title')).toHaveAttribute('href', /id=51$/);
  await expect(page.locator('[data-link-source="jdcloud"] a.link-title')).toHaveAttribute('href', /id=39$/);
  await expect(page.locator('[data-link-source="jdcloud"]')).toContainText('Source: JD Cloud');
  // The stale session id is gone from the link but shown, as published, under "Cleaned".
  await expect(page.locator('[data-link-source="aliyun-2019"] details')).toContainText(';jsessionid=345AC115');
  await page.goto('provinces/heilongjiang/');
  await expect(page.getByText('各份资料给出的注销链接不同')).toBeAttached();
  // Where the sources agree (Shandong: both give the same form copy), the page says nothing of the kind.
  await page.goto('provinces/shandong/');
  await expect(page.getByText('各份资料给出的注销链接不同')).toHaveCount(0);
});

test('the procedure page has the steps, its sources and its last update', async ({ page }) => {
  await page.goto('procedure/');
  await expect(page.locator('[data-procedure] ol > li')).toHaveCount(4);
  await expect(page.locator('[data-procedure] .cite a').first()).toHaveAttribute('href', /\/sources\/#/);
  await expect(page.getByText('最后更新')).toBeVisible();
  // English words are not run together by compressHTML: 'jsx'.
  await page.goto('en/procedure/');
  await expect(page.locator('[data-procedure]')).toContainText(
    'your filing is no longer used, but your hosting provider cannot deregister it online',
  );
  const text = await page.locator('main').innerText();
  expect(text).not.toMatch(/[a-z]\[[A-Z]/); // a citation glued to the word before it
  expect(text).toContain('Choose your province from the list of provinces and open');
});

test('an unknown address gets the 404 page, in both languages', async ({ page }) => {
  const response = await page.goto('provinces/atlantis/');
  expect(response?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('找不到这个页面');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

test('registry.json carries the whole registry with a schema version', async ({ request }) => {
  const body = await (await request.get('registry.json')).json();
  expect(body.schemaVersion).toBe(1);
  expect(body.provinces).toHaveLength(31);
  expect(body.provinces.find((p: { slug: string }) => p.slug === 'shanghai').methods).toEqual(['form']);
  expect(body.national['notice-list'].url).toBe('https://beian.miit.gov.cn/#/Integrated/notice_list');
  for (const p of body.provinces) for (const l of p.links) expect(['current', 'historical'], p.slug).toContain(l.era);
  for (const s of Object.values(body.sources) as { strength: string }[])
    expect(['official', 'provider', 'third-party']).toContain(s.strength);
  expect(Object.keys(body.sources)).toContain('aliyun-2019');
});
