/** Build time: a province's entry in the names index (src/pages/[...lang]/search-names.json.ts). */
import { pick, type Lang } from './i18n';
import type { NameEntry } from './names-search';
import { localePath } from './paths';
import type { Province } from './registry-model';

export function nameEntry(p: Province, lang: Lang, base: string): NameEntry {
  const t = pick(p.name, lang);
  return {
    u: localePath(lang, `/provinces/${p.slug}/`, base),
    t,
    a: pick(p.administration, lang),
    n: [...new Set([p.name.zh, p.name.en, p.name.pinyin])].filter((n) => n !== t),
    p: p.prefix,
    r: p.region,
    m: p.methods,
    // The string Pagefind indexes, less what the matcher does not need; both languages' indexes carry the same one.
    s: p.indexAliases,
  };
}
