/**
 * The sitemap, by @astrojs/sitemap: every page in both languages with its hreflang alternates, and <lastmod> from
 * the content's `updated` dates (read here from the content files: the integration runs outside Astro's collections).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sitemap from '@astrojs/sitemap';
import yaml from 'js-yaml';
import type { AstroIntegration } from 'astro';
import { HTML_LANG, LANGS, type Lang } from '../lib/i18n.ts';
import { inSitemap, lastmodFor, type UpdatedDates } from '../lib/lastmod.ts';

function readDates(contentDir: string): UpdatedDates {
  const updated = (text: string) => {
    let data: { updated?: unknown; slug?: unknown; lang?: unknown } | null = null;
    try {
      data = yaml.load(text) as { updated?: unknown; slug?: unknown; lang?: unknown } | null;
    } catch {
      // A malformed file gets no <lastmod>; the content layer reports it with its file and line.
    }
    // js-yaml reads an unquoted 2026-11-23 as a Date.
    const date = data?.updated instanceof Date ? data.updated.toISOString().slice(0, 10) : String(data?.updated ?? '');
    return { ...data, date };
  };
  const provinces = new Map<string, string>();
  const dir = join(contentDir, 'provinces');
  for (const file of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f))) {
    const { slug, date } = updated(readFileSync(join(dir, file), 'utf8'));
    if (typeof slug === 'string' && date) provinces.set(slug, date);
  }
  const procedure: Partial<Record<Lang, string>> = {};
  const pdir = join(contentDir, 'procedure');
  for (const file of readdirSync(pdir).filter((f) => /\.mdx?$/.test(f))) {
    const front = /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(pdir, file), 'utf8'))?.[1] ?? '';
    const { lang, date } = updated(front);
    if ((LANGS as readonly unknown[]).includes(lang) && date) procedure[lang as Lang] = date;
  }
  return { provinces, procedure };
}

export default function siteMap(options: { contentDir: string; base: string }): AstroIntegration {
  const dates = readDates(options.contentDir);
  return sitemap({
    i18n: { defaultLocale: 'zh-cn', locales: Object.fromEntries(LANGS.map((l) => [l, HTML_LANG[l]])) },
    filter: (url) => inSitemap(url, options.base),
    serialize: (item) => {
      const lastmod = lastmodFor(item.url, options.base, dates);
      return lastmod ? { ...item, lastmod } : item;
    },
  });
}
