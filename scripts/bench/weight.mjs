// Page weight and first-search cost, measured in headless Chromium against the built site.
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM_LAUNCH } from '../chromium.mjs';

export function launch() {
  return chromium.launch(CHROMIUM_LAUNCH);
}

const KINDS = ['html', 'css', 'js', 'other'];

// What a static host or CDN compresses. Pagefind's index files are already gzipped by Pagefind and are sent as is.
const COMPRESSIBLE = /^(text\/|application\/(javascript|json|xml|wasm|manifest\+json)|image\/svg\+xml)/;

function kindOf(resourceType, contentType) {
  if (resourceType === 'document' || contentType.startsWith('text/html')) return 'html';
  if (resourceType === 'stylesheet' || contentType.startsWith('text/css')) return 'css';
  if (resourceType === 'script' || /javascript/.test(contentType)) return 'js';
  return 'other';
}

function emptyTotals() {
  return Object.fromEntries([...KINDS, 'total'].map((k) => [k, { requests: 0, raw: 0, gzip: 0 }]));
}

function add(totals, r) {
  for (const key of [r.kind, 'total']) {
    totals[key].requests++;
    totals[key].raw += r.raw;
    totals[key].gzip += r.gzip;
  }
}

/** Records every response of a page with its body size, raw and as a host would send it (gzip -9). */
function recordResponses(page) {
  const records = [];
  let open = true;
  let started = 0;
  const startOrder = new WeakMap(); // the order in which the browser announced each request, before sending it
  page.on('request', (request) => startOrder.set(request, ++started));
  page.on('requestfinished', (request) => {
    if (!open) return;
    const url = request.url();
    if (!/^https?:/.test(url)) return;
    const seq = startOrder.get(request) ?? 0;
    const record = (async () => {
      const response = await request.response();
      if (!response) return null;
      const body = await response.body().catch(() => Buffer.alloc(0)); // redirects have none
      const contentType = (response.headers()['content-type'] ?? '').toLowerCase();
      const gzip =
        body.length > 0 && COMPRESSIBLE.test(contentType) ? gzipSync(body, { level: 9 }).length : body.length;
      return {
        url,
        seq,
        status: response.status(),
        kind: kindOf(request.resourceType(), contentType),
        raw: body.length,
        gzip,
      };
    })();
    records.push(record);
  });
  return {
    mark: () => started,
    stop: () => (open = false),
    all: async () => (await Promise.all(records)).filter(Boolean),
  };
}

/** @typedef {{ requests: number, raw: number, gzip: number }} Totals */

/**
 * Weight of one page on load: everything fetched until `load` and then network idle, in a fresh context.
 * @returns {Promise<{ url: string, hasLookup: boolean, html: Totals, css: Totals, js: Totals, other: Totals, total: Totals,
 *   files: { url: string, kind: string, raw: number, gzip: number }[] }>}
 */
export async function measureLoad(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const rec = recordResponses(page);
  const response = await page.goto(url, { waitUntil: 'load' });
  if (!response?.ok()) throw new Error(`${url}: HTTP ${response?.status()}`);
  await page.waitForLoadState('networkidle');
  rec.stop(); // nothing fetched after this counts
  const hasLookup = (await page.locator('form[data-lookup-form]').count()) > 0;
  const records = await rec.all();
  await context.close();
  const totals = emptyTotals();
  for (const r of records) add(totals, r);
  return {
    url,
    hasLookup,
    ...totals,
    files: records.map(({ url: u, kind, raw, gzip }) => ({ url: u, kind, raw, gzip })),
  };
}

// Runs in the page before its own scripts: notes the last input event and the first result rendered after it.
function instrumentSearch(resultsSelector) {
  window.__bench = { lastInput: undefined, firstResult: undefined };
  document.addEventListener(
    'input',
    () => {
      window.__bench.lastInput = performance.now();
      window.__bench.firstResult = undefined;
    },
    true,
  );
  const observer = new MutationObserver(() => {
    const b = window.__bench;
    if (b.lastInput === undefined || b.firstResult !== undefined) return;
    if (!document.querySelector(resultsSelector)) return;
    b.firstResult = performance.now();
    window.__benchResultShown?.();
  });
  observer.observe(document, { childList: true, subtree: true });
}

const RESULT_LINK = 'main [data-search-results] a[href]';

/**
 * The first search on a cold visit: opens the search page, waits until it is idle (Pagefind starts loading on
 * arrival), enters the query and waits for the first result link. Counts the bytes of every request made before
 * that result appeared, and the time from the input to it (which includes the page's debounce).
 */
export async function measureSearch(browser, url, query) {
  const context = await browser.newContext();
  await context.addInitScript(instrumentSearch, RESULT_LINK);
  const page = await context.newPage();
  const rec = recordResponses(page);
  let startedBefore = 0; // requests the browser had announced when the page said the first result was shown
  await page.exposeBinding('__benchResultShown', () => (startedBefore = rec.mark()));
  const response = await page.goto(url, { waitUntil: 'load' });
  if (!response?.ok()) throw new Error(`${url}: HTTP ${response?.status()}`);
  await page.waitForLoadState('networkidle');
  const input = page.locator('main').getByRole('searchbox').first();
  await input.click();
  // The whole query in one input event, as an input method commits it or a paste delivers it: one search,
  // whatever the machine's load. Typed key by key, each pause longer than the page's debounce starts a search
  // for the letters so far and fetches its results too, so the byte count would depend on timing.
  await page.keyboard.insertText(query);
  await page.waitForFunction(() => window.__bench.firstResult !== undefined, null, { timeout: 20_000 });
  const timing = await page.evaluate(() => window.__bench);
  const results = await page.locator(RESULT_LINK).count();
  const firstHref = await page.locator(RESULT_LINK).first().getAttribute('href');
  await page.waitForLoadState('networkidle'); // let later fetches finish so their bodies can be read (they are not counted)
  rec.stop();
  const records = await rec.all();
  await context.close();

  // Counted: every request made before the first result appeared, Pagefind's worker's included. Event order is the
  // witness: a request is announced before it is sent, so one the results needed always comes before the page's
  // report of them. (Timestamps were not reliable: the browser's and the page's clocks differ by milliseconds,
  // and a finished-response event can arrive after the page has used the response.) A request still in flight
  // then is counted too: better too much than too little.
  const totals = emptyTotals();
  const counted = [];
  for (const r of records) {
    if (r.seq > startedBefore) continue;
    add(totals, r);
    counted.push({ url: r.url, kind: r.kind, raw: r.raw, gzip: r.gzip });
  }
  return {
    url,
    query,
    results,
    firstHref,
    msToFirstResult: Math.round(timing.firstResult - timing.lastInput),
    ...totals,
    files: counted,
  };
}
