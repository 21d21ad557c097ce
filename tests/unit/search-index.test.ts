import { describe, expect, it } from 'vitest';
import {
  bundleDir,
  checkEntry,
  isUnusedUiFile,
  languageGlob,
  summaryLine,
  type PagefindEntry,
} from '../../scripts/search-index/summary';

const entry = (languages: Record<string, number>): PagefindEntry => ({
  version: '1.6.0',
  languages: Object.fromEntries(
    Object.entries(languages).map(([code, n]) => [code, { hash: `${code}_x`, wasm: null, page_count: n }]),
  ),
});

describe('summaryLine', () => {
  it('gives the total and the pages per language, in a stable order', () => {
    expect(summaryLine(entry({ 'zh-cn': 33, en: 33 }), 812.4)).toBe(
      'search index: 66 pages (en 33, zh-cn 33), Pagefind 1.6.0, 812 ms',
    );
  });
});

describe('checkEntry', () => {
  it('accepts one index per site language, each with pages', () => {
    expect(checkEntry(entry({ 'zh-cn': 33, en: 33 }), ['zh-cn', 'en'])).toEqual([]);
  });

  it('reports a site language without pages, or missing', () => {
    expect(checkEntry(entry({ 'zh-cn': 33, en: 0 }), ['zh-cn', 'en'])).toEqual(['no pages indexed for language "en"']);
    expect(checkEntry(entry({ 'zh-cn': 33 }), ['zh-cn', 'en'])).toEqual(['no pages indexed for language "en"']);
  });

  it('reports pages indexed under a language the site does not have (a wrong or missing <html lang>)', () => {
    expect(checkEntry(entry({ 'zh-cn': 33, en: 32, unknown: 1 }), ['zh-cn', 'en'])).toEqual([
      'pages indexed under unexpected language "unknown" (is an <html lang> missing or wrong?)',
    ]);
  });
});

describe('isUnusedUiFile', () => {
  it("picks Pagefind's UI bundles and keeps what the search API needs", () => {
    for (const f of [
      'pagefind-ui.js',
      'pagefind-ui.css',
      'pagefind-component-ui.js',
      'pagefind-modular-ui.css',
      'pagefind-highlight.js',
    ]) {
      expect(isUnusedUiFile(f), f).toBe(true);
    }
    for (const f of [
      'pagefind.js',
      'pagefind-worker.js',
      'pagefind-entry.json',
      'wasm.en.pagefind',
      'pagefind.en_1.pf_meta',
    ]) {
      expect(isUnusedUiFile(f), f).toBe(false);
    }
  });
});

describe('bundleDir', () => {
  it('puts each language’s bundle beside its pages', () => {
    expect(bundleDir(undefined)).toBe('pagefind/');
    expect(bundleDir('en')).toBe('en/pagefind/');
  });
});

describe('languageGlob', () => {
  const site = [
    { name: 'index.html', dir: false },
    { name: '404.html', dir: false },
    { name: 'provinces', dir: true },
    { name: 'en', dir: true },
    { name: 'pagefind', dir: true },
    { name: 'sitemap.xml', dir: false },
  ];
  it('gives a language with a directory its directory', () => {
    expect(languageGlob('en', [], site)).toBe('en/**/*.html');
  });

  it('gives the default language every other page: not another language’s directory, not a bundle', () => {
    expect(languageGlob(undefined, ['en'], site)).toBe('{index.html,404.html,provinces/**/*.html}');
  });
});
