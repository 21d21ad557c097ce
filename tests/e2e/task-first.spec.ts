import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

// The registry as the build published it: the same model the pages are projections of.
const DIST = resolve(import.meta.dirname, '../..', process.env.ICP_OUT_DIR ?? 'dist');
const registry = JSON.parse(readFileSync(resolve(DIST, 'registry.json'), 'utf8')) as {
  provinces: {
    slug: string;
    name: { zh: string; en: string };
    links: { url: string; era: string }[];
    route: { step: string }[];
  }[];
};
const LANGS = [
  { lang: 'zh-cn', prefix: '', title: (p: { name: { zh: string } }) => `在${p.name.zh}注销 ICP 备案` },
  { lang: 'en', prefix: 'en/', title: (p: { name: { en: string } }) => `Deregister an ICP filing in ${p.name.en}` },
] as const;

test.describe('province pages lead with the action', () => {
  test.use({ viewport: { width: 375, height: 667 } });
  for (const { lang, prefix, title } of LANGS) {
    test(`all 31 (${lang}): task H1, at most three steps, the first action link above the fold, old links collapsed below`, async ({
      page,
    }) => {
      test.setTimeout(90_000);
      for (const p of registry.provinces) {
        await page.goto(`${prefix}provinces/${p.slug}/`);
        await expect(page.locator('h1'), p.slug).toHaveText(title(p));
        const steps = page.locator('[data-route] > li');
        expect(await steps.count(), p.slug).toBeLessThanOrEqual(3);
        const action = page.locator('[data-action-link]');
        await expect(action, p.slug).toHaveAttribute('href', 'https://beian.miit.gov.cn/#/Integrated/notice_list');
        const box = (await action.boundingBox())!;
        expect(
          box.y + box.height,
          `${p.slug}: the first action link ends at ${box.y + box.height}px`,
        ).toBeLessThanOrEqual(667);

        // The old system's links are all in the collapsed section, after the current route; none above it.
        const historical = p.links.filter((l) => l.era === 'historical').map((l) => l.url);
        const details = page.locator('details[data-historical]');
        await expect(details, p.slug).not.toHaveAttribute('open');
        const hidden = await details
          .locator('[data-era="historical"] a.link-title')
          .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')));
        expect(hidden.sort(), p.slug).toEqual([...historical].sort());
        await expect(page.locator('[data-province-links] [data-era="historical"]'), p.slug).toHaveCount(0);
        const order = await page.evaluate(() => {
          const route = document.querySelector('[data-route]')!;
          const old = document.querySelector('details[data-historical]')!;
          return route.compareDocumentPosition(old) & Node.DOCUMENT_POSITION_FOLLOWING;
        });
        expect(order, p.slug).toBeTruthy();
        await expect(page.locator('[data-warnings] li'), p.slug).toHaveCount(3);
        await expect(page.locator('main'), p.slug).not.toContainText(/备案密码|filing password/);
        // Where no source since 2020 speaks of the province, the page says so in words.
        const specific = p.route.length > 0;
        if (!specific)
          await expect(page.locator('[data-no-specifics], [data-current-notes]').first(), p.slug).toBeVisible();
      }
    });
  }

  test('words and citations keep their spaces (templates are formatted over several lines)', async ({ page }) => {
    await page.goto('en/provinces/jiangsu/');
    const text = await page.locator('main').innerText();
    expect(text).toMatch(/first\. Which case is yours\?/);
    expect(text).toMatch(/Which case is yours\? \[/);
    expect(text).not.toMatch(/\]\[|[a-z]\[[A-Z]/);
  });

  test('a province specific replaces the generic step: Jiangsu is by e-mail, in both languages', async ({ page }) => {
    await page.goto('provinces/jiangsu/');
    await expect(page.locator('[data-step="submit"]')).toContainText('电子邮件');
    await page.goto('en/provinces/jiangsu/');
    await expect(page.locator('[data-step="submit"]')).toContainText(/e-mail/i);
    await expect(page.locator('[data-step="submit"] [data-source-label]').first()).toContainText('provider doc');
  });

  test('opening the 2019 section shows the old links with their sources and what was cleaned', async ({ page }) => {
    await page.goto('en/provinces/henan/');
    await page.locator('details[data-historical] > summary').click();
    const old = page.locator('[data-historical-links] > li').first();
    await expect(old).toBeVisible();
    await expect(old.locator('[data-source-label]')).toContainText('old system');
    await expect(page.locator('[data-historical-links] details summary').first()).toContainText('Cleaned');
  });
});

test.describe('the "which case is yours?" guide works without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  const PATHS = [
    { answers: [0, 0], outcome: 'provider' },
    { answers: [0, 1], outcome: 'paper' },
    { answers: [1], outcome: 'other-entity' },
    { answers: [2], outcome: 'leave-provider' },
  ];
  for (const { prefix } of LANGS) {
    for (const { answers, outcome } of PATHS) {
      test(`/${prefix}start/ → ${outcome}`, async ({ page }) => {
        await page.goto(`${prefix}start/`);
        for (const i of answers) await page.locator('[data-answers] a').nth(i).click();
        await expect(page).toHaveURL(new RegExp(`/${prefix}start/${outcome}/$`));
        await expect(page.locator(`[data-outcome="${outcome}"]`)).toBeVisible();
        await expect(page.locator('[data-outcome] .cite').first()).toBeVisible();
        await expect(page.locator(`a[href$="/${prefix}lookup/"]`).first()).toBeVisible();
        await expect(page.locator(`main a[href$="/${prefix}provinces/"]`).first()).toBeVisible();
        // The procedure section it links to exists on the procedure page.
        const href = (await page.locator('[data-procedure-link]').getAttribute('href'))!;
        await page.goto(href);
        const anchor = decodeURIComponent(new URL(page.url()).hash.slice(1));
        await expect(page.locator(`[id="${anchor}"]`)).toHaveCount(1);
      });
    }
  }

  test('the home page offers the guide first, in both languages', async ({ page }) => {
    for (const { prefix } of LANGS) {
      await page.goto(prefix);
      const first = page.locator(`main a[href$="/${prefix}start/"]`).first();
      await expect(first).toBeVisible();
    }
  });
});
