import { describe, expect, it } from 'vitest';
import { parseDocument, DomUtils } from 'htmlparser2';
import { markTerms, queryTerms, sentenceSnippet } from '../../src/lib/excerpt';
import { atomFeed } from '../../src/lib/feed';
import { inSitemap, lastmodFor } from '../../src/lib/lastmod';
import { editDistance, nearMiss, normaliseName } from '../../src/lib/near-miss';
import { pageSource, repoLinks } from '../../src/lib/page-links';
import { printHref, printableUrl, splitAddresses } from '../../src/lib/print-url';
import { breadcrumbList, crumbsFor, howTo, jsonLdText, stepsFromMarkdown } from '../../src/lib/structured-data';

describe('search snippets', () => {
  it('mark the query itself, longest term first, Latin terms only at a word start', () => {
    expect(queryTerms(' "周五"  Friday friday ')).toEqual(['friday', '周五']);
    expect(markTerms('每周五统一处理', ['周五'])).toBe('每<mark>周五</mark>统一处理');
    expect(markTerms('Fridays and friday, unfriday', ['friday'])).toBe(
      '<mark>Friday</mark>s and <mark>friday</mark>, unfriday',
    );
    expect(markTerms('a <b> & c', ['b'])).toBe('a &lt;<mark>b</mark>&gt; &amp; c');
  });

  it('start at the sentence that holds the match, after a heading run into it, and end with it', () => {
    const text = '本页内容 说明。当地说明 湖南通信管理局每周五统一处理本周内提交的注销申请。 资料来源 阿里云';
    expect(sentenceSnippet(text, ['周五'], { headings: ['当地说明'] })).toBe(
      '湖南通信管理局每<mark>周五</mark>统一处理本周内提交的注销申请。',
    );
    const en = 'Local notes The administration processes applications every Friday. Next: the steps.';
    expect(sentenceSnippet(en, ['friday'], { headings: ['Local notes'] })).toBe(
      'The administration processes applications every <mark>Friday</mark>.',
    );
  });

  it('do not end a sentence at the dot of a host name, and start at a later match when asked', () => {
    const text = 'See miit.gov.cn for the rules. Friday is the day. Later, Friday again.';
    expect(sentenceSnippet(text, ['rules'])).toBe('See miit.gov.cn for the <mark>rules</mark>.');
    expect(sentenceSnippet(text, ['friday'], { from: 45 })).toBe('Later, <mark>Friday</mark> again.');
  });

  it('shorten a long sentence around the match, and give null when the query is not in the text', () => {
    const long = `Start ${'word '.repeat(60)}target end of it. Next.`;
    const s = sentenceSnippet(long, ['target'], { max: 80 })!;
    expect(s.startsWith('…word')).toBe(true);
    expect(s).toContain('<mark>target</mark>');
    expect(s.replace(/<\/?mark>/g, '').length).toBeLessThanOrEqual(82);
    expect(sentenceSnippet('nothing here', ['friday'])).toBeNull();
  });
});

describe('404 near misses', () => {
  const targets = [
    { path: '/provinces/xizang/', names: ['xizang', '西藏', 'Tibet', 'Xizang', 'Xi Zang'] },
    { path: '/provinces/guangdong/', names: ['guangdong', '广东', 'Guangdong'] },
    { path: '/provinces/guangxi/', names: ['guangxi', '广西', 'Guangxi'] },
    { path: '/procedure/', names: ['procedure'] },
  ];
  it('find a page by an alias, a case or spacing variant, a typo, an encoded Chinese name', () => {
    expect(nearMiss('/provinces/tibet/', targets)?.path).toBe('/provinces/xizang/');
    expect(nearMiss('/provinces/Guangdong/', targets)?.path).toBe('/provinces/guangdong/');
    expect(nearMiss('/provinces/xi-zang/', targets)?.path).toBe('/provinces/xizang/');
    expect(nearMiss('/provinces/guangdon/', targets)?.path).toBe('/provinces/guangdong/');
    expect(nearMiss(`/provinces/${encodeURIComponent('广东')}/`, targets)?.path).toBe('/provinces/guangdong/');
    expect(nearMiss('/procedures/', targets)?.path).toBe('/procedure/');
    expect(nearMiss('/guangxi.html', targets)?.path).toBe('/provinces/guangxi/');
  });
  it('suggest nothing for an address that is not close, or a malformed one', () => {
    expect(nearMiss('/provinces/atlantis/', targets)).toBeNull();
    expect(nearMiss('/', targets)).toBeNull();
    expect(nearMiss('/provinces/%E5%/', targets)).toBeNull();
    // Too short to be anything's typo.
    expect(nearMiss('/provinces/xz/', targets)).toBeNull();
  });
  it('measure distance and names as expected', () => {
    expect(editDistance('guangdon', 'guangdong', 2)).toBe(1);
    expect(editDistance('abc', 'xyzxyz', 2)).toBe(3);
    expect(normaliseName('Xi Zang')).toBe('xizang');
  });
});

describe('the Atom feed', () => {
  const head = { self: 'https://x.test/feed.xml', home: 'https://x.test/', lang: 'en', subtitle: 's', author: 'Site' };
  const feed = atomFeed({
    ...head,
    title: 'Changes & fixes',
    entries: [
      { url: 'https://x.test/a/', title: 'A', date: '2026-01-02', note: 'first <b>' },
      { url: 'https://x.test/b/', title: 'B', date: '2026-03-04', note: 'second' },
      { url: 'https://x.test/a/', title: 'A', date: '2026-01-02', note: 'same day' },
    ],
  });
  const doc = parseDocument(feed, { xmlMode: true });
  const entries = DomUtils.getElementsByTagName('entry', doc);
  it('has one entry per change, newest first, with distinct stable ids', () => {
    expect(entries).toHaveLength(3);
    const ids = entries.map((e) => DomUtils.textContent(DomUtils.getElementsByTagName('id', e)[0]!));
    expect(ids).toEqual([
      'https://x.test/b/#change-2026-03-04',
      'https://x.test/a/#change-2026-01-02',
      'https://x.test/a/#change-2026-01-02-2',
    ]);
    expect(DomUtils.textContent(DomUtils.getElementsByTagName('updated', doc)[0]!)).toBe('2026-03-04T00:00:00Z');
  });
  it('keeps only the newest entries', () => {
    const newest = atomFeed({
      ...head,
      title: 't',
      limit: 2,
      entries: [
        { url: 'https://x.test/a/', title: 'A', date: '2026-01-02', note: 'old' },
        { url: 'https://x.test/b/', title: 'B', date: '2026-03-04', note: 'new' },
        { url: 'https://x.test/c/', title: 'C', date: '2026-02-03', note: 'middle' },
      ],
    });
    const kept = DomUtils.getElementsByTagName('summary', parseDocument(newest, { xmlMode: true }));
    expect(kept.map((e) => DomUtils.textContent(e))).toEqual(['new', 'middle']);
  });
  it('escapes text', () => {
    expect(feed).toContain('<title>Changes &amp; fixes</title>');
    expect(feed).toContain('<summary>first &lt;b&gt;</summary>');
  });
});

describe('structured data', () => {
  const site = new URL('https://x.test');
  it('breadcrumbs: home, the section, the page; the 404 has no address of its own', () => {
    expect(crumbsFor('en', '/provinces/hunan/', 'Hunan', '/guide/', site)).toEqual([
      { name: 'Home', url: 'https://x.test/guide/en/' },
      { name: 'Provinces', url: 'https://x.test/guide/en/provinces/' },
      { name: 'Hunan', url: 'https://x.test/guide/en/provinces/hunan/' },
    ]);
    expect(crumbsFor('zh-cn', '/', '首页', '/', site)).toEqual([{ name: '首页', url: 'https://x.test/' }]);
    expect(crumbsFor('zh-cn', '/provinces/', '各省', '/', site)).toHaveLength(2);
    const notFound = breadcrumbList(crumbsFor('en', undefined, 'Page not found', '/', site));
    expect(notFound.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Home', item: 'https://x.test/en/' },
      { '@type': 'ListItem', position: 2, name: 'Page not found' },
    ]);
  });
  it('steps: the first numbered list, as plain text, with its section', () => {
    const body =
      '## Before\n\n- not a step\n\n## Steps\n\n1. **Find** the [list](../x/). <Cite id="a" />\n2. Print it.\n   More of it.\n\nAfter.\n\n1. Another list.';
    expect(stepsFromMarkdown(body)).toEqual({ section: 'Steps', steps: ['Find the list.', 'Print it.'] });
    expect(stepsFromMarkdown('No list.')).toEqual({ section: null, steps: [] });
    const h = howTo({
      lang: 'en',
      name: 'n',
      description: 'd',
      url: 'u',
      updated: '2026-01-01',
      steps: ['a'],
      stepsUrl: 'u#s',
    });
    expect(h.step).toEqual([{ '@type': 'HowToStep', position: 1, text: 'a', url: 'u#s' }]);
  });
  it('JSON-LD text cannot close its element', () => {
    expect(jsonLdText({ name: '</script><b>' })).toBe('{"name":"\\u003c/script>\\u003cb>"}');
  });
});

describe('repository links', () => {
  it('name each page’s content file', () => {
    expect(pageSource('/provinces/hunan/', 'en')).toBe('content/provinces/hunan.yaml');
    expect(pageSource('/procedure/', 'zh-cn')).toBe('content/procedure/zh-cn.mdx');
    expect(pageSource('/sources/', 'en')).toBe('content/sources/');
    expect(pageSource('/lookup/', 'en')).toBe('src/pages/[...lang]/lookup.astro');
    expect(pageSource('/', 'en')).toBe('src/pages/[...lang]/index.astro');
  });
  it('prefill a new issue with the page’s address and title, and open its file; none without a repository', () => {
    const links = repoLinks('https://github.com/o/r/', {
      lang: 'en',
      url: 'https://x.test/en/provinces/hunan/',
      title: 'Hunan',
      file: 'content/provinces/hunan.yaml',
    })!;
    const issue = new URL(links.report);
    expect(issue.origin + issue.pathname).toBe('https://github.com/o/r/issues/new');
    expect(issue.searchParams.get('title')).toBe('Problem on “Hunan”');
    expect(issue.searchParams.get('body')).toContain('https://x.test/en/provinces/hunan/');
    expect(links.edit).toBe('https://github.com/o/r/edit/main/content/provinces/hunan.yaml');
    expect(
      repoLinks('https://github.com/o/r', { lang: 'zh-cn', url: 'u', title: 't', file: 'content/sources/' })!.edit,
    ).toBe('https://github.com/o/r/tree/main/content/sources/');
    expect(repoLinks('', { lang: 'en', url: 'u', title: 't', file: 'f' })).toBeNull();
    expect(repoLinks(undefined, { lang: 'en', url: 'u', title: 't', file: 'f' })).toBeNull();
  });
});

describe('print addresses', () => {
  it('show IDN hosts and escaped paths readably; keep undecodable escapes', () => {
    expect(printableUrl('http://%E5%9F%9F%E5%90%8D.%E4%BF%A1%E6%81%AF')).toBe('http://域名.信息');
    expect(printableUrl('http://xn--eqrt2g.xn--vuq861b/a%20b')).toBe('http://域名.信息/a%20b');
    expect(printableUrl('https://x.test/%E5%B1%B1%E4%B8%9C.doc?x=%ZZ')).toBe('https://x.test/山东.doc?x=%ZZ');
    expect(printableUrl('not a url')).toBe('not a url');
  });
  it('print an address only where the link text is not already it', () => {
    expect(printHref('https://beian.miit.gov.cn', 'MIIT filing system')).toBe('https://beian.miit.gov.cn');
    expect(printHref('http://hunca.miit.gov.cn/a.htm', 'http://hunca.miit.gov.cn/a.htm')).toBeUndefined();
    expect(printHref('http://x.test/?a=1&b=2', 'http://x.test/?a=1&amp;b=2')).toBeUndefined();
    expect(printHref('http://%E5%9F%9F%E5%90%8D.%E4%BF%A1%E6%81%AF', '域名.信息')).toBeUndefined();
    expect(printHref('../provinces/', 'list')).toBeUndefined();
  });
  it('find host names and URLs in prose, not "e.g." or ordinary words', () => {
    const parts = splitAddresses(
      'The host aliyun_portal_storage.oss-cn-hangzhou.aliyuncs.com has an underscore, e.g. see http://x.test/a.',
    );
    expect(parts.filter((p) => p.address).map((p) => p.text)).toEqual([
      'aliyun_portal_storage.oss-cn-hangzhou.aliyuncs.com',
      'http://x.test/a.',
    ]);
    expect(parts.map((p) => p.text).join('')).toContain('has an underscore, e.g. see ');
    expect(
      splitAddresses('主机名 a.example.com 含下划线。')
        .filter((p) => p.address)
        .map((p) => p.text),
    ).toEqual(['a.example.com']);
  });
});

describe('sitemap dates', () => {
  const dates = {
    provinces: new Map([
      ['hunan', '2026-11-20'],
      ['beijing', '2026-11-23'],
    ]),
    procedure: { en: '2026-11-21' },
  };
  it('give a page its own date and a list page the newest', () => {
    expect(lastmodFor('https://x.test/guide/en/provinces/hunan/', '/guide/', dates)).toBe('2026-11-20');
    expect(lastmodFor('https://x.test/guide/en/procedure/', '/guide/', dates)).toBe('2026-11-21');
    expect(lastmodFor('https://x.test/guide/provinces/', '/guide/', dates)).toBe('2026-11-23');
  });
  it('leave out the 404s and the search page', () => {
    expect(inSitemap('https://x.test/en/404/', '/')).toBe(false);
    expect(inSitemap('https://x.test/search/', '/')).toBe(false);
    expect(inSitemap('https://x.test/en/provinces/', '/')).toBe(true);
  });
});
