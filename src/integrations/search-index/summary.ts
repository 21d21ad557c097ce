/** Pure helpers for the search-index integration: reading Pagefind's pagefind-entry.json. */

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
      if (!expected.includes(code)) problems.push(`pages indexed under unexpected language "${code}" (is an <html lang> missing or wrong?)`);
    }
  }
  return problems;
}

/** Pagefind's own UI bundles, which this site does not load. */
export function isUnusedUiFile(name: string): boolean {
  return /^pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)$/.test(name);
}
