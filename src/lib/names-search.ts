/**
 * The names matcher: answers a province, city, prefix or filing-number query from the small names index
 * (/search-names.json) before Pagefind's engine has downloaded. Pure, so it runs the same in tests and browsers.
 */

import { escapeHtml } from './html';
import { parseIcpNumber } from './icp-number';

/** One province in the names index. Short keys keep the file small: it is fetched on every first search. */
export interface NameEntry {
  /** URL, with the site base. */
  u: string;
  /** Title, in the index's language. */
  t: string;
  /** Administration, in the index's language. */
  a: string;
  /** The province's other own names (Chinese, English, pinyin, less t): an exact one ranks first in either language. */
  n: string[];
  /** Filing-number prefix character. */
  p: string;
  /** Region (the region filter's value). */
  r: string;
  /** Deregistration methods (the method filter's values). */
  m: string[];
  /** The aliases string Pagefind indexes (src/lib/search-aliases.ts). */
  s: string;
}

/** A result as the search UI renders it; excerpt is text and <mark> only, like Pagefind's. */
export interface NameHit {
  url: string;
  title: string;
  administration: string;
  excerpt: string;
}

const HAN = /\p{Script=Han}/u;
const MARKED = 4;

interface Prepared {
  words: string[];
  lower: string[];
  /** The aliases with the spaces between Han characters removed: 内蒙 is found in "内蒙古 内 蒙古". */
  han: string;
  /** Lower-case aliases with no spaces, and where each word starts in it. */
  squashed: string;
  starts: Set<number>;
  names: Set<string>;
}

const prepared = new WeakMap<NameEntry, Prepared>();

function prepare(e: NameEntry): Prepared {
  let p = prepared.get(e);
  if (!p) {
    const words = e.s.split(' ').filter(Boolean);
    const lower = words.map((w) => w.toLowerCase());
    const starts = new Set<number>();
    let at = 0;
    for (const w of lower) {
      starts.add(at);
      at += w.length;
    }
    const squash = (s: string) => s.normalize('NFC').toLowerCase().replace(/\s+/g, '');
    p = {
      words,
      lower,
      han: e.s.replace(/(\p{Script=Han})\s+(?=\p{Script=Han})/gu, '$1'),
      squashed: lower.join(''),
      starts,
      names: new Set([e.t, e.p, ...e.n].map(squash)),
    };
    prepared.set(e, p);
  }
  return p;
}

/** Trimmed, NFC, lower-case, runs of spaces collapsed to one. */
export function normaliseNames(raw: string): string {
  return raw.normalize('NFC').toLowerCase().trim().replace(/\s+/g, ' ');
}

const PINYIN_WORD = /^[a-zü']+$/;

/**
 * The aliases less the words this matcher finds without them, to keep the index small: Chinese words inside an
 * earlier one (杭州 in 杭州市, found as a substring) and spaced pinyin next to its joined form (hang zhou, hangzhou:
 * a spaced query is also tried joined). Everything searchable stays searchable.
 */
export function compactAliases(aliases: string): string {
  const words = aliases.split(' ').filter(Boolean);
  const lower = words.map((w) => w.toLowerCase());
  const drop = new Set<number>();
  // The words before this one, space-separated: a word has no space, so it is inside one of them iff inside this.
  // (One inside a dropped word is inside the word that one was inside.)
  let before = '';
  for (const [i, w] of words.entries()) {
    if (HAN.test(w) && before.includes(w)) drop.add(i);
    before += ` ${w}`;
  }
  const all = new Set(lower);
  for (let i = 0; i < words.length; i++) {
    for (let k = 2; k <= 5 && i + k <= words.length; k++) {
      const span = lower.slice(i, i + k);
      if (span.some((w, j) => w !== words[i + j] || !PINYIN_WORD.test(w))) break;
      const joined = span.join('');
      if (all.has(joined)) {
        // never one of the span's own words, which are shorter
        for (let j = i; j < i + k; j++) drop.add(j);
        i += k - 1;
        break;
      }
    }
  }
  return words.filter((_, i) => !drop.has(i)).join(' ');
}

/** 1: a whole alias word (or, in Chinese, its start: 杭州 of 杭州市); 2: part of one; 0: no match. */
function tokenLevel(token: string, p: Prepared): number {
  if (HAN.test(token)) {
    if (p.words.some((w) => w.startsWith(token))) return 1;
    return p.han.includes(token) ? 2 : 0;
  }
  if (p.lower.includes(token)) return 1;
  if (p.lower.some((w) => w.startsWith(token))) return 2;
  // Run together from the start of a word ("innermongolia"), never from the middle of one: hangzhou is not in zhangzhou.
  for (let i = p.squashed.indexOf(token); i >= 0; i = p.squashed.indexOf(token, i + 1)) if (p.starts.has(i)) return 2;
  return 0;
}

/** The alias words a query matched, each marked; the query itself never appears, only the index's words. */
function excerptFor(tokens: string[], p: Prepared, e: NameEntry): string {
  const seen = new Set<string>();
  const marked: string[] = [];
  p.words.forEach((w, i) => {
    const l = p.lower[i]!;
    if (marked.length >= MARKED || seen.has(l)) return;
    if (tokens.some((t) => (HAN.test(t) ? w.includes(t) : l.startsWith(t)))) {
      seen.add(l);
      marked.push(`<mark>${escapeHtml(w)}</mark>`);
    }
  });
  return marked.length > 0 ? marked.join(' · ') : escapeHtml(e.n.join(' · '));
}

const tables = new WeakMap<readonly NameEntry[], Map<string, NameEntry>>();

/**
 * The province a pasted filing number names (粤ICP备12043194号-1, or just its start, 粤ICP备), read by the lookup's
 * parser, and the number as the parser read it; null when the query holds no filing number with a known prefix.
 */
export function filingProvince(
  entries: readonly NameEntry[],
  raw: string,
): { entry: NameEntry; number: string } | null {
  let table = tables.get(entries);
  if (!table) tables.set(entries, (table = new Map(entries.map((e) => [e.p, e]))));
  const r = parseIcpNumber(raw, table);
  if (r.ok) return { entry: r.province, number: r.normalized };
  // A number typed in part (粤ICP备, 粤ICP备1204) still names its province; 甘 names Gansu's 陇.
  const entry = r.suggestion?.province ?? (r.problem === 'malformed' && r.prefix ? table.get(r.prefix) : undefined);
  return entry && r.found ? { entry, number: r.found } : null;
}

/**
 * The provinces whose names match every word of the query, best first: an exact name or prefix character, then an
 * exact alias word, then the start (or, for Chinese, any part) of one; ties in registry order. Filters narrow them
 * as they narrow Pagefind's results. An empty query matches nothing: a filter alone is Pagefind's to list.
 */
export function searchNames(
  entries: readonly NameEntry[],
  raw: string,
  filters: Record<string, string> = {},
): NameHit[] {
  const q = normaliseNames(raw);
  if (!q) return [];
  const filing = filingProvince(entries, raw);
  if (filing) {
    const { entry: e, number } = filing;
    if ((filters['region'] && e.r !== filters['region']) || (filters['method'] && !e.m.includes(filters['method'])))
      return [];
    return [{ url: e.u, title: e.t, administration: e.a, excerpt: `<mark>${escapeHtml(number)}</mark>` }];
  }
  const tokens = q.split(' ');
  const whole = q.replace(/ /g, '');
  const ranked: { e: NameEntry; p: Prepared; rank: number; i: number }[] = [];
  entries.forEach((e, i) => {
    if (filters['region'] && e.r !== filters['region']) return;
    if (filters['method'] && !e.m.includes(filters['method'])) return;
    const p = prepare(e);
    let levels = tokens.map((t) => tokenLevel(t, p));
    // "hang zhou" is hangzhou: the index keeps pinyin joined (compactAliases).
    if (levels.includes(0) && tokens.length > 1 && !HAN.test(whole)) levels = [tokenLevel(whole, p)];
    if (levels.includes(0)) return;
    ranked.push({ e, p, rank: p.names.has(whole) ? 0 : Math.max(...levels), i });
  });
  ranked.sort((a, b) => a.rank - b.rank || a.i - b.i);
  return ranked.map(({ e, p }) => ({ url: e.u, title: e.t, administration: e.a, excerpt: excerptFor(tokens, p, e) }));
}
