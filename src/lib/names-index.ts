/** Build time: a province's entry in the names index (src/pages/[...lang]/search-names.json.ts). */
import { methodsOf } from './deregistration-method';
import { pick, type Lang } from './i18n';
import { compactAliases, type NameEntry } from './names-search';
import { localePath } from './paths';
import { cached, provinceAliases, type AliasSource } from './search-aliases';

export interface NameSource extends AliasSource {
  slug: string;
  division: string;
  region: string;
  administration: { zh: string; en: string };
  links: readonly { kind: string }[];
}

export function nameEntry(p: NameSource, lang: Lang, base: string): NameEntry {
  const t = pick(p.name, lang);
  return {
    u: localePath(lang, `/provinces/${p.slug}/`, base),
    t,
    a: pick(p.administration, lang),
    n: [...new Set([p.name.zh, p.name.en, p.name.pinyin])].filter((n) => n !== t),
    p: p.prefix,
    r: p.region,
    m: methodsOf(p.links),
    // The string Pagefind indexes, less what the matcher does not need; both languages' indexes carry the same one.
    s: cached('compact', p, () => compactAliases(provinceAliases(p))),
  };
}
