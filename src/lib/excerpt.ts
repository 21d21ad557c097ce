/**
 * Search result snippets from a page's indexed text: they start at the start of the sentence that matched, and mark
 * the query's own words (周五, not the 每周 a word segmenter cut out of 每周五).
 */

const HAN = /\p{Script=Han}/u;
/** Where a sentence ends: Chinese full stops, and Latin ones followed by a space (not the dot in a host name). */
const SENTENCE_END = /[。！？；]|[.!?;](?=\s)/gu;

/** The words of a query that a snippet marks: quotes dropped, each once, longest first (so 周五 wins over 周). */
export function queryTerms(query: string): string[] {
  const terms = query
    .replace(/["“”]/g, ' ')
    .split(/\s+/)
    .map((t) => t.trim())
    .filter(Boolean);
  return [...new Set(terms.map((t) => t.toLowerCase()))].sort((a, b) => b.length - a.length);
}

/** Every [start, end) of a term in text, case-insensitively; Latin terms only at the start of a word. */
function matches(text: string, terms: readonly string[]): [number, number][] {
  const lower = text.toLowerCase();
  const found: [number, number][] = [];
  for (const term of terms) {
    for (let i = lower.indexOf(term); i >= 0; i = lower.indexOf(term, i + 1)) {
      const atWordStart = HAN.test(term) || i === 0 || !/[\p{L}\p{N}]/u.test(lower[i - 1]!);
      if (atWordStart && !found.some(([s, e]) => i < e && i + term.length > s)) found.push([i, i + term.length]);
    }
  }
  return found.sort((a, b) => a[0] - b[0]);
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Text with <mark> around the terms, the rest entity-encoded: the excerpt format the result list renders. */
export function markTerms(text: string, terms: readonly string[]): string {
  let out = '';
  let at = 0;
  for (const [s, e] of matches(text, terms)) {
    out += `${escapeHtml(text.slice(at, s))}<mark>${escapeHtml(text.slice(s, e))}</mark>`;
    at = e;
  }
  return out + escapeHtml(text.slice(at));
}

export interface SnippetOptions {
  /** Look for the match from here (the start of the section that matched). */
  from?: number;
  /** Headings that may run into a sentence in the indexed text; a snippet does not start with one. */
  headings?: readonly string[];
  /** The longest snippet, in characters, before "…". */
  max?: number;
}

/**
 * The snippet for a page: from the start of the sentence holding the first match (from `from` on, else anywhere)
 * to the end of that sentence or `max` characters, with the terms marked. Null when no term occurs in the text.
 */
export function sentenceSnippet(
  content: string,
  terms: readonly string[],
  options: SnippetOptions = {},
): string | null {
  const { from = 0, headings = [], max = 160 } = options;
  const all = matches(content, terms);
  const first = all.find(([s]) => s >= from) ?? all[0];
  if (!first) return null;
  let start = 0;
  for (const m of content.slice(0, first[0]).matchAll(SENTENCE_END)) start = m.index + m[0].length;
  while (/\s/.test(content[start] ?? '')) start++;
  // A heading the indexed text runs into its first sentence ("Local notes The Hunan…") is not part of it.
  const heading = headings.find((h) => h && content.startsWith(`${h} `, start) && start + h.length < first[0]);
  if (heading) start += heading.length + 1;
  // A match too far into its sentence to show from the start: begin a little before it instead, at a word break.
  let lead = '';
  if (first[1] - start > max) {
    const cut = content.lastIndexOf(' ', first[0] - Math.floor(max / 4));
    start = cut > start ? cut + 1 : first[0] - Math.floor(max / 4);
    lead = '…';
  }
  const text = content.slice(start);
  const matchEnd = first[1] - start;
  const end = [...text.matchAll(SENTENCE_END)].find((m) => m.index >= matchEnd - 1);
  const endAt = end ? end.index + end[0].length : text.length;
  let snippet = text.slice(0, endAt);
  if (snippet.length > max) {
    snippet = snippet.slice(0, Math.max(max, matchEnd));
    const space = snippet.lastIndexOf(' ');
    if (space > Math.max(max / 2, matchEnd)) snippet = snippet.slice(0, space);
    snippet = `${snippet.trimEnd()}…`;
  }
  return lead + markTerms(snippet.trimEnd(), terms);
}
