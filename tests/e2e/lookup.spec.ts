import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { provinces } from './helpers';

/** Fails the test on any console error (a CSP violation shows up there) or uncaught exception. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

const lookupUrl = (prefix: '' | 'en/', number: string) => `${prefix}lookup/?number=${encodeURIComponent(number)}`;

test.describe('the lookup page reads ?number= and lands on the right province', () => {
  const cases = [
    { lang: '', number: '京ICP备12345678号-3', slug: 'beijing', name: '北京', h1: /北京/ },
    { lang: 'en/', number: '粤ICP备2021034567号-1', slug: 'guangdong', name: 'Guangdong', h1: /Guangdong/ },
    { lang: '', number: '网站备案：蜀ICP备2026007879号-1', slug: 'sichuan', name: '四川', h1: /四川/ },
    { lang: 'en/', number: '浙ＩＣＰ备１２３４５６７８号', slug: 'zhejiang', name: 'Zhejiang', h1: /Zhejiang/ },
  ] as const;
  for (const c of cases) {
    test(`${c.lang || 'zh/'} ${c.number} → ${c.slug}`, async ({ page }) => {
      const errors = watchErrors(page);
      await page.goto(lookupUrl(c.lang, c.number));
      const result = page.locator('[data-lookup-result]');
      await expect(result).toBeVisible();
      await expect(page.locator('[data-lookup-error]')).toBeHidden();
      await expect(result).toHaveAttribute('data-province', c.slug);
      await expect(result).toContainText(c.name);
      await expect(page.locator('input[name="number"]')).toHaveValue(c.number);
      const link = result.locator(`a[href$="/${c.lang}provinces/${c.slug}/"]`);
      await expect(link).toHaveCount(1);
      await link.click();
      await expect(page).toHaveURL(new RegExp(`/${c.lang}provinces/${c.slug}/$`));
      await expect(page.locator('h1')).toHaveText(c.h1);
      expect(errors).toEqual([]);
    });
  }

  test('the result says how to deregister there', async ({ page }) => {
    await page.goto(lookupUrl('en/', '京ICP备12345678号-3'));
    const result = page.locator('[data-lookup-result]');
    await expect(result.locator('dt', { hasText: 'How to deregister' })).toHaveCount(1);
    await expect(result.locator('dd', { hasText: 'Paper form' })).toHaveCount(1);
    await expect(result.locator('dd', { hasText: 'Beijing Communications Administration' })).toHaveCount(1);
    await expect(result.locator('code')).toHaveText('京ICP备12345678号-3');
  });

  test('川 is read as Sichuan but marked unconfirmed, citing the research notes', async ({ page }) => {
    await page.goto(lookupUrl('en/', '川ICP备12345678号'));
    const result = page.locator('[data-lookup-result]');
    await expect(result).toHaveAttribute('data-province', 'sichuan');
    const note = result.locator('[data-lookup-variant]');
    await expect(note).toContainText('Unconfirmed');
    await expect(note).toContainText('“蜀”');
    await expect(note.locator('a')).toHaveAttribute('href', /\/en\/sources\/#research-notes$/);
  });
});

test.describe('what is not a filing number shows an error', () => {
  const cases = [
    { lang: '', number: '京公网安备11000002000001号', message: /公安部/ },
    {
      lang: 'en/',
      number: '京公网安备11000002000001号',
      message: /public-security filing.*Ministry of Public Security/,
    },
    { lang: 'en/', number: '京ICP证030173号', message: /operating licence/ },
    { lang: '', number: '港ICP备12345678号', message: /香港/ },
    { lang: 'en/', number: 'not a number at all', message: /does not look like an ICP filing number/ },
    { lang: '', number: 'asdf1234', message: /这不像 ICP 备案号/ },
  ] as const;
  for (const c of cases) {
    test(`${c.lang || 'zh/'} ${c.number}`, async ({ page }) => {
      await page.goto(lookupUrl(c.lang, c.number));
      const error = page.locator('[data-lookup-error]');
      await expect(error).toBeVisible();
      await expect(error).toHaveText(c.message);
      await expect(page.locator('[data-lookup-result]')).toBeHidden();
      const input = page.locator('input[name="number"]');
      await expect(input).toHaveAttribute('aria-invalid', 'true');
      // The error is announced and tied to the field.
      await expect(input).toHaveAttribute('aria-describedby', /icp-number-error/);
      await expect(page.locator('[aria-live="polite"]').locator('[data-lookup-error]')).toHaveCount(1);
    });
  }
});

test('the number is shown as text, never injected as HTML', async ({ page }) => {
  const errors = watchErrors(page);
  const payloads = [
    '<img src=x onerror="document.body.dataset.pwned=1">',
    '<img src=x onerror="document.body.dataset.pwned=1">京ICP备12345678号<b>bold</b>',
    '"><svg onload="document.body.dataset.pwned=1">港ICP备1234<i>5678</i>号',
  ];
  for (const payload of payloads) {
    for (const lang of ['', 'en/'] as const) {
      await page.goto(lookupUrl(lang, payload));
      await expect(page.locator('[data-lookup-result], [data-lookup-error]').locator('visible=true')).toHaveCount(1);
      await expect(page.locator('input[name="number"]')).toHaveValue(payload);
      await expect(page.locator('main img, main svg, main b, main i')).toHaveCount(0);
      expect(await page.evaluate(() => document.body.dataset.pwned)).toBeUndefined();
      // The language switch carries the number along, URL-encoded.
      const other = await page.locator('[data-lang-switch]').getAttribute('href');
      expect(new URL(other!, page.url()).searchParams.get('number')).toBe(payload);
    }
  }
  expect(errors).toEqual([]);
});

test('the home page form answers in place, moves focus to the answer and writes the number into the URL', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 375, height: 667 });
  for (const [path, label, number, slug] of [
    ['', '备案号', '苏ICP备12345678号-2', 'jiangsu'],
    ['en/', 'ICP filing number', 'Footer: 陇ICP备2020001234号-1 | 甘公网安备62010002000001号', 'gansu'],
  ] as const) {
    await page.goto(path);
    const input = page.getByLabel(label, { exact: true });
    await input.click();
    await page.keyboard.type(number);
    await page.keyboard.press('Enter');
    const result = page.locator('[data-lookup-result]');
    await expect(result).toHaveAttribute('data-province', slug);
    await expect(result).toBeVisible();
    // No navigation, but the URL carries the number, and the answer has focus and is on screen.
    expect(new URL(page.url()).pathname).toMatch(new RegExp(`/${path}$`));
    expect(new URL(page.url()).searchParams.get('number')).toBe(number);
    await expect(result).toBeFocused();
    await expect(result).toBeInViewport();

    await input.fill('京公网安备11000002000001号');
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-lookup-error]')).toBeVisible();
    await expect(page.locator('[data-lookup-error]')).toBeFocused();
    await expect(result).toBeHidden();
  }
  expect(errors).toEqual([]);
});

test('a shared home-page lookup URL shows its answer, and Back from the province page brings it back', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto(`en/?number=${encodeURIComponent('湘ICP备12345678号-2')}`);
  const result = page.locator('[data-lookup-result]');
  await expect(result).toHaveAttribute('data-province', 'hunan');
  await expect(page.getByLabel('ICP filing number', { exact: true })).toHaveValue('湘ICP备12345678号-2');
  await page.goto('');
  const input = page.getByLabel('备案号', { exact: true });
  await input.fill('闽ICP备12345678号');
  await input.press('Enter');
  await expect(result).toHaveAttribute('data-province', 'fujian');
  await result.getByRole('link').click();
  await expect(page).toHaveURL(/\/provinces\/fujian\/$/);
  await page.goBack();
  expect(new URL(page.url()).searchParams.get('number')).toBe('闽ICP备12345678号');
  await expect(result).toHaveAttribute('data-province', 'fujian');
  await expect(result).toBeVisible();
  await expect(input).toHaveValue('闽ICP备12345678号');
  // The language switch carries the number to the other language's home page.
  const other = new URL((await page.locator('[data-lang-switch]').getAttribute('href'))!, page.url());
  expect(other.searchParams.get('number')).toBe('闽ICP备12345678号');
  expect(errors).toEqual([]);
});

for (const size of [
  { width: 375, height: 667 },
  { width: 1280, height: 800 },
]) {
  test(`a domain or a URL is not a filing number: the lookup points to MIIT's public query, at ${size.width} px`, async ({
    page,
  }) => {
    const errors = watchErrors(page);
    await page.setViewportSize(size);
    for (const [path, number, found, message] of [
      ['', 'mydomain.com', 'mydomain.com', /“mydomain\.com”是域名，不是备案号。.*公共查询.*第一个字就是省份/],
      [
        'en/',
        'https://www.example.com/x',
        'www.example.com',
        /“www\.example\.com” is a domain, not a filing number\. .*public query.*the first character of the filing number is the province/,
      ],
    ] as const) {
      await page.goto(path);
      const input = page.locator('input[name="number"]');
      await input.fill(number);
      await input.press('Enter');
      const error = page.locator('[data-lookup-error]');
      await expect(error).toBeVisible();
      await expect(error).toBeFocused();
      await expect(error).toBeInViewport();
      await expect(error.locator('p').first()).toHaveText(message);
      await expect(error).toContainText(found);
      // The public query's address comes from the registry's miit-beian source.
      await expect(error.locator('a[data-lookup-query]')).toHaveAttribute('href', 'https://beian.miit.gov.cn');
      await expect(error.locator('a[href$="/sources/#miit-beian"]')).toHaveCount(1);
      await expect(page.locator('[data-lookup-result]')).toBeHidden();
      // The same answer on the lookup page, from a shared URL.
      await page.goto(lookupUrl(path, number));
      await expect(page.locator('[data-lookup-error] a[data-lookup-query]')).toBeVisible();
    }
    expect(errors).toEqual([]);
  });
}

test('a footer line with a domain and a filing number is read as the filing number', async ({ page }) => {
  await page.goto(lookupUrl('', '© 2024 mydomain.com 版权所有 | 粤ICP备12043194号-1'));
  await expect(page.locator('[data-lookup-result]')).toHaveAttribute('data-province', 'guangdong');
  await expect(page.locator('[data-lookup-result] code')).toHaveText('粤ICP备12043194号-1');
});

test('the lookup page keeps the number in its URL, so a result can be shared', async ({ page }) => {
  await page.goto('en/lookup/');
  await expect(page.locator('[data-lookup-result], [data-lookup-error]').locator('visible=true')).toHaveCount(0);
  const input = page.getByLabel('ICP filing number', { exact: true });
  await input.fill('鄂ICP备12345678号-5');
  await page.getByRole('button', { name: 'Look up' }).click();
  await expect(page.locator('[data-lookup-result]')).toHaveAttribute('data-province', 'hubei');
  expect(new URL(page.url()).searchParams.get('number')).toBe('鄂ICP备12345678号-5');
  await page.reload();
  await expect(page.locator('[data-lookup-result]')).toHaveAttribute('data-province', 'hubei');
});

test('every province page example number looks up to that province', async ({ page }) => {
  test.setTimeout(90_000); // 32 pages
  const examples: [string, string][] = [];
  for (const p of provinces) {
    await page.goto(`provinces/${p.slug}/`);
    examples.push([p.slug, (await page.locator('[data-example-number]').textContent())!]);
    await expect(page.locator('a[data-lookup-link]')).toHaveAttribute('href', /\/lookup\/$/);
  }
  await page.goto('lookup/');
  const input = page.locator('input[name="number"]');
  for (const [slug, number] of examples) {
    await input.fill(number);
    await input.press('Enter');
    await expect(page.locator('[data-lookup-result]'), number).toHaveAttribute('data-province', slug);
  }
});

test('the lookup script is an external module, and only on pages with the form', async ({ page }) => {
  for (const path of ['', 'lookup/', 'en/lookup/']) {
    await page.goto(path);
    // No executable inline script: only external ones (a strict CSP allows nothing else).
    const inline = await page
      .locator('script:not([src])')
      .evaluateAll((ss) => ss.filter((s) => !/json/.test(s.getAttribute('type') ?? '')).length);
    expect(inline, path).toBe(0);
    await expect(page.locator('script[type="module"][src*="LookupForm"]'), path).toHaveCount(1);
  }
  for (const path of ['provinces/', 'provinces/beijing/', 'en/procedure/']) {
    await page.goto(path);
    await expect(page.locator('script[src*="LookupForm"]'), path).toHaveCount(0);
  }
});

test('a result and an error pass axe in light and dark, at 320 px, and the field shows focus', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of [
    lookupUrl('en/', '川ICP备123456789012号-2'),
    lookupUrl('', '京公网安备11000002000001号'),
    lookupUrl('', 'https://www.example.com/x'),
  ]) {
    await page.goto(path);
    await expect(page.locator('[data-lookup-result], [data-lookup-error]').locator('visible=true')).toHaveCount(1);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const { violations } = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze();
      expect(
        violations.map((v) => `${scheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        path,
      ).toEqual([]);
    }
    // Nothing in the lookup (a long number included) reaches past the viewport.
    const wide = await page
      .locator('.lookup *')
      .evaluateAll((els) =>
        els
          .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth)
          .map((e) => e.outerHTML.slice(0, 80)),
      );
    expect(wide, path).toEqual([]);
  }
  await page.locator('input[name="number"]').focus();
  await page.keyboard.press('Tab');
  const button = page.locator('.lookup-form button');
  await expect(button).toBeFocused();
  expect(await button.evaluate((b) => getComputedStyle(b).outlineStyle)).not.toBe('none');
});

// quality.spec.ts runs axe on every page at 320 px; these are the new states (a domain answer) and the wider layouts.
test.describe('axe in light and dark: the domain answer, the home page and the province index', () => {
  const cases = [
    [375, `?number=${encodeURIComponent('example.com')}`],
    [1280, `en/?number=${encodeURIComponent('https://www.example.com/x')}`],
    [375, lookupUrl('en/', 'example.com')],
    [1280, lookupUrl('', 'example.com')],
    [375, 'en/'],
    [1280, ''],
    [1280, 'provinces/'],
    [375, 'en/provinces/'],
  ] as const;
  for (const [width, path] of cases) {
    test(`${path || 'home'} at ${width} px`, async ({ page }) => {
      test.setTimeout(90_000);
      await page.setViewportSize({ width, height: width === 375 ? 667 : 800 });
      await page.goto(path);
      if (path.includes('number='))
        await expect(page.locator('[data-lookup-error] a[data-lookup-query]')).toBeVisible();
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        const { violations } = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
          .analyze();
        expect(
          violations.map((v) => `${scheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
          path,
        ).toEqual([]);
      }
    });
  }
});

test.describe('the header on a 375 × 667 phone', () => {
  test.use({ viewport: { width: 375, height: 667 } });
  for (const path of ['', 'en/', 'provinces/', 'en/provinces/hunan/', 'lookup/', 'en/procedure/', 'search/']) {
    test(`${path || 'home'}: at most 100 px, the navigation on one line`, async ({ page }) => {
      await page.goto(path);
      const header = (await page.locator('header.site-header').boundingBox())!;
      expect(header.height).toBeLessThanOrEqual(100);
      const tops = await page
        .locator('.site-nav li')
        .evaluateAll((lis) => lis.map((li) => Math.round(li.getBoundingClientRect().top)));
      expect(tops).toHaveLength(4);
      expect(new Set(tops).size).toBe(1);
      // Every item is visible, none cut off by the scrolling nav.
      for (const link of await page.locator('.site-nav a').all()) await expect(link).toBeInViewport({ ratio: 1 });
    });
  }
});

test('the province index and the prefix table are compact on a phone: one line per province, no stacked cards, no repeated "none"', async ({
  page,
}) => {
  await page.setViewportSize({ width: 375, height: 667 });
  for (const [path, rows, none] of [
    ['provinces/', 'tr[data-province]', '无'],
    ['en/provinces/', 'tr[data-province]', 'None'],
    ['lookup/', '[data-prefix-table] tbody tr', '无'],
  ] as const) {
    await page.goto(path);
    await expect(page.locator(rows)).toHaveCount(31);
    // The cells of a row sit side by side (a card would stack them).
    const tops = await page
      .locator(rows)
      .first()
      .locator('th, td')
      .evaluateAll((cells) => cells.map((c) => Math.round(c.getBoundingClientRect().top)));
    expect(new Set(tops).size, path).toBe(1);
    await expect(page.locator('main td, main th').filter({ hasText: new RegExp(`^${none}$`) })).toHaveCount(0);
  }
  // The index is a few screens, not 8.8: a row is the height of a collapsed city list, or its notes.
  await page.goto('provinces/');
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(height / 667).toBeLessThan(7);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the home form submits to the lookup page, whose table of 31 prefixes answers it', async ({ page }) => {
    await page.goto('en/');
    await page.getByLabel('ICP filing number', { exact: true }).fill('京ICP备12345678号-3');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/en\/lookup\/\?number=/);
    expect(new URL(page.url()).searchParams.get('number')).toBe('京ICP备12345678号-3');
    const rows = page.locator('[data-prefix-table] tbody tr');
    await expect(rows).toHaveCount(31);
    for (const p of provinces) {
      await expect(page.locator(`[data-prefix-table] tr[data-prefix="${p.prefix}"] a`), p.slug).toHaveAttribute(
        'href',
        new RegExp(`/en/provinces/${p.slug}/$`),
      );
    }
  });

  test('the lookup says what to do instead, in both languages', async ({ page }) => {
    for (const [path, label, inline, onPage] of [
      [
        '',
        '备案号',
        /没有 JavaScript 时.*“31 个备案号首字”表中找到备案号的第一个字/,
        /查询需要 JavaScript。.*找到备案号的第一个字/,
      ],
      [
        'en/',
        'ICP filing number',
        /Without JavaScript.*find the first character of your filing number in its table/,
        /The lookup needs JavaScript\..*find the first character/,
      ],
    ] as const) {
      await page.goto(path);
      await expect(page.locator('[data-lookup-noscript]')).toHaveText(inline);
      await page.getByLabel(label, { exact: true }).fill('example.com');
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(/\/lookup\/\?number=example\.com$/);
      const note = page.locator('main [data-lookup-noscript]');
      await expect(note).toHaveCount(1);
      await expect(note).toHaveText(onPage);
      await note.getByRole('link').click();
      await expect(page.locator('#prefixes')).toBeInViewport();
    }
  });

  test('the Chinese lookup page has the same table', async ({ page }) => {
    await page.goto(lookupUrl('', '京ICP备12345678号'));
    await expect(page.locator('[data-prefix-table] tr[data-prefix="京"] a')).toHaveAttribute(
      'href',
      /(?<!\/en)\/provinces\/beijing\/$/,
    );
    await expect(page.locator('[data-prefix-table] tr[data-prefix="京"] a')).toHaveText('北京');
  });
});
