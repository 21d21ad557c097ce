/** Sitemap <lastmod>: each page's `updated` date; a list page changes whenever a page it lists does. */
import type { Lang } from './i18n';
import { splitLangPath, stripBase } from './paths';

export interface UpdatedDates {
  /** Province slug → its `updated`. */
  provinces: ReadonlyMap<string, string>;
  /** Language → the procedure's `updated`. */
  procedure: Partial<Record<Lang, string>>;
}

/** The date for a page URL, or undefined when there is none to give (no content at all). */
export function lastmodFor(url: string, base: string, dates: UpdatedDates): string | undefined {
  const { lang, path } = splitLangPath(stripBase(new URL(url).pathname, base));
  const province = /^\/provinces\/([a-z]+)\/$/.exec(path)?.[1];
  if (province) return dates.provinces.get(province);
  if (path === '/procedure/') return dates.procedure[lang];
  return newest([...dates.provinces.values(), ...Object.values(dates.procedure)]);
}

function newest(dates: readonly string[]): string | undefined {
  return dates.length > 0 ? dates.reduce((a, b) => (b > a ? b : a)) : undefined;
}

/** Pages that stay out of the sitemap: the 404s and the search page (a form, not content). */
export function inSitemap(url: string, base: string): boolean {
  const { path } = splitLangPath(stripBase(new URL(url).pathname, base));
  return !/^\/(404\/?|404\.html|search\/)$/.test(path);
}
