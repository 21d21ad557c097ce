import type { APIRoute } from 'astro';
import { getRegistry } from '../lib/registry';
import { HTML_LANG, LANGS } from '../lib/i18n';
import { localePath } from '../lib/paths';

/** Every page in every language, with its hreflang alternates. */
export const GET: APIRoute = async ({ site }) => {
  const base = import.meta.env.BASE_URL;
  const { provinces } = await getRegistry();
  const paths = ['/', '/lookup/', '/procedure/', '/provinces/', '/sources/', ...provinces.map((p) => `/provinces/${p.slug}/`)];
  const abs = (lang: (typeof LANGS)[number], path: string) => new URL(localePath(lang, path, base), site).href;
  const urls = paths.flatMap((path) =>
    LANGS.map((lang) => {
      const alts = LANGS.map((l) => `    <xhtml:link rel="alternate" hreflang="${HTML_LANG[l]}" href="${abs(l, path)}"/>`).join('\n');
      return `  <url>\n    <loc>${abs(lang, path)}</loc>\n${alts}\n  </url>`;
    }),
  );
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>\n`;
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
