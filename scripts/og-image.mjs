// Draws public/og.png, the site-wide Open Graph image (1200 × 630), with the system's Chromium from an HTML card.
// Run once after changing the site's name: `node scripts/og-image.mjs` (needs fonts-noto-cjk for the Chinese).
// The texts are the string table's (src/lib/strings/common.ts), passed in so the card never disagrees with the site.
import { chromium } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { t } from '../src/lib/i18n.ts';

const out = fileURLToPath(new URL('../public/og.png', import.meta.url));
const escape = (s) => s.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]);
const html = `<!doctype html><html><head><meta charset="utf-8"><style>
  html, body { margin: 0; width: 1200px; height: 630px; }
  body { box-sizing: border-box; padding: 72px 80px; background: #0b57a4; color: #fff; font-family: "Noto Sans CJK SC", sans-serif;
    display: flex; flex-direction: column; justify-content: space-between; }
  .zh { font-size: 92px; font-weight: 700; line-height: 1.15; }
  .en { font-size: 46px; font-weight: 600; margin-top: 18px; opacity: 0.95; }
  .tag { font-size: 30px; line-height: 1.45; max-width: 960px; opacity: 0.92; }
  svg { width: 96px; height: 96px; }
</style></head><body>
  <div><svg viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#fff"/><path d="M9 16.5l5 5 9-11" stroke="#0b57a4" stroke-width="3.5" fill="none" stroke-linecap="round" stroke-linejoin="round"/></svg>
  <div class="zh" lang="zh-CN">${escape(t('zh-cn', 'siteName'))}</div><div class="en" lang="en">${escape(t('en', 'siteName'))}</div></div>
  <div class="tag" lang="zh-CN">${escape(t('zh-cn', 'siteTagline'))}</div>
</body></html>`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 630 } });
  // Nothing is fetched: the card is self-contained and the browser is kept off the network.
  await page.route('**/*', (route) => route.abort());
  await page.setContent(html);
  await page.screenshot({ path: out, type: 'png' });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
}
