/**
 * Pulls every URL-bearing attribute and every fragment target out of one HTML page (no DOM is built: the checker
 * must stay fast at thousands of pages). Shared by the build-time checker and the external monitor
 * (scripts/check-external-links.ts).
 *
 * Speed on the 10,013 pages of a 5,000-entry build (best of 3): htmlparser2's Parser 2,040–2,570 ms; its Tokenizer
 * alone, with no-op callbacks, 800 ms (so 2.5× at best); this scanner 480–530 ms (4.2–4.8×). It gives exactly what the
 * Parser gave (tests/unit/link-extract.test.ts compares them).
 */
import { Tokenizer } from 'htmlparser2';

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
const URL_META = new Set(['og:url', 'og:image', 'og:image:url', 'og:image:secure_url', 'og:audio', 'og:video', 'twitter:image']);

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

/*
 * The scanner below gives exactly what htmlparser2 12's Parser gave, quirks included: the tables and rules are the
 * Parser's (element stack, implied closes, SVG/MathML contexts, raw-text elements); its callbacks came from the stack
 * and the tokenizer, so a tag's `offset` is the Parser's `startIndex`, which is not always the `<` (after `</a x>`).
 */

type Attribs = Record<string, string>;
const NO_ATTRIBS: Readonly<Attribs> = Object.freeze({});

/** The attributes onOpenTag reads besides URL_ATTRS and `id`. */
const OTHER_ATTRS: Record<string, readonly string[]> = { a: ['name', 'rel'], area: ['rel'], base: ['href'], meta: ['property', 'name', 'content'] };
/** The attributes onOpenTag reads, per element; any other element only needs its `id`. */
const WANTED = new Map(
  [...Object.keys(URL_ATTRS), ...Object.keys(OTHER_ATTRS)].map((tag): [string, ReadonlySet<string>] => [
    tag,
    new Set(['id', ...(URL_ATTRS[tag] ?? []), ...(OTHER_ATTRS[tag] ?? [])]),
  ]),
);

const formTags = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const pTag = new Set(['p']);
const headingTags = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p']);
const tableSectionTags = new Set(['thead', 'tbody']);
const ddtTags = new Set(['dd', 'dt']);
const rtpTags = new Set(['rt', 'rp']);
/** Opening the key closes the open elements in the set, while they are on top (htmlparser2's openImpliesClose). */
const OPEN_IMPLIES_CLOSE = new Map<string, ReadonlySet<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])],
  ['a', new Set(['a'])],
  ['li', new Set(['li'])],
  ['p', pTag],
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((h): [string, ReadonlySet<string>] => [h, headingTags]),
  ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map((t): [string, ReadonlySet<string>] => [t, formTags]),
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', ddtTags],
  ['dt', ddtTags],
  ...['address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul'].map(
    (t): [string, ReadonlySet<string>] => [t, pTag],
  ),
  ['rt', rtpTags],
  ['rp', rtpTags],
  ['tbody', tableSectionTags],
  ['tfoot', tableSectionTags],
]);
const VOID = new Set(['area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Elements inside <svg>/<math> that switch back to HTML (case as adjusted). */
const HTML_INTEGRATION = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignObject', 'desc', 'title']);
const SVG_NAMES = new Map(
  ['altGlyph', 'altGlyphDef', 'altGlyphItem', 'animateColor', 'animateMotion', 'animateTransform', 'clipPath', 'feBlend', 'feColorMatrix', 'feComponentTransfer', 'feComposite', 'feConvolveMatrix', 'feDiffuseLighting', 'feDisplacementMap', 'feDistantLight', 'feDropShadow', 'feFlood', 'feFuncA', 'feFuncB', 'feFuncG', 'feFuncR', 'feGaussianBlur', 'feImage', 'feMerge', 'feMergeNode', 'feMorphology', 'feOffset', 'fePointLight', 'feSpecularLighting', 'feSpotLight', 'feTile', 'feTurbulence', 'foreignObject', 'glyphRef', 'linearGradient', 'radialGradient', 'textPath'].map((name) => [name.toLowerCase(), name]),
);
const HTML = 0;
const SVG = 1;
const MATHML = 2;
/** Elements whose content is text up to their end tag (in HTML context), with that end tag's start. */
const RAW_TEXT = new Map(['iframe', 'noembed', 'noframes', 'script', 'style', 'title', 'textarea', 'xmp'].map((name) => [name, `</${name}`]));

/** Everything the scanner needs to know about one element name, in one lookup. */
interface ElementInfo {
  /** Closed by opening this one while on top of the stack. */
  closes: ReadonlySet<string> | undefined;
  isVoid: boolean;
  /** What it does to the foreign-content context when pushed, or -1. */
  context: number;
  /** Attributes onOpenTag reads, or null: only `id`. */
  wanted: ReadonlySet<string> | null;
  /** Bit n set when some wanted name has n characters: most attributes are skipped before being read. */
  wantedLengths: number;
  /** End-tag start for raw-text elements, '' for <plaintext>, undefined otherwise. */
  rawText: string | undefined;
}
const elementInfo = (name: string): ElementInfo => ({
  closes: OPEN_IMPLIES_CLOSE.get(name),
  isVoid: VOID.has(name),
  context: name === 'svg' ? SVG : name === 'math' ? MATHML : HTML_INTEGRATION.has(name) ? HTML : -1,
  wanted: WANTED.get(name) ?? null,
  wantedLengths: [...(WANTED.get(name) ?? [])].reduce((bits, attr) => bits | (1 << attr.length), 0),
  rawText: name === 'plaintext' ? '' : RAW_TEXT.get(name),
});
/** Every name some table mentions; any other element is OTHER. */
const ELEMENTS = new Map(
  [...OPEN_IMPLIES_CLOSE.keys(), ...VOID, ...HTML_INTEGRATION, 'svg', 'math', ...WANTED.keys(), ...RAW_TEXT.keys(), 'plaintext'].map((name) => [name, elementInfo(name)]),
);
const OTHER = elementInfo('');

// Letters fail the first test: these run on every character of every tag.
const isSpace = (c: number) => c <= 32 && (c === 32 || (c >= 9 && c <= 13 && c !== 11));
const isAlpha = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
/** Ends a tag or attribute name: whitespace, `/` or `>`. */
const isNameEnd = (c: number) => c <= 62 && (c === 62 || c === 47 || isSpace(c));
const COMMENT_END = /--!?>/g;

/**
 * Where the end tag of a raw-text element ends its name, searched from `p` (-1: none). As in the tokenizer: characters
 * match with `c | 0x20` (so `\x1c\x0fSCRIPT` counts as `</script`), and after a mismatch raw text skips to the next
 * `<` while RCDATA (<title>, <textarea>, where entities are decoded) goes on character by character.
 */
function rawTextEnd(html: string, p: number, seq: string, rcdata: boolean): number {
  const n = html.length;
  const len = seq.length;
  let k = 0;
  for (; p < n; p++) {
    const c = html.charCodeAt(p);
    if (k === len) {
      if (isNameEnd(c)) return p;
      k = 0;
    }
    if ((c | 0x20) === seq.charCodeAt(k)) k++;
    else if (k !== 0) k = c === 60 ? 1 : 0;
    else if (!rcdata) {
      p = html.indexOf('<', p + 1);
      if (p === -1) return -1;
      k = 1;
    }
  }
  return -1;
}

// Values with `&` go through htmlparser2's own tokenizer, so they decode exactly as the Parser decoded them.
let wrapped = '';
let decoded = '';
const ignore = () => {};
const valueTokenizer = new Tokenizer(
  {},
  {
    onattribdata: (start, end) => void (decoded += wrapped.slice(start, end)),
    onattribentity: (cp) => void (decoded += String.fromCodePoint(cp)),
    onattribend: ignore,
    onattribname: ignore,
    oncdata: ignore,
    onclosetag: ignore,
    oncomment: ignore,
    ondeclaration: ignore,
    onend: ignore,
    onopentagend: ignore,
    onopentagname: ignore,
    onprocessinginstruction: ignore,
    onselfclosingtag: ignore,
    ontext: ignore,
    ontextentity: ignore,
  },
);
/**
 * `raw`, written between `quote`s ('' for none), decoded. In the page and in the wrapper alike, what follows it (a
 * quote, or `>` or a space) is what decides that `&copy` in `&copy=2` stays as written.
 */
function decodeValue(raw: string, quote: string): string {
  decoded = '';
  wrapped = `<a v=${quote}${raw}${quote}>`;
  valueTokenizer.write(wrapped);
  valueTokenizer.end();
  valueTokenizer.reset(); // both hold `raw`, part of the page
  wrapped = '';
  return decoded;
}

/**
 * What a page's opening tags add up to, fed tag by tag in document order (names as the Parser gives them, attribute
 * values decoded): its links, its anchors and its <base href>. extractPage's scanner feeds it; the tests feed it from
 * htmlparser2's Parser, so that the two are compared on finding tags and attributes.
 */
export function pageCollector() {
  const page: ExtractedPage = { links: [], anchors: new Set(), baseHref: null };
  const { links, anchors } = page;
  let templateDepth = 0;

  const openTag = (name: string, attribs: Attribs, offset: number) => {
    // <template> content is inert until a script clones it; this site has no such scripts.
    if (name === 'template') templateDepth++;
    if (templateDepth > 0) return;
    // Anchors outlive the page (fragments on other pages are checked against them): detached copies.
    const id = attribs['id'];
    if (id) anchors.add(detached(id));
    if (name === 'a' && attribs['name']) anchors.add(detached(attribs['name']));
    if (name === 'base' && page.baseHref === null && attribs['href'] !== undefined) page.baseHref = attribs['href'].trim();
    if (name === 'meta') {
      const key = (attribs['property'] ?? attribs['name'] ?? '').toLowerCase();
      const content = attribs['content'];
      if (URL_META.has(key) && content) links.push({ tag: 'meta', attr: key, value: content.trim(), rel: null, offset });
      return;
    }
    const attrs = URL_ATTRS[name];
    if (!attrs) return;
    const relAttr = attribs['rel'];
    const rel = name === 'a' || name === 'area' ? (relAttr ? relAttr.toLowerCase().split(/\s+/).filter(Boolean) : []) : null;
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
  const closeTag = (name: string) => {
    if (name === 'template' && templateDepth > 0) templateDepth--;
  };
  return { page, openTag, closeTag, inTemplate: () => templateDepth > 0 };
}

export function extractPage(html: string): ExtractedPage {
  const { page, openTag: onOpenTag, closeTag, inTemplate } = pageCollector();
  const { anchors } = page;

  // The Parser's open elements and foreign-content contexts, innermost last.
  const stack: string[] = [];
  const stackInfo: ElementInfo[] = [];
  const context: number[] = [HTML];
  const inForeign = () => context[context.length - 1] !== HTML;
  const pop = () => {
    const name = stack.pop();
    if (stackInfo.pop()!.context !== -1) context.pop();
    closeTag(name!);
  };
  /** A lower-cased tag name as the Parser names it: SVG camelCase, `image` read as `img` in HTML. */
  const tagName = (name: string): string => {
    const ctx = context[context.length - 1];
    if (ctx === SVG) return SVG_NAMES.get(name) ?? name;
    if (context.length > 1) {
      const adjusted = SVG_NAMES.get(name);
      if (adjusted !== undefined && stack.includes(adjusted)) return adjusted;
    }
    return ctx === HTML && name === 'image' ? 'img' : name;
  };
  /** Pushes an opening tag; false for a <form> inside a <form>, which the Parser drops with its attributes. */
  const open = (name: string, info: ElementInfo): boolean => {
    if (name === 'form' && stack.includes('form')) return false;
    const closes = info.closes;
    if (closes) while (stack.length > 0 && closes.has(stack[stack.length - 1]!)) pop();
    if (!info.isVoid) {
      stack.push(name);
      stackInfo.push(info);
      if (info.context !== -1) context.push(info.context);
    }
    return true;
  };
  // Void elements are never on the stack, and `</br>` or an unmatched `</p>` become empty elements in the Parser:
  // nothing to record.
  const close = (lower: string) => {
    const at = stack.lastIndexOf(tagName(lower));
    if (at !== -1) while (stack.length > at) pop();
  };

  const n = html.length;
  /** The Parser's startIndex: where its last event ended. */
  let startIndex = 0;
  /** Where the current run of text started. */
  let textStart = 0;
  let i = 0;
  scan: while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt === -1 || lt + 1 === n) break;
    if (lt > textStart) startIndex = lt; // the text before it was an event
    const c = html.charCodeAt(lt + 1);
    let gt: number;
    if (isAlpha(c)) {
      let p = lt + 2;
      while (p < n && !isNameEnd(html.charCodeAt(p))) p++;
      if (p === n) break;
      const lower = html.slice(lt + 1, p).toLowerCase();
      // Raw text is decided before the tag is pushed; in HTML, raw-text names are never renamed.
      const lowerInfo = ELEMENTS.get(lower) ?? OTHER;
      const rawText = inForeign() ? undefined : lowerInfo.rawText;
      const name = tagName(lower);
      const info = name === lower ? lowerInfo : (ELEMENTS.get(name) ?? OTHER);
      const offset = startIndex;
      const kept = open(name, info);
      // Which attribute values to keep: none inside <template>, only `id` for most elements.
      const live = kept && !inTemplate() && name !== 'template';
      const wanted = live ? info.wanted : null;
      const wantId = live && wanted === null;
      let attribs: Attribs | null = null;
      let selfClosing = false;
      for (;;) {
        if (p >= n) break scan;
        let ch = html.charCodeAt(p);
        if (ch === 62) break;
        if (ch === 47) {
          // `/`, whitespace, `>` closes the tag as self-closing; anything else starts an attribute.
          p++;
          while (p < n && isSpace((ch = html.charCodeAt(p)))) p++;
          if (p < n && ch === 62) {
            selfClosing = true;
            break;
          }
          continue;
        }
        if (isSpace(ch)) {
          p++;
          continue;
        }
        // An attribute name: its first character can be anything, even `=` or a quote.
        const nameStart = p++;
        while (p < n && !isNameEnd((ch = html.charCodeAt(p))) && ch !== 61) p++;
        const nameEnd = p;
        while (p < n && isSpace((ch = html.charCodeAt(p)))) p++;
        if (p >= n) break scan;
        let valueStart = p;
        let valueEnd = p;
        let quote = '';
        if (ch === 61) {
          p++;
          while (p < n && isSpace((ch = html.charCodeAt(p)))) p++;
          if (p >= n) break scan;
          if (ch === 34 || ch === 39) {
            quote = ch === 34 ? '"' : "'";
            const end = html.indexOf(quote, p + 1);
            if (end === -1) break scan;
            valueStart = p + 1;
            valueEnd = end;
            p = end + 1;
          } else {
            valueStart = p;
            while (p < n && !isSpace((ch = html.charCodeAt(p))) && ch !== 62) p++;
            if (p >= n) break scan;
            valueEnd = p;
          }
        }
        let attr: string;
        if (wantId) {
          if (nameEnd - nameStart !== 2 || (html.charCodeAt(nameStart) | 0x20) !== 105 || (html.charCodeAt(nameStart + 1) | 0x20) !== 100) continue;
          attr = 'id';
        } else if (wanted !== null) {
          if (nameEnd - nameStart > 30 || !((info.wantedLengths >>> (nameEnd - nameStart)) & 1)) continue;
          attr = html.slice(nameStart, nameEnd).toLowerCase();
          if (!wanted.has(attr)) continue;
        } else continue;
        attribs ??= {};
        if (attribs[attr] !== undefined) continue; // the first of duplicate attributes wins
        const raw = html.slice(valueStart, valueEnd);
        attribs[attr] = raw.includes('&') ? decodeValue(raw, quote) : raw;
      }
      gt = p;
      if (kept) {
        if (wanted !== null || !live) onOpenTag(name, attribs ?? NO_ATTRIBS, offset);
        else if (attribs?.['id']) anchors.add(detached(attribs['id'])); // all onOpenTag would do
        // `/>` closes an element only in SVG and MathML.
        if (selfClosing && inForeign() && stack[stack.length - 1] === name) pop();
      }
      startIndex = gt + 1;
      if (rawText === '') break; // <plaintext>: the rest of the page is text
      if (rawText !== undefined) {
        const end = rawTextEnd(html, gt + 1, rawText, lower === 'title' || lower === 'textarea');
        if (end === -1) break;
        close(html.slice(end - rawText.length + 2, end).toLowerCase());
        startIndex = end + 1;
        gt = html.charCodeAt(end) === 62 ? end : html.indexOf('>', end + 1);
      }
    } else if (c === 47) {
      // An end tag; `</>` is dropped without an event, `</` + anything else is a bogus comment.
      const p0 = lt + 2;
      if (p0 >= n) break;
      const d = html.charCodeAt(p0);
      if (d === 62) {
        textStart = i = p0 + 1;
        continue;
      }
      if (isAlpha(d)) {
        let p = p0 + 1;
        while (p < n && !isNameEnd(html.charCodeAt(p))) p++;
        if (p === n) break;
        close(html.slice(p0, p).toLowerCase());
        startIndex = p + 1; // the Parser's end-tag event ends at the name, not at `>`
        gt = html.charCodeAt(p) === 62 ? p : html.indexOf('>', p + 1);
      } else {
        gt = html.indexOf('>', p0 + 1);
        startIndex = gt + 1;
      }
    } else if (c === 33) {
      // `<!--` comment, `<![CDATA[`, or anything else up to `>` (doctype, bogus comment).
      const p0 = lt + 2;
      if (html.startsWith('--', p0)) {
        const s = p0 + 2;
        if (html.charCodeAt(s) === 62) gt = s;
        else if (html.charCodeAt(s) === 45 && html.charCodeAt(s + 1) === 62) gt = s + 1;
        else {
          COMMENT_END.lastIndex = s;
          const m = COMMENT_END.exec(html);
          gt = m ? COMMENT_END.lastIndex - 1 : -1;
        }
      } else if (html.startsWith('[CDATA[', p0)) {
        const end = html.indexOf(']]>', p0 + 7);
        gt = end === -1 ? -1 : end + 2;
      } else {
        gt = html.indexOf('>', p0);
      }
      startIndex = gt + 1;
    } else if (c === 63) {
      // `<?…>` is a bogus comment in HTML.
      gt = html.indexOf('>', lt + 2);
      startIndex = gt + 1;
    } else {
      // `<` that starts no markup is text.
      textStart = lt;
      i = lt + 1;
      continue;
    }
    if (gt === -1) break;
    textStart = i = gt + 1;
  }
  return page;
}
/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
