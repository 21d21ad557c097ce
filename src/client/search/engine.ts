/**
 * The search engine for the header box and the search page: loads Pagefind's JS API on first use, searches, and
 * renders results as DOM (never as HTML strings built from the query). A province, city or prefix is answered first
 * from the small names index (src/lib/names-search.ts); Pagefind is requested only after that, and its results follow.
 */
import { searchNames, type NameEntry } from '../../lib/names-search';
import { queryTerms, sentenceSnippet } from '../../lib/excerpt';

interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  weighted_locations?: { balanced_score: number }[];
  locations?: number[];
}
interface PagefindResultData {
  url: string;
  excerpt: string;
  /** The page's indexed text. */
  content?: string;
  meta: Record<string, string | undefined>;
  /** One per section (a heading with an id) that matched; its url carries the heading's anchor. */
  sub_results?: PagefindSubResult[];
}
interface PagefindSearch {
  results: { id: string; score: number; data: () => Promise<PagefindResultData> }[];
}
interface Pagefind {
  options: (o: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (q: string | null, o?: { filters?: Record<string, string> }) => Promise<PagefindSearch | null>;
}

export interface SearchConfig {
  /** Where pagefind.js is, e.g. "/pagefind/". */
  bundle: string;
  /** The site base, prefixed to result URLs. */
  base: string;
  /** The names index of the page's language, e.g. "/en/search-names.json". */
  names: string;
}

/** The config a search form carries in its data-* attributes (written by searchDataAttributes in messages.ts). */
export function configFrom(data: DOMStringMap): SearchConfig {
  return { bundle: data['bundle']!, base: data['base']!, names: data['names']! };
}

export interface Hit {
  url: string;
  title: string;
  administration: string | undefined;
  excerpt: string;
}

export interface Outcome {
  total: number;
  hits: Hit[];
}

const HAN = /\p{Script=Han}/u;
/** How much a Chinese query's exact sequence counts; 5 puts 通辽 on Inner Mongolia and 海东 on Qinghai, not 辽宁 and 海南. */
const PHRASE_BOOST = 5;

/** Long pastes are cut: no province name or phrase needs more, and Pagefind gets a bounded query. */
const MAX_QUERY = 200;

/** Pagefind's options, less the base URL (tests/e2e/search.spec.ts searches with the same). */
const PAGEFIND_OPTIONS = {
  // Search on the page's thread: the worker is one more 12 kB download before the first result, and a search of this
  // small index is too quick to need one. Read only when given before init(), as loadPagefind does.
  noWorker: true,
  excerptLength: 22,
  excerptEllipsis: '…',
  ranking: {
    // A province's own names and cities (metadata) count for more than a mention in another page's text.
    metaWeights: { title: 6, aliases: 4, prefix: 4, administration: 2 },
    // An exact word beats a longer one that starts with it: 西安 xian is Shaanxi, not 仙桃 Xiantao (Hubei).
    termSimilarity: 5,
  },
};

let loading: Promise<Pagefind> | undefined;

function loadPagefind({ bundle, base }: SearchConfig): Promise<Pagefind> {
  loading ??= (async () => {
    const url = `${bundle}pagefind.js`;
    const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
    await pagefind.options({ ...PAGEFIND_OPTIONS, baseUrl: base });
    await pagefind.init();
    return pagefind;
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}

let namesLoading: Promise<NameEntry[]> | undefined;

function loadNames({ names }: SearchConfig): Promise<NameEntry[]> {
  namesLoading ??= fetch(names).then((r) => {
    if (!r.ok) throw new Error(`${names}: ${r.status}`);
    return r.json() as Promise<NameEntry[]>;
  });
  namesLoading.catch(() => (namesLoading = undefined));
  return namesLoading;
}

/**
 * Focus or arrival means a search is coming: fetch the small names index only. Pagefind (about 70 kB) is requested
 * by a search itself, once its names results are shown or when the names index has none, so a province, city or
 * prefix query never waits for it on a slow connection.
 */
export function warmUp(config: SearchConfig): void {
  void loadNames(config).catch(() => {});
}

/** The query Pagefind is given: trimmed, cut to MAX_QUERY characters (whole code points). */
function normaliseQuery(raw: string): string {
  return [...raw.trim()].slice(0, MAX_QUERY).join('').trim();
}

/** The query as the "nothing found" message quotes it: trimmed, long ones shortened. */
export function quoted(raw: string): string {
  const chars = [...raw.trim()];
  return chars.length > 60 ? `${chars.slice(0, 60).join('')}…` : chars.join('');
}

/**
 * Searches in two stages: `show` gets the names index's hits as soon as there are any (before Pagefind is requested),
 * then the final outcome: those hits first, in the same order, followed by Pagefind's others. Without names hits it
 * gets Pagefind's outcome alone. Throws only if Pagefind fails with nothing shown.
 */
export async function searchInStages(
  config: SearchConfig,
  raw: string,
  filters: Record<string, string>,
  limit: number,
  show: (outcome: Outcome, final: boolean) => void,
): Promise<void> {
  const query = normaliseQuery(raw);
  let early: Hit[] = [];
  if (query) {
    const entries = await loadNames(config).catch((): NameEntry[] => []);
    early = searchNames(entries, query, filters).slice(0, limit);
    if (early.length > 0) show({ total: early.length, hits: early }, false);
  }
  let full: Outcome;
  try {
    full = await runSearch(config, raw, filters, limit);
  } catch (error) {
    if (early.length > 0) return; // the names hits stay: they are right, only the full text is missing
    throw error;
  }
  show(early.length > 0 ? mergeOutcomes(early, full, limit) : full, true);
}

/** The names hits, then Pagefind's hits not already shown. */
function mergeOutcomes(early: readonly Hit[], full: Outcome, limit: number): Outcome {
  // Pagefind's hits link to the section that matched (…/hunan/#notes): the same page as a names hit.
  const page = (url: string) => url.split('#')[0];
  const shown = new Set(early.map((h) => page(h.url)));
  const hits = [...early, ...full.hits.filter((h) => !shown.has(page(h.url)))].slice(0, limit);
  const loaded = new Set(full.hits.map((h) => page(h.url)));
  // Names hits Pagefind did not return: city matches (Pagefind indexes a province's own names, not its cities).
  // A names hit for a province's own name ranks high in Pagefind too (title and aliases metadata), so it is among
  // the loaded hits whenever Pagefind has it; so the count is exact but for a province beyond the loaded hits.
  const extra = early.filter((h) => !loaded.has(page(h.url))).length;
  return { total: full.total + extra, hits };
}

/**
 * Renders hits into the list. `more` (the second stage of the same search) keeps the items already there, as they
 * are the first hits unchanged, and appends the rest: no flicker, and a focused result keeps its focus.
 */
export function renderHits(list: HTMLElement, hits: readonly Hit[], idPrefix: string, more: boolean): void {
  const kept = more
    ? [...list.children].filter((li, i) => li.querySelector('a')?.getAttribute('href') === hits[i]?.url)
    : [];
  if (kept.length !== (more ? list.childElementCount : 0)) return renderHits(list, hits, idPrefix, false);
  const added = hits.slice(kept.length).map((hit, i) => hitItem(hit, `${idPrefix}${kept.length + i}`));
  if (more) return void list.append(...added);
  // Later results can arrive while someone is moving through the earlier ones: the result they were on keeps focus.
  const focused = [...list.children].findIndex((li) => li.contains(document.activeElement));
  list.replaceChildren(...added);
  if (focused >= 0) list.children[Math.min(focused, list.children.length - 1)]?.querySelector('a')?.focus();
}

/** Searches; an empty query with filters lists everything they match. Loads `limit` results' data. */
async function runSearch(
  config: SearchConfig,
  raw: string,
  filters: Record<string, string>,
  limit: number,
): Promise<Outcome> {
  const query = normaliseQuery(raw);
  const active = Object.fromEntries(Object.entries(filters).filter(([, v]) => v));
  if (!query && Object.keys(active).length === 0) return { total: 0, hits: [] };
  const pagefind = await loadPagefind(config);
  // Chinese is searched word by word (通辽 → 通 辽, and 辽 also starts the title 辽宁): pages that hold the characters
  // in sequence, the quoted phrase, rank higher. Phrase results alone are unranked, so they only reorder.
  const phrase = query && HAN.test(query) && !query.includes('"') ? `"${query}"` : null;
  const [found, exact] = await Promise.all([
    pagefind.search(query || null, { filters: active }),
    phrase ? pagefind.search(phrase, { filters: active }) : Promise.resolve(null),
  ]);
  if (!found) return { total: 0, hits: [] };
  const inPhrase = new Set(exact?.results.map((r) => r.id));
  const ranked = found.results
    .map((r) => ({ r, score: r.score * (inPhrase.has(r.id) ? PHRASE_BOOST : 1) }))
    .sort((a, b) => b.score - a.score)
    .map(({ r }) => r);
  const data = await Promise.all(ranked.slice(0, limit).map((r) => r.data()));
  const terms = queryTerms(query);
  return { total: found.results.length, hits: data.map((d) => toHit(d, terms)) };
}

/** The section that matched most: its weighted matches summed (Pagefind lists the page's top as one too). */
function bestSection(subs: readonly PagefindSubResult[]): PagefindSubResult | undefined {
  const weight = (s: PagefindSubResult) =>
    s.weighted_locations?.reduce((sum, w) => sum + w.balanced_score, 0) ?? s.locations?.length ?? 0;
  return subs.reduce<PagefindSubResult | undefined>(
    (best, s) => (!best || weight(s) > weight(best) ? s : best),
    undefined,
  );
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** Where a section's excerpt is in the page's text, to look for the match there first. */
function offsetOf(content: string, excerptHtml: string): number {
  const plain = excerptHtml
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!)
    .replace(/^…|…$/g, '');
  const at = content.indexOf(plain.slice(0, 16));
  return Math.max(at, 0);
}

/**
 * A Pagefind result as a hit: linked to the section that matched, with a snippet from the start of the matching
 * sentence that marks the query's own words (src/lib/excerpt.ts). Pagefind's excerpt stays when the query's words
 * are not in the text as typed (a stemmed match: "fridays").
 */
function toHit(d: PagefindResultData, terms: readonly string[]): Hit {
  const subs = d.sub_results ?? [];
  const best = bestSection(subs);
  const content = d.content ?? '';
  const snippet = sentenceSnippet(content, terms, {
    from: best ? offsetOf(content, best.excerpt) : 0,
    headings: subs.map((s) => s.title),
  });
  return {
    url: best?.url ?? d.url,
    title: d.meta['title'] ?? d.url,
    administration: d.meta['administration'],
    excerpt: snippet ?? best?.excerpt ?? d.excerpt,
  };
}

/**
 * Pagefind's excerpt is HTML: the page text entity-encoded, with <mark> around matches. It is parsed inertly and
 * only its text and <mark> elements are kept, so nothing else can ever reach the page.
 */
function excerptNodes(html: string): Node[] {
  const template = document.createElement('template');
  template.innerHTML = html;
  const out: Node[] = [];
  for (const node of template.content.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) out.push(document.createTextNode(node.textContent ?? ''));
    else if (node instanceof Element) {
      if (node.localName === 'mark') {
        const mark = document.createElement('mark');
        mark.textContent = node.textContent;
        out.push(mark);
      } else out.push(document.createTextNode(node.textContent ?? ''));
    }
  }
  return out;
}

/** One result: a link with the title, described by the administration and the excerpt. */
function hitItem(hit: Hit, id: string): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'search-hit';
  const link = document.createElement('a');
  link.href = hit.url;
  link.textContent = hit.title;
  link.setAttribute('aria-describedby', id);
  link.dataset['searchHit'] = '';
  const details = document.createElement('div');
  details.id = id;
  if (hit.administration) {
    const admin = document.createElement('span');
    admin.className = 'search-hit-admin';
    admin.textContent = hit.administration;
    details.append(admin);
  }
  const excerpt = document.createElement('span');
  excerpt.className = 'search-hit-excerpt';
  excerpt.append(...excerptNodes(hit.excerpt));
  details.append(excerpt);
  li.append(link, details);
  return li;
}

/** A message template from a data attribute ("{n} results", "Nothing found for {q}") as text nodes. */
export function fill(template: string, values: Record<string, string>): Node[] {
  return template
    .split(/(\{[a-z]+\})/)
    .filter(Boolean)
    .map((part) => {
      const key = /^\{([a-z]+)\}$/.exec(part)?.[1];
      return document.createTextNode(key && key in values ? values[key]! : part);
    });
}

/**
 * ArrowDown/ArrowUp between the search field and the result links (real focus on real links, so Enter opens one
 * and screen readers read it). Returns true when it moved focus.
 */
export function moveWithArrows(
  event: KeyboardEvent,
  input: HTMLInputElement,
  links: readonly HTMLAnchorElement[],
): boolean {
  if ((event.key !== 'ArrowDown' && event.key !== 'ArrowUp') || event.altKey || event.ctrlKey || event.metaKey)
    return false;
  const at = links.indexOf(document.activeElement as HTMLAnchorElement);
  if (event.key === 'ArrowDown' && links.length > 0 && (at >= 0 || document.activeElement === input)) {
    links[Math.min(at + 1, links.length - 1)]!.focus();
  } else if (event.key === 'ArrowUp' && at >= 0) {
    (at === 0 ? input : links[at - 1]!).focus();
  } else return false;
  event.preventDefault();
  return true;
}

/** Calls `fn` after `ms` of quiet; each call cancels the previous one. */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): (...args: A) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (...args: A) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}
