// /feed.xml and /en/feed.xml: what changed, from the procedure's and each province's change history (Atom).
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { getRegistry } from '../../lib/registry';
import { HTML_LANG, pick, t, tf, type Lang } from '../../lib/i18n';
import { localePath } from '../../lib/paths';
import { langPaths } from '../../lib/routes';
import { formatDate } from '../../lib/format';
import { atomFeed, type FeedEntry } from '../../lib/feed';

export const getStaticPaths = langPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const lang = (props as { lang: Lang }).lang;
  const base = import.meta.env.BASE_URL;
  const abs = (path: string) => new URL(localePath(lang, path, base), site).href;
  const entry = (page: string, url: string, date: string, note: string): FeedEntry => ({
    url,
    date,
    note,
    title: tf(lang, 'feedEntryTitle', { page, date: formatDate(date, lang) }),
  });
  const procedure = (await getCollection('procedure')).find((e) => e.data.lang === lang);
  const { provinces } = await getRegistry();
  const entries = [
    ...(procedure?.data.changes ?? []).map((c) => entry(procedure!.data.title, abs('/procedure/'), c.date, c.note)),
    ...provinces.flatMap((p) =>
      p.changes.map((c) => entry(pick(p.name, lang), abs(`/provinces/${p.slug}/`), c.date, pick(c.note, lang))),
    ),
  ];
  const xml = atomFeed({
    self: abs('/feed.xml'),
    home: abs('/'),
    lang: HTML_LANG[lang],
    title: t(lang, 'feedTitle'),
    subtitle: t(lang, 'feedSubtitle'),
    author: t(lang, 'siteName'),
    entries,
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
