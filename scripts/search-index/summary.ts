/** Pure helpers for the search index: which pages each language's bundle takes, and reading pagefind-entry.json. */

export interface PagefindEntry {
  version: string;
  languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
}

/** "search index: 42 pages (zh-cn 21, en 21), Pagefind 1.6.0, 850 ms" */
export function summaryLine(entry: PagefindEntry, ms: number): string {
  const langs = Object.entries(entry.languages).sort(([a], [b]) => a.localeCompare(b));
  const total = langs.reduce((n, [, l]) => n + l.page_count, 0);
  const each = langs.map(([code, l]) => `${code} ${l.page_count}`).join(', ');
  return `search index: ${total} pages (${each}), Pagefind ${entry.version}, ${Math.round(ms)} ms`;
}

/** What is wrong with a built index: a site language without pages, or a language nobody asked for (a page without lang). */
export function checkEntry(entry: PagefindEntry, expected: readonly string[]): string[] {
  const problems: string[] = [];
  for (const code of expected) {
    const lang = entry.languages[code];
    if (!lang || lang.page_count === 0) problems.push(`no pages indexed for language "${code}"`);
  }
  if (expected.length > 0) {
    for (const code of Object.keys(entry.languages)) {
      if (!expected.includes(code))
        problems.push(`pages indexed under unexpected language "${code}" (is an <html lang> missing or wrong?)`);
    }
  }
  return problems;
}

/** Pagefind's own UI bundles, which this site does not load. */
export function isUnusedUiFile(name: string): boolean {
  return /^pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)$/.test(name);
}

/**
 * Where a language's bundle goes, relative to the site: under its own pages ("en/pagefind/"), or "pagefind/" for the
 * default language, whose pages are at the root. The search forms load it from the same place (localePath).
 */
export function bundleDir(langDir: string | undefined): string {
  return langDir ? `${langDir}/pagefind/` : 'pagefind/';
}

/**
 * The Pagefind glob of one language's pages. `langDir` is the language's top-level directory, or undefined for the
 * default language, which takes every top-level entry that is neither another language's directory nor a bundle.
 */
export function languageGlob(
  langDir: string | undefined,
  otherLangDirs: readonly string[],
  topLevel: readonly { name: string; dir: boolean }[],
): string {
  if (langDir) return `${langDir}/**/*.html`;
  const own = topLevel.filter(
    (e) => !otherLangDirs.includes(e.name) && e.name !== 'pagefind' && (e.dir || e.name.endsWith('.html')),
  );
  return `{${own.map((e) => (e.dir ? `${e.name}/**/*.html` : e.name)).join(',')}}`;
}
