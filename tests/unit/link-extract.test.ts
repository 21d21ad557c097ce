import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { extractPage, pageCollector, type ExtractedPage } from '../../src/integrations/link-checker/extract';

// extractPage is a hand-written scanner; it must give what the htmlparser2 Parser version below (its predecessor) gave.
// The reference finds tags with htmlparser2's Parser and hands them to the same collector as the scanner does, so the
// two are compared on what the scanner replaces: finding tags and attributes, and decoding their values.
function referenceExtract(html: string): ExtractedPage {
  const { page, openTag, closeTag } = pageCollector();
  const parser = new Parser({
    onopentag: (name, attribs) => openTag(name, attribs, parser.startIndex),
    onclosetag: closeTag,
  });
  parser.end(html);
  return page;
}

/** Anchors as a list: their order must match too. */
const plain = (page: ExtractedPage) => ({ links: page.links, anchors: [...page.anchors], baseHref: page.baseHref });
const agrees = (html: string) => expect(plain(extractPage(html)), JSON.stringify(html)).toEqual(plain(referenceExtract(html)));
const isSame = (html: string) => JSON.stringify(plain(extractPage(html))) === JSON.stringify(plain(referenceExtract(html)));

const TRICKY: Record<string, string> = {
  'tags in a comment': '<p>a<!-- <a href="/c/" id="c"> --><a href="/after/">x</a>',
  'comment ends': '<!--><a href="/1/"><!---><a href="/2/"><!-- x --!><a href="/3/"><!-- -- --><a href="/4/"><!----><a href="/5/">',
  'unclosed comment': '<a href="/1/"><!-- <a href="/2/">',
  'markup in <script>': `<script>document.write("<a href='/x'>" + '<img src="/y">'); if (a </script) b;</script><a href="/z/">z</a>`,
  '<script> with src and an uppercase end tag': '<SCRIPT src="/s.js">x = "</scripts>"</SCRIPT ><a href="/after/">',
  '<style>': '<style>a[href="/x"]::after { content: "<a href=/y>" }</style><a href="/z/">',
  '<title> and <textarea> are text': '<title>A <a href="/no/"> &amp; </title><textarea id="t"><a href="/no2/"></textarea ><a href="/yes/">',
  'xmp, iframe, noembed, noframes': '<xmp><a href="/1/"></xmp><iframe src="/f/"><a href="/2/"></iframe><noembed><a href="/3/"></noembed><noframes><a href="/4/"></noframes><a href="/5/">',
  '<plaintext> swallows the rest': '<a href="/1/"><plaintext><a href="/2/"></plaintext><a href="/3/">',
  'uppercase tags and attributes': '<A HREF="/UP/" REL="NoOpener" ID="Top"></A><IMG SRC="/i.png"><Meta Property="OG:Image" Content="/og.png">',
  'unquoted and single-quoted values': `<a href=/u/ id=u1>x</a><a href='/s/' id='s1'>y</a><a href=/slash/>z</a><a href= >e</a><img src=a.png/>`,
  'entities in attributes': '<a href="/a?x=1&amp;y=2&#x2F;&#47;&lt;&AMP;&ampx&amp=1">x</a><a id="&copy;&copy &notit; &notin; &#0; &#x110000; &#xD800; &#128;">',
  'legacy entity in a query: not decoded before = or a letter': '<a href="?a=1&copy=2&copyx&copy;&copy">x</a><a href=?a&amp=1&lt=2>y</a>',
  'entities in text': '&amp;<a href="/1/">&lt;a href="/2/"&gt;</a>&#60;a href="/3/">',
  'duplicate attributes': '<a href="/first/" href="/second/" id="one" ID="two" rel="a" rel="b">x</a>',
  'self-closing and attributes without values': '<a href="/1/"/><img src="/i.png" hidden alt /><a href id="x" name>y</a><input disabled src="/in.png">',
  'newlines and tabs inside tags': '<a\nhref\n=\n"/nl/"\tid\t=\tnl\n>x</a><img\r\nsrc="/crlf.png"\f>',
  '<a at the end': '<a href="/1/"><a href="/2/"',
  'unterminated value': '<a href="/1/"><a href="/2/>',
  '< not starting a tag': 'a < b <3 <<a href="/1/"> <= <- < /a> </ a> </3> </> <a href="/2/">',
  'end tags with attributes move the offset': '<p>x</p x><a href="/1/"></a ><a href="/2/"></a\n><a href="/3/"></><a href="/4/">',
  CDATA: '<![CDATA[ > <a href="/cd/">]]><a href="/1/"><svg><![CDATA[<a href="/cd2/">]]></svg><![cdata[ > <a href="/2/">]]><![CDATA[ x',
  'doctype, processing instruction, bogus comments': '<!doctype html><!DOCTYPE x><?xml version="1.0"?><?><a href="/0/"><!x><!><!-x><a href="/1/"><![CDAT><a href="/2/">',
  'nested templates': '<template><a href="/t1/"><template id="t"><a href="/t2/"></template><a href="/t3/"></template><a href="/out/" id="o">',
  'template closed by its parent': '<div><template><a href="/in/"></div><a href="/out/"><template/><a href="/still-in/">',
  'svg use and image': '<svg><use href="#i" xlink:href="/s.svg#i"/><image href="/img.svg" xlink:href="/x.svg"/><a href="/sa/">x</a></svg><image src="/html.png">',
  'svg: self-closing, raw text and integration points': '<svg><template/><title><script>"<a href=/no/>"</script></title><script><a href="/yes/"></script><foreignObject/><style><a href="/s/"></style></svg><a href="/after/">',
  'svg case adjustments': '<svg><clippath><foreignobject><p><a href="/1/"></clippath><a href="/2/"></svg><clippath><svg></clippath><a href="/3/">',
  'an SVG end tag inside an integration point': '<svg><clipPath><foreignObject></clippath><script><a href="/1/"></script></svg>',
  'math context': '<math><mi><script>x</script></mi><mtext/><script><a href="/m/"></script></math><a href="/after/">',
  'nested forms': '<form action="/f1/" id="f1"><form action="/f2/" id="f2"></form><form action="/f3/"></form>',
  'base and meta': '<base target="_blank"><base href=" /docs/ "><base href="/second/"><meta name="twitter:image" content=" /t.png "><meta property="" name="og:url" content="/x/"><meta property="og:video" content="">',
  'srcset and rel': '<img srcset="a.png 1x, b.png 2x,c.png"><source srcset="/a,b.png 1x"><a href="https://x.example/" rel=" noopener\tnoreferrer  EXTERNAL">x</a><area href="/ar/">',
  'other URL attributes': '<video src="/v.mp4" poster="/p.png"><track src="/t.vtt"></video><audio src="/a.mp3"><embed src="/e"><object data="/o"><iframe src="/if"></iframe><form action="/act"></form>',
  'attribute names with quotes and equals signs': `<a =href="/eq/" "q="/q/" href"x="/hx/" href="/real/">x</a><a href='/1/'href="/2/">`,
  'implied closes': '<p><p id="p2"><li><li><tr><td><td><a href="/1/"><a href="/2/"></p></br></p><a href="/3/">',
  'an implied close changes what an end tag closes': '<p><div><template></p><a href="/1/"></div><head><body><template></head><a href="/2/">',
  'an implied close ends a form': '<p><form action="/1/"></p><form action="/2/">',
  'void elements do not stay open': '<p><area><div><template></p><a href="/1/"></template></div><p><img><div><template></p><a href="/2/">',
  'control characters in end tags': '<script>\x1c\x0fscript><a href="/1/"></script><a href="/2/">',
  'RCDATA reads every character, raw text skips to <': '<title>x\x1c/title><a href="/1/"><script>x\x1c/script><a href="/2/"></script><a href="/3/">',
  'a < before the end tag': '<script>a<</script><a href="/1/"><style><</</style><a href="/2/">',
  'id on every element': '<div id="d"><span id=""><h2 id="h"><section Id="s"><p iD="p">',
  'non-ASCII': '<a href="/文档/" id="第一步">中文</a><ünknown id="ü"><aİ id="i">',
  empty: '',
};

// Random documents: text, markup and the quirks above, in any order.
const TAGS = ['a', 'A', 'area', 'link', 'img', 'IMG', 'image', 'source', 'script', 'Script', 'style', 'title', 'textarea', 'iframe', 'xmp', 'noembed', 'noframes',
  'video', 'audio', 'track', 'embed', 'object', 'input', 'form', 'FORM', 'use', 'svg', 'SVG', 'math', 'mi', 'foreignObject', 'desc', 'clippath', 'template',
  'Template', 'base', 'meta', 'p', 'div', 'li', 'tr', 'td', 'th', 'tbody', 'table', 'h2', 'br', 'hr', 'head', 'body', 'dd', 'dt', 'select', 'option', 'button', 'span',
  'x-y', 'a<b', 'plaintext'];
const ATTRS = ['href', 'HREF', 'id', 'Id', 'name', 'rel', 'src', 'srcset', 'poster', 'data', 'action', 'xlink:href', 'property', 'content', 'class', '=x', '"q', 'href"'];
const VALUES = ['/x/', ' /sp/ ', '/a?b=1&amp;c=2', '?a=1&copy=2', '&copy;', '&copy', '&#x2F;p', '&#47', '&lt;', '&', '&#', '&amp=', '&notit;', '&AMP;', 'a.png 1x, b.png 2x',
  'og:image', 'OG:URL', 'twitter:image', 'noopener NoReferrer', '', '>', "it's", '"', '</script>', '<a href=/v/>', '中文', 'x\ny'];
const SPACE = fc.constantFrom(' ', '\n', '\t', '', '  ', ' / ', '/');
const attribute = fc
  .tuple(fc.constantFrom(...ATTRS), fc.constantFrom('"', "'", '', 'none'), fc.constantFrom(...VALUES), fc.constantFrom('=', ' = ', '=\n'))
  .map(([name, quote, value, eq]) => {
    if (quote === 'none') return name;
    if (quote === '') return `${name}${eq}${value.replace(/[\s>]/g, '') || 'v'}`;
    return `${name}${eq}${quote}${value.replaceAll(quote, '')}${quote}`;
  });
const openTag = fc
  .tuple(fc.constantFrom(...TAGS), fc.array(fc.tuple(SPACE, attribute), { maxLength: 4 }), SPACE, fc.constantFrom('>', '/>', ' />', '>', '>'))
  .map(([tag, attrs, space, end]) => `<${tag}${attrs.map(([s, a]) => (s === '' ? ' ' : s) + a).join('')}${space.trim() === '' ? space : ''}${end}`);
const closeTag = fc.tuple(fc.constantFrom(...TAGS), fc.constantFrom('>', ' >', ' x>', '/>', '\n>')).map(([tag, end]) => `</${tag}${end}`);
const FRAGMENTS = ['text', ' ', '\n', '&amp;', '&', '<', '< a', '<3', '<<', '</', '</>', '</ a>', '</3>', '<!-- <a href="/c/"> -->', '<!-->', '<!--->', '<!--x--!>', '<!--',
  '-->', '<![CDATA[<a href="/cd/">]]>', ']]>', '<!doctype html>', '<?xml?>', '<!x>', '"', "'", '=', '>', '/', '\x1c\x0fscript>', '</script', '</title', '</style>'];
const DOCUMENT = fc.array(fc.oneof({ arbitrary: openTag, weight: 4 }, { arbitrary: closeTag, weight: 2 }, { arbitrary: fc.constantFrom(...FRAGMENTS), weight: 3 }), { maxLength: 40 }).map((parts) => parts.join(''));

describe('extractPage matches the htmlparser2 Parser', () => {
  it.each(Object.entries(TRICKY))('%s', (_, html) => agrees(html));

  it('on random documents made of tricky fragments', () => {
    fc.assert(fc.property(DOCUMENT, (html) => isSame(html)), { numRuns: 2000 });
  });

  // Real pages: LINK_EXTRACT_SITE, else this project's last build.
  const siteDir = process.env['LINK_EXTRACT_SITE'] ?? fileURLToPath(new URL('../../dist', import.meta.url));
  if (process.env['LINK_EXTRACT_SITE'] !== undefined || existsSync(siteDir)) {
    const files = existsSync(siteDir) ? readdirSync(siteDir, { recursive: true, encoding: 'utf8' }).filter((f: string) => f.endsWith('.html')) : [];
    it(`on every page of ${siteDir} (${files.length} pages)`, { timeout: 300_000 }, () => {
      expect(files.length).toBeGreaterThan(0);
      const mismatched = files.filter((file: string) => !isSame(readFileSync(join(siteDir, file), 'utf8')));
      if (mismatched[0] !== undefined) agrees(readFileSync(join(siteDir, mismatched[0]), 'utf8'));
      expect(mismatched).toEqual([]);
    });
  } else {
    it('on real pages: no built site (no dist/, no LINK_EXTRACT_SITE), so on the hand-written and generated documents only', () => {
      for (const html of Object.values(TRICKY)) agrees(html);
      for (const html of fc.sample(DOCUMENT, { numRuns: 500, seed: 1 })) agrees(html);
    });
  }
});

describe('extractPage', () => {
  it('decodes attributes as browsers do', () => {
    const { links, anchors } = extractPage('<a href="/a?x=1&amp;y=2&copy=3&#x2F;" id="&lt;&copy">x</a><a href=/u&lt;v>y</a>');
    expect(links.map((l) => l.value)).toEqual(['/a?x=1&y=2&copy=3/', '/u<v']);
    expect(anchors).toEqual(new Set(['<©']));
  });

  it('skips comments and the content of script, style and title', () => {
    const html = `<!-- <a href="/c/"> --><script>"<a href='/s/'>"</script><style>/* <a href="/st/"> */</style><title><a href="/t/"></title><a href="/yes/">`;
    const { links } = extractPage(html);
    expect(links.map((l) => [l.value, l.offset])).toEqual([['/yes/', html.indexOf('<a href="/yes/">')]]);
  });

  it('keeps the first of duplicate attributes, lower-cases names and reads unquoted values', () => {
    const { links, anchors } = extractPage(`<A HREF=/one/ href='/two/' ID=x id=y REL="NoOpener">`);
    expect(links).toEqual([{ tag: 'a', attr: 'href', value: '/one/', rel: ['noopener'], offset: 0 }]);
    expect(anchors).toEqual(new Set(['x']));
  });
});
