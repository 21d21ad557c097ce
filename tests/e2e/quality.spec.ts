import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const DIST = resolve(import.meta.dirname, '../..', process.env.ICP_OUT_DIR ?? 'dist');

/** Every page the build emitted, as a path relative to the site root ("", "en/provinces/hunan/"). */
const pages = readdirSync(DIST, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name === 'index.html' && !join(e.parentPath, e.name).includes(`${DIST}/pagefind`))
  .map((e) => join(e.parentPath).slice(DIST.length + 1))
  .map((dir) => (dir ? `${dir}/` : ''))
  .sort();

test('the build emitted the pages this suite walks', () => {
  expect(pages.length).toBeGreaterThanOrEqual(70);
});

/** Loads a page and collects console errors, failed requests and requests to any other origin. */
async function load(page: Page, path: string) {
  const problems: string[] = [];
  const origin = new URL(test.info().project.use.baseURL!).origin;
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) problems.push(`third-party request: ${r.url()}`);
  });
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  await page.goto(path, { waitUntil: 'networkidle' });
  return problems;
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// Split the pages into a few groups so the two workers share them.
const GROUPS = 6;
for (let g = 0; g < GROUPS; g++) {
  const group = pages.filter((_, i) => i % GROUPS === g);
  test(`pages group ${g + 1}: clean load, lang and hreflang, 320 px, axe in light and dark`, async ({ page }) => {
    test.setTimeout(120_000);
    for (const path of group) {
      const isEnglish = path.startsWith('en/');
      await page.setViewportSize({ width: 320, height: 640 });
      await page.emulateMedia({ colorScheme: 'light' });
      const problems = await load(page, path);
      expect(problems, path).toEqual([]);

      await expect(page.locator('html'), path).toHaveAttribute('lang', isEnglish ? 'en' : 'zh-CN');
      const hreflangs = await page
        .locator('head link[rel=alternate][hreflang]')
        .evaluateAll((ls) => ls.map((l) => l.getAttribute('hreflang')));
      if (hreflangs.length > 0) expect(hreflangs, path).toEqual(['zh-CN', 'en', 'x-default']);
      await expect(page.locator('h1'), path).toHaveCount(1);

      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${path} scrolls sideways at 320 px`).toBeLessThanOrEqual(0);

      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
        expect(
          violations.map((v) => `${scheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
          path,
        ).toEqual([]);
      }
    }
  });
}

test('headings are in order on every main page type', async ({ page }) => {
  for (const path of ['', 'procedure/', 'provinces/', 'provinces/hunan/', 'sources/', 'en/provinces/ningxia/']) {
    await page.goto(path);
    const levels = await page.locator('main :is(h1,h2,h3,h4)').evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
    expect(levels[0], path).toBe(1);
    for (let i = 1; i < levels.length; i++)
      expect(levels[i]! - levels[i - 1]!, `${path}: h${levels[i - 1]} then h${levels[i]}`).toBeLessThanOrEqual(1);
  }
});

test('the skip link is the first tab stop and moves focus to the content', async ({ page }) => {
  await page.goto('en/provinces/hunan/');
  await page.keyboard.press('Tab');
  const skip = page.locator('.skip-link');
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
  await expect(page.locator('main')).toBeFocused();
});

test('focus is visible on links', async ({ page }) => {
  await page.goto('provinces/');
  const link = page.locator('main a').first();
  await link.focus();
  const outline = await link.evaluate((a) => getComputedStyle(a).outlineStyle);
  expect(outline).not.toBe('none');
});

test('pages carry a title, description, canonical and Open Graph tags', async ({ page }) => {
  for (const path of ['', 'en/', 'provinces/beijing/', 'en/procedure/']) {
    await page.goto(path);
    expect((await page.title()).length, path).toBeGreaterThan(5);
    for (const selector of [
      'meta[name=description]',
      'link[rel=canonical]',
      'meta[property="og:title"]',
      'meta[property="og:description"]',
      'meta[property="og:url"]',
    ]) {
      await expect(page.locator(selector), `${path} ${selector}`).toHaveCount(1);
    }
  }
});

test('robots.txt points at the sitemap, which lists every page in both languages', async ({ request }) => {
  const robots = await (await request.get('robots.txt')).text();
  const index = /Sitemap: (https?:\/\/\S+\/sitemap-index\.xml)/.exec(robots)?.[1];
  expect(index, robots).toBeTruthy();
  // The index names its sitemap files by absolute URL (SITE_URL); this server has them at the same path.
  const file = /<loc>https?:\/\/[^<]*\/(sitemap-0\.xml)<\/loc>/.exec(
    await (await request.get('sitemap-index.xml')).text(),
  )?.[1];
  expect(file).toBe('sitemap-0.xml');
  const sitemap = await (await request.get(file!)).text();
  expect(sitemap.match(/<loc>/g)?.length).toBeGreaterThanOrEqual(70);
  expect(sitemap).toContain('/en/provinces/xizang/</loc>');
});
