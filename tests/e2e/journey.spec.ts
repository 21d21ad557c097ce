import { expect, test, type Page } from '@playwright/test';

/** Presses Tab until `target` has focus (at most `limit` times); returns how many presses it took. */
async function tabTo(page: Page, target: ReturnType<Page['locator']>, limit = 60): Promise<number> {
  for (let i = 1; i <= limit; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return i;
  }
  throw new Error(`Tab never reached ${target}`);
}

/** True when the focused element shows a focus indicator (outline or box-shadow). */
async function focusVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
  });
}

test('keyboard only: home → filing-number lookup → province page → its form link', async ({ page }) => {
  await page.goto('en/');
  const input = page.locator('main input[name=number]');
  await tabTo(page, input);
  expect(await focusVisible(page)).toBe(true);
  await page.keyboard.type('湘ICP备12345678号-2');
  await page.keyboard.press('Enter');

  const result = page.locator('main [data-lookup-result]');
  await expect(result).toBeVisible();
  await expect(result).toContainText('Hunan');
  const provinceLink = result.locator('a[href$="/en/provinces/hunan/"]');
  await tabTo(page, provinceLink);
  expect(await focusVisible(page)).toBe(true);
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/\/en\/provinces\/hunan\/$/);
  // The page's first action: the national notice list, where the province's form is published today.
  const formLink = page.locator('[data-action-link]');
  await tabTo(page, formLink);
  expect(await focusVisible(page)).toBe(true);
  // The journey ends on the filing system's notice list; the test stops short of leaving the site.
  await expect(formLink).toHaveAttribute('href', 'https://beian.miit.gov.cn/#/Integrated/notice_list');
  await expect(formLink).toHaveAttribute('rel', /noopener/);
});

test.describe('under the production Content-Security-Policy', () => {
  test.beforeEach(async ({ page }) => {
    // Collects every CSP violation the page reports (init scripts are injected by the browser, not blocked by CSP).
    await page.addInitScript(() => {
      const seen: string[] = ((window as unknown as { __csp: string[] }).__csp = []);
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
  });

  const violations = (page: Page) => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

  test('the pages are served with the CSP from public/_headers', async ({ request }) => {
    const csp = (await request.get('')).headers()['content-security-policy'];
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  });

  test('searching causes no CSP violation', async ({ page }) => {
    const consoleErrors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    await page.goto('provinces/hunan/');
    await page.keyboard.press('/');
    await page.keyboard.type('杭州');
    await expect(page.locator('header [data-search-results] a').first()).toBeVisible();
    expect(await violations(page)).toEqual([]);
    await page.goto('en/search/?q=Friday');
    await expect(page.locator('main [data-search-results] a').first()).toBeVisible();
    expect(await violations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  test('looking up a number causes no CSP violation', async ({ page }) => {
    await page.goto('lookup/?number=粤ICP备2021034567号-1');
    await expect(page.locator('main [data-lookup-result]')).toContainText('广东');
    await page.goto('en/');
    await page.locator('main input[name=number]').fill('京公网安备11000002000001号');
    await page.keyboard.press('Enter');
    await expect(page.locator('main [data-lookup-error]')).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });
});
