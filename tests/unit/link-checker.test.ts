import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cacheKey,
  checkSite,
  pageUrlPath,
  resolveInternal,
  resolveLink,
  type SiteConfig,
} from '../../src/integrations/link-checker/check-site';
import { extractPage, lineIndex, srcsetUrls } from '../../src/integrations/link-checker/extract';
import { problemLines, summaryLine } from '../../src/integrations/link-checker/report';

const CONFIG: SiteConfig = { base: '/', site: 'https://site.example', trailingSlash: 'always', format: 'directory' };

/** A site from `{ file: html }`; every other emitted file (assets) listed in `extra`. */
function site(pages: Record<string, string>, extra: string[] = []) {
  return { pages: new Map(Object.entries(pages)), files: new Set([...Object.keys(pages), ...extra]) };
}
const page = (body: string) => `<!doctype html><html><head><title>t</title></head><body>\n${body}\n</body></html>`;
const ext = (href: string) => `<a href="${href}" rel="noopener noreferrer">x</a>`;

describe('extractPage', () => {
  it('finds URL attributes, ids and <a name>, decoding entities', () => {
    const { links, anchors } = extractPage(
      page(`<h2 id="steps">Steps</h2><a name="old"></a>
        <a href="/a/?x=1&amp;y=2" rel="Noopener  noreferrer">a</a>
        <img src="/i.png" srcset="/i-1x.png 1x, /i-2x.png 2x" alt="">
        <link rel="canonical" href="https://site.example/">
        <meta property="og:image" content="/og.png">
        <script src="/s.js"></script>`),
    );
    expect(anchors).toEqual(new Set(['steps', 'old']));
    expect(links.map((l) => `${l.tag}[${l.attr}]=${l.value}`)).toEqual([
      'a[href]=/a/?x=1&y=2',
      'img[src]=/i.png',
      'img[srcset]=/i-1x.png',
      'img[srcset]=/i-2x.png',
      'link[href]=https://site.example/',
      'meta[og:image]=/og.png',
      'script[src]=/s.js',
    ]);
    expect(links[0]?.rel).toEqual(['noopener', 'noreferrer']);
    expect(links[1]?.rel).toBeNull();
  });

  it('ignores inert <template> content and records <base href>', () => {
    const { links, baseHref } = extractPage(
      page('<base href="/docs/"><template><a href="/nope/">x</a></template><a href="/yes/">y</a>'),
    );
    expect(links.map((l) => l.value)).toEqual(['/yes/']);
    expect(baseHref).toBe('/docs/');
  });

  it('knows where each link is', () => {
    const html = 'line 1\nline 2\n<a href="/x/">x</a>\n\n<a href="/y/">y</a><a href="/z/">z</a>';
    const lineAt = lineIndex(html);
    expect(extractPage(html).links.map((l) => lineAt(l.offset))).toEqual([3, 5, 5]);
    expect(lineIndex('<a href="/x/">x</a>')(0)).toBe(1);
    expect(lineAt(0)).toBe(1);
    expect(lineAt(html.indexOf('\n'))).toBe(1); // a newline belongs to the line it ends
  });

  it('decodes attributes as browsers do', () => {
    const { links, anchors } = extractPage(
      '<a href="/a?x=1&amp;y=2&copy=3&#x2F;" id="&lt;&copy">x</a><a href=/u&lt;v>y</a>',
    );
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

describe('srcsetUrls', () => {
  it('splits candidates and drops descriptors', () => {
    expect(srcsetUrls('a.png 1x, b.png 2x')).toEqual(['a.png', 'b.png']);
    expect(srcsetUrls('a.png 100w,b.png 200w')).toEqual(['a.png', 'b.png']);
    expect(srcsetUrls('  a.png,  b.png 2x ')).toEqual(['a.png', 'b.png']);
    expect(srcsetUrls('/img/a,b.png 1x')).toEqual(['/img/a,b.png']);
    expect(srcsetUrls('')).toEqual([]);
  });
});

describe('pageUrlPath', () => {
  it('maps emitted files to the URLs they are served at', () => {
    expect(pageUrlPath('index.html', '/')).toBe('/');
    expect(pageUrlPath('en/provinces/index.html', '/')).toBe('/en/provinces/');
    expect(pageUrlPath('en/index.html', '/guide')).toBe('/guide/en/');
    expect(pageUrlPath('404.html', '/guide/')).toBe('/guide/404.html');
  });
});

describe('resolveInternal', () => {
  const files = new Set(['index.html', 'about/index.html', 'file.html', 'logo.svg', '文档/指南/index.html']);
  const at = (path: string, config: Partial<SiteConfig> = {}) =>
    resolveInternal(new URL(path, 'https://site.example'), { ...CONFIG, ...config }, files);

  it('finds directory pages, files and percent-encoded CJK paths', () => {
    expect(at('/')).toEqual({ file: 'index.html' });
    expect(at('/about/')).toEqual({ file: 'about/index.html' });
    expect(at('/logo.svg')).toEqual({ file: 'logo.svg' });
    expect(at('/%E6%96%87%E6%A1%A3/%E6%8C%87%E5%8D%97/')).toEqual({ file: '文档/指南/index.html' });
    expect(at('/文档/指南/')).toEqual({ file: '文档/指南/index.html' });
  });

  it('honours trailingSlash', () => {
    expect(at('/about').finding?.rule).toBe('trailing-slash');
    expect(at('/about', { trailingSlash: 'ignore' })).toEqual({ file: 'about/index.html' });
    expect(at('/about', { trailingSlash: 'never' })).toEqual({ file: 'about/index.html' });
    expect(at('/about/', { trailingSlash: 'never' }).finding?.rule).toBe('trailing-slash');
    expect(at('/', { trailingSlash: 'never' })).toEqual({ file: 'index.html' });
  });

  it('honours build.format: file pages are reached without .html', () => {
    expect(at('/file', { format: 'file', trailingSlash: 'never' })).toEqual({ file: 'file.html' });
    expect(at('/file/', { format: 'file', trailingSlash: 'ignore' })).toEqual({ file: 'file.html' });
    expect(at('/file/', { format: 'directory' }).finding?.rule).toBe('missing-page');
  });

  it('honours base', () => {
    const c = { base: '/guide/' };
    expect(resolveInternal(new URL('https://site.example/guide/about/'), { ...CONFIG, ...c }, files)).toEqual({
      file: 'about/index.html',
    });
    expect(resolveInternal(new URL('https://site.example/guide'), { ...CONFIG, ...c }, files)).toEqual({
      file: 'index.html',
    });
    expect(resolveInternal(new URL('https://site.example/about/'), { ...CONFIG, ...c }, files).finding?.rule).toBe(
      'outside-base',
    );
  });

  it('tells pages from assets, and reports broken percent-encoding', () => {
    expect(at('/nowhere/').finding?.rule).toBe('missing-page');
    expect(at('/nowhere').finding?.rule).toBe('missing-page');
    expect(at('/missing.png').finding?.rule).toBe('missing-asset');
    expect(at('/%E6%96').finding?.rule).toBe('bad-encoding');
  });
});

describe('cacheKey (links resolved once for every page)', () => {
  const origin = 'https://site.example';
  it('shares absolute http(s) URLs and root-relative paths, nothing that depends on the page', () => {
    expect(cacheKey('https://beian.miit.gov.cn/', origin)).toBe('https://beian.miit.gov.cn/');
    expect(cacheKey('HTTP://a.example/x', origin)).toBe('HTTP://a.example/x');
    expect(cacheKey('/sources/#x', origin)).toBe('https://site.example /sources/#x');
    expect(cacheKey('/sources/', 'http://other.example')).toBe('http://other.example /sources/');
    expect(cacheKey('//cdn.example/x', origin)).toBe('https://site.example //cdn.example/x');
    for (const local of ['../x/', 'x/', '#top', '?q=1', '', 'https:x', 'https:/x', ' /x', 'mailto:a@b.c']) {
      expect(cacheKey(local, origin), local).toBeNull();
    }
    expect(cacheKey('/x/', null)).toBeNull(); // a page whose <base> is not http(s)
  });

  it('gives a key only to links that resolve the same on every page of the origin', { timeout: 30_000 }, () => {
    const piece = fc.constantFrom(
      '/',
      '//',
      '\\',
      'https:',
      'http:',
      'HTTPS:',
      'a',
      'b.example',
      '..',
      '.',
      '#',
      '?',
      '%',
      '%zz',
      ' ',
      '\t',
      ':',
      '@',
      '京',
    );
    const value = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(''));
    const path = fc
      .array(fc.constantFrom('a/', 'b/', '../', 'c', 'x.html'), { maxLength: 4 })
      .map((parts) => `/${parts.join('')}`);
    fc.assert(
      fc.property(value, path, path, (v, p1, p2) => {
        const key = cacheKey(v, origin);
        fc.pre(key !== null);
        expect(resolveLink(v, new URL(p1, origin), origin)).toEqual(resolveLink(v, new URL(p2, origin), origin));
      }),
      { numRuns: 2000 },
    );
  });

  it("resolves to the URL without its fragment, and says whether it is the site's own", () => {
    expect(resolveLink('/a/#b', new URL('https://site.example/x/'), origin)).toEqual({
      internal: true,
      web: true,
      href: 'https://site.example/a/',
      fragment: 'b',
    });
    expect(resolveLink('https://e.example/p#', new URL('https://site.example/'), origin)).toEqual({
      internal: false,
      web: true,
      href: 'https://e.example/p',
      fragment: '',
    });
    expect(resolveLink('mailto:a@b.c', new URL('https://site.example/'), origin)).toMatchObject({
      internal: false,
      web: false,
    });
    expect(resolveLink('https://[nope/', new URL('https://site.example/'), origin)).toBeNull();
  });
});

describe('checkSite', () => {
  const rulesOf = (r: ReturnType<typeof checkSite>) => r.errors.map((e) => `${e.page} ${e.link} ${e.rule}`);

  it('passes a clean site, with relative, absolute and same-page links', () => {
    const r = checkSite(
      site(
        {
          'index.html':
            page(`<h1 id="top-heading">x</h1><a href="#top-heading">a</a><a href="#top">t</a><a href="#">e</a>
            <a href="about/">rel</a><a href="https://site.example/about/#team">abs</a><img src="logo.svg" srcset="logo.svg 1x, /logo.svg 2x" alt="">
            <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="">`),
          'about/index.html': page(`<h2 id="team">Team</h2><a href="../">up</a><a href="../#top-heading">up</a>`),
        },
        ['logo.svg'],
      ),
      CONFIG,
    );
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.stats).toMatchObject({ pages: 2, internal: 10, external: 0 });
  });

  it('matches CJK fragments raw or percent-encoded', () => {
    const r = checkSite(
      site({
        'index.html': page(
          '<a href="/指南/#第一步">raw</a><a href="/%E6%8C%87%E5%8D%97/#%E7%AC%AC%E4%B8%80%E6%AD%A5">enc</a><a href="/指南/#第二步">missing</a>',
        ),
        '指南/index.html': page('<h2 id="第一步">第一步</h2>'),
      }),
      CONFIG,
    );
    expect(rulesOf(r)).toEqual(['/ /指南/#第二步 missing-anchor']);
    expect(r.errors[0]?.reason).toBe('no element with id "第二步" on /指南/');
  });

  it('reports missing pages, anchors and assets once per page with a count', () => {
    const r = checkSite(
      site({
        'index.html': page(
          '<a href="/gone/">1</a><a href="/gone/">2</a><a href="/about/#nope">3</a><img src="/missing.png" alt="">',
        ),
        'about/index.html': page('<p>about</p>'),
      }),
      CONFIG,
    );
    expect(rulesOf(r)).toEqual([
      '/ /gone/ missing-page',
      '/ /about/#nope missing-anchor',
      '/ /missing.png missing-asset',
    ]);
    expect(r.errors[0]?.occurrences).toBe(2);
    const lines = problemLines(r.errors);
    expect(lines[0]).toBe('/ (3 problems, index.html)');
    expect(lines[1]).toMatch(/^ {2}\/ → \/gone\/ → no page at \/gone\/ .*\(2×\)$/);
  });

  it('reads each page once, in one pass, and checks fragments that point forward after it', () => {
    const files = {
      'index.html': page('<a href="/b/#here">ok</a><a href="/b/#gone">bad</a>'),
      'b/index.html': page('<h2 id="here">h</h2>'),
    };
    const reads: string[] = [];
    const pages = {
      *[Symbol.iterator]() {
        for (const [file, html] of Object.entries(files)) {
          reads.push(file);
          yield [file, html] as const;
        }
      },
    };
    const r = checkSite({ files: new Set(Object.keys(files)), pages }, CONFIG);
    expect(reads).toEqual(['index.html', 'b/index.html']);
    expect(rulesOf(r)).toEqual(['/ /b/#gone missing-anchor']);
  });

  it('keeps no page HTML alive once the page is checked, whatever it found there', { timeout: 60_000 }, () => {
    // What the checker keeps until the end of its pass (problems and their keys, anchors, link targets) must not be
    // V8 substrings of a page's HTML: each would keep the whole page alive. So: 40 pages of 1 MB, each with broken
    // links, checked in a process whose heap holds 20 MB. Kept pages would make it run out of memory.
    const script = `
      import { checkSite } from ${JSON.stringify(new URL('../../src/integrations/link-checker/check-site.ts', import.meta.url).href)};
      const PAGES = 40;
      const page = (i) => '<!doctype html><html><head><title>t</title></head><body>' +
        '<h2 id="section-' + i + '">s</h2><a href="/p' + (i + 1) + '/#section-' + (i + 1) + '">next</a><a href="/p' + i + '/#gone-' + i + '">bad</a>' +
        '<a href="/missing-' + i + '/">x</a><a href="https://site.example/p' + i + '/">self</a>' +
        '<a href="https://example.org/ok/' + i + '" rel="noopener noreferrer">x</a><a href="http://insecure.example.org/' + i + '" rel="noopener noreferrer">x</a>' +
        '<a href="https://example.org/' + i + '">norel</a><!--' + String(i).padEnd(1e6, 'x') + '--></body></html>';
      const files = new Set(Array.from({ length: PAGES }, (_, i) => 'p' + i + '/index.html'));
      const pages = { *[Symbol.iterator]() { for (let i = 0; i < PAGES; i++) yield ['p' + i + '/index.html', page(i)]; } };
      const r = checkSite({ files, pages }, ${JSON.stringify(CONFIG)});
      console.log(JSON.stringify({ errors: [...new Set(r.errors.map((e) => e.rule))].sort(), problems: r.errors.length + r.warnings.length }));
    `;
    const run = spawnSync(process.execPath, ['--max-old-space-size=20', '--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    expect(run.stderr).not.toMatch(/heap out of memory/);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ errors: ['missing-anchor', 'missing-page', 'rel'], problems: 4 * 40 + 1 }); // 4 a page, and the last page's next page is missing
  });

  it('resolves against <base href>', () => {
    const r = checkSite(
      site({ 'index.html': page('<base href="/docs/"><a href="intro/">x</a>'), 'docs/intro/index.html': page('') }),
      CONFIG,
    );
    expect(r.errors).toEqual([]);
  });

  it('applies the URL policy to external links: errors and warnings', () => {
    const r = checkSite(
      site({
        'index.html': page(
          [
            ext('http://gz.beian.miit.gov.cn/x.action;jsessionid=20CC30DE?id=16'),
            ext('http://aliyun_portal_storage.oss-cn-hangzhou.aliyuncs.com/a.doc'),
            ext('https://user:pw@example.org/'),
            ext('javascript:void(0)'),
            ext('//cdn.example.org/x.js'),
            ext('http://114.80.217.250/'),
            ext('http://%E5%9F%9F%E5%90%8D.%E4%BF%A1%E6%81%AF'),
            ext('https://beian.miit.gov.cn'),
            '<a href="mailto:a@example.org">m</a>',
          ].join(''),
        ),
      }),
      CONFIG,
    );
    expect(r.errors.map((e) => e.rule)).toEqual(['session-id', 'host', 'credentials', 'protocol', 'malformed']);
    expect(r.warnings.map((w) => `${w.rule} ${w.link}`)).toEqual([
      'insecure http://gz.beian.miit.gov.cn/x.action;jsessionid=20CC30DE?id=16',
      'insecure http://aliyun_portal_storage.oss-cn-hangzhou.aliyuncs.com/a.doc',
      'bare-ip http://114.80.217.250/',
      'insecure http://114.80.217.250/',
      'insecure http://%E5%9F%9F%E5%90%8D.%E4%BF%A1%E6%81%AF',
    ]);
    // The monitor's work list: valid web URLs only, normalised.
    expect([...r.external.keys()]).toEqual([
      'http://114.80.217.250/',
      'http://xn--eqrt2g.xn--vuq861b/',
      'https://beian.miit.gov.cn/',
    ]);
  });

  it('enforces rel="noopener noreferrer" on external <a>, not on internal links or <link>', () => {
    const r = checkSite(
      site({
        'index.html': page(
          '<a href="https://a.example.org/">none</a><a href="https://b.example.org/" rel="noopener">half</a>' +
            '<a href="https://c.example.org/" rel="external noreferrer noopener">ok</a><a href="/">home</a><link rel="preconnect" href="https://d.example.org">',
        ),
      }),
      CONFIG,
    );
    expect(r.errors.map((e) => `${e.link} ${e.rule}`)).toEqual([
      'https://a.example.org/ rel',
      'https://b.example.org/ rel',
    ]);
    expect(r.errors[1]?.reason).toContain('rel="noopener"');
  });

  it('treats absolute links to the site as internal and checks them', () => {
    const r = checkSite(
      site({ 'index.html': page('<link rel="canonical" href="https://site.example/404/">') }),
      CONFIG,
    );
    expect(rulesOf(r)).toEqual(['/ https://site.example/404/ missing-page']);
  });

  it('applies the allow-list per rule and link, and reports unused entries', () => {
    const bad = 'http://legacy_host.example.org/form.doc';
    const r = checkSite(site({ 'index.html': page(ext(bad)) }), CONFIG, [
      { rule: 'host', link: bad, reason: 'the only copy' },
      { rule: 'session-id', link: /nothing-matches/, reason: 'stale' },
    ]);
    expect(r.errors).toEqual([]);
    expect(r.allowed.map((a) => `${a.rule} ${a.allowReason}`)).toEqual(['host the only copy']);
    expect(r.warnings.map((w) => w.rule)).toEqual(['insecure', 'unused-allow']);
  });

  it('an allow entry for one rule does not waive another on the same link', () => {
    const r = checkSite(site({ 'index.html': page('<a href="https://user@bad_host.example.org/">x</a>') }), CONFIG, [
      { rule: 'host', link: 'https://user@bad_host.example.org/', reason: 'r' },
    ]);
    expect(r.errors.map((e) => e.rule).sort()).toEqual(['credentials', 'rel']);
  });

  it('summarises warnings per rule in one line', () => {
    const r = checkSite(
      site({ 'index.html': page(ext('http://a.example.org/') + ext('http://114.80.217.250/')) }),
      CONFIG,
    );
    expect(summaryLine(r, 12.3)).toBe(
      '1 pages, 2 links (0 internal, 2 external) checked in 12 ms: 0 errors, 3 warnings (insecure: 2, bare-ip: 1)',
    );
  });

  it('checks many pages that share their navigation', { timeout: 30_000 }, () => {
    const pages: Record<string, string> = {};
    const nav = Array.from({ length: 40 }, (_, i) => `<li><a href="/p${i}/">Page ${i}</a></li>`).join('');
    for (let i = 0; i < 200; i++) {
      const body = `<nav><ul>${nav}</ul></nav><main><h1 id="t">P${i}</h1>${'<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit.</p>'.repeat(40)}
        <a href="/p${(i + 1) % 200}/#t">next</a>${ext(`https://host${i % 50}.example.gov.cn/page?id=${i}`)}<img src="/logo.svg" alt=""></main>`;
      pages[`p${i}/index.html`] = page(body);
    }
    const r = checkSite(site(pages, ['logo.svg']), CONFIG);
    expect(r.errors).toEqual([]);
    expect(r.stats).toEqual({ pages: 200, links: 200 * 43, internal: 200 * 42, external: 200 });
    expect(r.external.size).toBe(200);
  });
});
