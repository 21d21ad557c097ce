/**
 * The names a province is searched by, as one space-separated string: its own names for Pagefind metadata
 * (`aliases`), and with its cities for the names index (src/lib/names-index.ts).
 *
 * Metadata is searchable in Pagefind, so these match without being hidden body text (which would leak into excerpts).
 * Chinese is pre-split into words with Intl.Segmenter, the segmenter Pagefind runs on the query in the browser, so a
 * query's words are words of the index: 恩施 → 恩 施 matches 恩施土家族苗族自治州 on a zh-CN page.
 * A province's own pinyin comes from the registry, never generated: toneless 陕西 would be "shanxi", which is 山西.
 */
import type { City } from './cities';

export interface AliasSource {
  prefix: string;
  name: { zh: string; en: string; pinyin: string };
  aliases: readonly string[];
}

const HAN = /\p{Script=Han}/u;
const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
// The same city names recur on every page of a province (and across synthetic registries): segment each once.
const wordsCache = new Map<string, readonly string[]>();

/** The words of a Chinese name as the browser's segmenter sees them: 延边朝鲜族自治州 → 延, 边, 朝鲜, 族, 自治州. */
export function chineseWords(text: string): readonly string[] {
  let words = wordsCache.get(text);
  if (!words) {
    words = Object.freeze([...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment));
    wordsCache.set(text, words);
  }
  return words;
}

/** Every search term for a province, in a stable order, each once (case-insensitively). */
export function aliasTerms(province: AliasSource, cities: readonly City[] = []): string[] {
  const terms: string[] = [];
  const add = (term: string) => {
    const t = term.trim().replace(/\s+/g, ' ');
    if (!t) return;
    terms.push(t);
    if (HAN.test(t)) terms.push(...chineseWords(t));
    // "Zhe Jiang" and "zhejiang", "Nei Mongol" and "neimongol": people type pinyin both ways.
    else if (t.includes(' ')) terms.push(t.replace(/ /g, '').toLowerCase());
  };
  const { name } = province;
  [name.zh, province.prefix, name.en, name.pinyin, ...province.aliases].forEach(add);
  for (const c of cities) {
    [c.zh, c.short, c.pinyin, c.pinyinSpaced].forEach(add);
    const plain = c.pinyinSpaced.replace(/ /g, '');
    add(plain); // Xi'an is also typed xian
    if (plain.includes('ü')) add(plain.replace(/ü/g, 'v')); // 吕梁: lvliang on a keyboard
  }
  const seen = new Set<string>();
  return terms.filter((t) => {
    const key = t.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The `aliases` metadata value: the terms joined with spaces. */
export function aliasString(province: AliasSource, cities: readonly City[] = []): string {
  return aliasTerms(province, cities).join(' ');
}
