/** Reads a build output directory into the checker's input: every file's path, and every HTML file's text. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { SiteInput } from './check-site.ts';

export function readSite(dir: string): SiteInput {
  const files = new Set<string>();
  const pages = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    const rel = relative(dir, full).split(sep).join('/');
    files.add(rel);
    // Synchronous reads: the files are small and in the page cache right after the build; this is the fast path.
    if (rel.endsWith('.html')) pages.set(rel, readFileSync(full, 'utf8'));
  }
  return { files, pages };
}
