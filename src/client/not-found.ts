/** The 404's "did you mean": the missing address, matched against the site's pages (src/lib/near-miss.ts). */
import { nearMiss, type NearMissTarget } from '../lib/near-miss';
import { localePath, splitLangPath, stripBase } from '../lib/paths';

for (const block of document.querySelectorAll<HTMLElement>('[data-near-miss]')) {
  const base = block.dataset['base'] ?? '/';
  const targets = JSON.parse(block.dataset['targets'] ?? '[]') as (NearMissTarget & { label: string })[];
  // The suggestion is in the language of the missing address; the label in the language of the block.
  const { lang, path } = splitLangPath(stripBase(location.pathname, base));
  const found = nearMiss(path, targets) as (NearMissTarget & { label: string }) | null;
  if (!found) continue;
  const link = block.querySelector('a')!;
  link.href = localePath(lang, found.path, base);
  link.textContent = found.label;
  block.hidden = false;
}
