/**
 * Pulls every URL-bearing attribute and every fragment target out of one HTML page (no DOM is built: the checker
 * must stay fast at thousands of pages). Shared by the build-time checker and the external monitor
 * (scripts/check-external-links.ts). What the parser costs at scale: bench/README.md.
 */
import { Parser } from 'htmlparser2';

export interface ExtractedLink {
  tag: string;
  attr: string;
  /** The attribute value after entity decoding and trimming, as a browser would read it. */
  value: string;
  /** rel tokens, lower-cased, for <a> and <area>; null elsewhere. */
  rel: string[] | null;
  /** Character offset of the tag in the page, for line numbers in the report. */
  offset: number;
}

export interface ExtractedPage {
  links: ExtractedLink[];
  /** Every `id`, and every `name` of an <a>: what a #fragment can point at. */
  anchors: Set<string>;
  /** The first <base href>, which changes how relative links resolve. */
  baseHref: string | null;
}

/** Which attributes of which elements hold a URL the browser will follow or fetch. */
const URL_ATTRS: Record<string, readonly string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  script: ['src'],
  iframe: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  embed: ['src'],
  object: ['data'],
  input: ['src'],
  form: ['action'],
  use: ['href', 'xlink:href'],
  image: ['href', 'xlink:href'],
};

/** <meta> properties whose content is a URL (Open Graph, Twitter cards). */
const URL_META = new Set([
  'og:url',
  'og:image',
  'og:image:url',
  'og:image:secure_url',
  'og:audio',
  'og:video',
  'twitter:image',
]);

/** Splits a srcset into its URLs (the HTML "parse a srcset attribute" algorithm, descriptors dropped). */
export function srcsetUrls(srcset: string): string[] {
  const urls: string[] = [];
  let i = 0;
  const n = srcset.length;
  const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';
  while (i < n) {
    while (i < n && (isSpace(srcset[i]) || srcset[i] === ',')) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && !isSpace(srcset[i])) i++;
    let url = srcset.slice(start, i);
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      // Skip the descriptors, up to the next comma outside parentheses.
      let depth = 0;
      while (i < n) {
        const c = srcset[i];
        if (c === '(') depth++;
        else if (c === ')') depth = Math.max(0, depth - 1);
        else if (c === ',' && depth === 0) break;
        i++;
      }
    }
    if (url) urls.push(url);
  }
  return urls;
}

/**
 * A copy of `s` that does not keep the page alive: V8 substrings, such as the attribute values the parser slices
 * out of the page, point into their parent string, so one kept value would keep the whole page's HTML.
 */
export function detached(s: string): string {
  return (' ' + s).slice(1);
}

/** The page's links, anchors and <base href>, from the tags htmlparser2's Parser finds, in document order. */
export function extractPage(html: string): ExtractedPage {
  const page: ExtractedPage = { links: [], anchors: new Set(), baseHref: null };
  const { links, anchors } = page;
  let templateDepth = 0;

  const openTag = (name: string, attribs: Record<string, string>, offset: number) => {
    // <template> content is inert until a script clones it; this site has no such scripts.
    if (name === 'template') templateDepth++;
    if (templateDepth > 0) return;
    // Anchors outlive the page (fragments on other pages are checked against them): detached copies.
    const id = attribs['id'];
    if (id) anchors.add(detached(id));
    if (name === 'a' && attribs['name']) anchors.add(detached(attribs['name']));
    if (name === 'base' && page.baseHref === null && attribs['href'] !== undefined)
      page.baseHref = attribs['href'].trim();
    if (name === 'meta') {
      const key = (attribs['property'] ?? attribs['name'] ?? '').toLowerCase();
      const content = attribs['content'];
      if (URL_META.has(key) && content)
        links.push({ tag: 'meta', attr: key, value: content.trim(), rel: null, offset });
      return;
    }
    const attrs = URL_ATTRS[name];
    if (!attrs) return;
    const relAttr = attribs['rel'];
    const rel =
      name === 'a' || name === 'area' ? (relAttr ? relAttr.toLowerCase().split(/\s+/).filter(Boolean) : []) : null;
    for (const attr of attrs) {
      const raw = attribs[attr];
      if (raw === undefined) continue;
      if (attr === 'srcset') {
        for (const url of srcsetUrls(raw)) links.push({ tag: name, attr, value: url, rel, offset });
      } else {
        links.push({ tag: name, attr, value: raw.trim(), rel, offset });
      }
    }
  };
  const parser = new Parser({
    onopentag: (name, attribs) => openTag(name, attribs, parser.startIndex),
    onclosetag: (name) => {
      if (name === 'template' && templateDepth > 0) templateDepth--;
    },
  });
  parser.end(html);
  return page;
}

/**
 * A function from a character offset to its 1-based line, for one page. The newlines are found once, when a line is
 * first asked for: Astro writes a page as one long line, which a search per link would read in full each time.
 */
export function lineIndex(text: string): (offset: number) => number {
  let newlines: number[] | undefined;
  return (offset) => {
    if (!newlines) {
      newlines = [];
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) newlines.push(i);
    }
    // The line is one more than the number of newlines before the offset: a binary search for the first at or after it.
    let lo = 0;
    let hi = newlines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (newlines[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
}
