/**
 * Reads a build output directory into the checker's input: every file's path, and every HTML file's text, read
 * when the checker comes to it (and again on each pass over `pages`), so the pages are never all in memory at once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { SiteInput } from './check-site.ts';

export function readSite(dir: string): SiteInput {
  const files = new Set<string>();
  const html: [rel: string, full: string][] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    const rel = relative(dir, full).split(sep).join('/');
    files.add(rel);
    if (rel.endsWith('.html')) html.push([rel, full]);
  }
  return {
    files,
    pages: {
      // Synchronous reads: the files are small and in the page cache right after the build; this is the fast path.
      *[Symbol.iterator]() {
        for (const [rel, full] of html) yield [rel, readFileSync(full, 'utf8')] as const;
      },
    },
  };
}
