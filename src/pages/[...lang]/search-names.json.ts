import type { APIRoute } from 'astro';
import { getRegistry } from '../../lib/registry';
import type { Lang } from '../../lib/i18n';
import { langPaths } from '../../lib/routes';
import { nameEntry } from '../../lib/names-index';

/**
 * The names index: the provinces with the aliases Pagefind gets (one source), so a province, city or prefix is
 * answered before Pagefind's engine has downloaded. Short keys, no spaces: it is fetched on every first search.
 */
export const getStaticPaths = langPaths;

export const GET: APIRoute = async ({ props }) => {
  const { lang } = props as { lang: Lang };
  const { provinces } = await getRegistry();
  const body = provinces.map((p) => nameEntry(p, lang, import.meta.env.BASE_URL));
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
