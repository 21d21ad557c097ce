/** Build time: a province's entry in the names index (src/pages/[...lang]/search-names.json.ts). */
import { methodsOf } from './deregistration-method';
import { pick, type Lang } from './i18n';
import { compactAliases, type NameEntry } from './names-search';
import { localePath } from './paths';
import { provinceAliases, type AliasSource } from './search-aliases';

export interface NameSource extends AliasSource {
  slug: string;
  division: string;
  region: string;
  administration: { zh: string; en: string };
  links: readonly { kind: string }[];
}

// Both languages' indexes carry the same compacted string: work it out once per province.
const compactCache = new Map<string, string>();

function compactedAliases(p: NameSource): string {
  const aliases = provinceAliases(p);
  let compact = compactCache.get(aliases);
  if (compact === undefined) compactCache.set(aliases, (compact = compactAliases(aliases)));
  return compact;
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
    // The string Pagefind indexes, less what the matcher does not need.
    s: compactedAliases(p),
  };
}
