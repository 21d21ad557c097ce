import AxeBuilder from '@axe-core/playwright';
import { expect, test, type ConsoleMessage, type Page, type Request, type Response } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const DIST = resolve(import.meta.dirname, '../..', process.env.ICP_OUT_DIR ?? 'dist');

/** Every page the build emitted, as a path relative to the site root ("", "en/provinces/hunan/"). */
const pages = readdirSync(DIST, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name === 'index.html' && !join(e.parentPath, e.name).includes(`${DIST}/pagefind`))
  .map((e) => join(e.parentPath).slice(DIST.length + 1))
  .map((dir) => (dir ? `${dir}/` : ''))
  .sort();

/** What a page's colours depend on: each element's tag with each of its classes ("span.tag", "a"). */
function styleTokens(path: string): Set<string> {
  const html = readFileSync(join(DIST, path, 'index.html'), 'utf8');
  const tokens = new Set<string>();
  for (const [, tag, attrs] of html.matchAll(/<([a-z][a-z0-9]*)\b([^>]*)>/g)) {
    tokens.add(tag!);
    for (const c of /\bclass="([^"]*)"/.exec(attrs!)?.[1]?.split(/\s+/) ?? []) if (c) tokens.add(`${tag}.${c}`);
    if (/\baria-current=/.test(attrs!)) tokens.add(`${tag}[aria-current]`);
  }
  return tokens;
}

/**
 * The dark colour scheme changes colours only, so its contrast is checked on fewer pages: in each language, pages
 * picked greedily (the one adding the most) until every tag and class that a page of that language uses is on one.
 */
function cover(of: string[]): string[] {
  const tokens = new Map(of.map((p) => [p, styleTokens(p)]));
  const uncovered = new Set([...tokens.values()].flatMap((t) => [...t]));
  const picked: string[] = [];
  while (uncovered.size > 0) {
    let best = '';
    let gain = 0;
    for (const [p, t] of tokens) {
      const g = [...t].filter((x) => uncovered.has(x)).length;
      if (g > gain) [best, gain] = [p, g];
    }
    picked.push(best);
    for (const x of tokens.get(best)!) uncovered.delete(x);
  }
  return picked;
}
const isEnglishPath = (p: string) => p.startsWith('en/');
const darkPages = new Set([...cover(pages.filter(isEnglishPath)), ...cover(pages.filter((p) => !isEnglishPath(p)))]);

test('the build emitted the pages this suite walks', () => {
  expect(pages.length).toBeGreaterThanOrEqual(70);
  // Province pages among those checked in the dark scheme, in both languages.
  expect([...darkPages].filter((p) => /^(en\/)?provinces\/[a-z]+\/$/.test(p)).map(isEnglishPath)).toEqual(
    expect.arrayContaining([true, false]),
  );
});

/**
 * Loads a page and collects console errors, failed requests and requests to any other origin: waits for the load
 * event and then until no request is in flight (what "networkidle" checks, without its fixed 500 ms wait).
 */
async function load(page: Page, path: string) {
  const problems: string[] = [];
  const origin = new URL(test.info().project.use.baseURL!).origin;
  const inFlight = new Set<Request>();
  const onConsole = (m: ConsoleMessage) => m.type() === 'error' && problems.push(`console: ${m.text()}`);
  const onPageError = (e: Error) => problems.push(`page error: ${e.message}`);
  const onRequest = (r: Request) => {
    inFlight.add(r);
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) problems.push(`third-party request: ${r.url()}`);
  };
  const onFinished = (r: Request) => inFlight.delete(r);
  const onFailed = (r: Request) => {
    inFlight.delete(r);
    problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`);
  };
  const onResponse = (r: Response) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`);
  page.on('console', onConsole).on('pageerror', onPageError).on('request', onRequest);
  page.on('requestfinished', onFinished).on('requestfailed', onFailed).on('response', onResponse);
  await page.goto(path, { waitUntil: 'load' });
  await expect.poll(() => inFlight.size, { message: `${path}: requests still in flight` }).toBe(0);
  page.off('console', onConsole).off('pageerror', onPageError).off('request', onRequest);
  page.off('requestfinished', onFinished).off('requestfailed', onFailed).off('response', onResponse);
  return problems;
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// Split the pages into a few groups so the two workers share them.
const GROUPS = 6;
for (let g = 0; g < GROUPS; g++) {
  const group = pages.filter((_, i) => i % GROUPS === g);
  test(`pages group ${g + 1}: clean load, lang and hreflang, 320 px, axe (light; dark contrast on a cover of the site)`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    for (const path of group) {
      await page.setViewportSize({ width: 320, height: 640 });
      await page.emulateMedia({ colorScheme: 'light' });
      const problems = await load(page, path);
      expect(problems, path).toEqual([]);

      await expect(page.locator('html'), path).toHaveAttribute('lang', isEnglishPath(path) ? 'en' : 'zh-CN');
      const hreflangs = await page
        .locator('head link[rel=alternate][hreflang]')
        .evaluateAll((ls) => ls.map((l) => l.getAttribute('hreflang')));
      if (hreflangs.length > 0) expect(hreflangs, path).toEqual(['zh-CN', 'en', 'x-default']);
      await expect(page.locator('h1'), path).toHaveCount(1);

      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${path} scrolls sideways at 320 px`).toBeLessThanOrEqual(0);

      // Every rule in light; in dark only what the colour scheme changes, the contrast, on the pages of darkPages.
      for (const scheme of darkPages.has(path) ? (['light', 'dark'] as const) : (['light'] as const)) {
        await page.emulateMedia({ colorScheme: scheme });
        const axe = new AxeBuilder({ page }).withTags(AXE_TAGS);
        const { violations } = await (scheme === 'dark' ? axe.withRules(['color-contrast']) : axe).analyze();
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
