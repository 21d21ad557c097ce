import { describe, expect, it } from 'vitest';
import { localePath, splitLangPath, stripBase, withBase } from '../../src/lib/paths';
import { alternates, langOfUrl } from '../../src/lib/site';

describe('localePath', () => {
  it.each([
    ['zh-cn', '/', '/', '/'],
    ['en', '/', '/', '/en/'],
    ['zh-cn', '/provinces/beijing/', '/', '/provinces/beijing/'],
    ['en', '/provinces/beijing/', '/', '/en/provinces/beijing/'],
    ['en', 'sources/', '/guide/', '/guide/en/sources/'],
    ['zh-cn', '/procedure/', '/guide', '/guide/procedure/'],
  ] as const)('%s %s with base %s is %s', (lang, path, base, expected) => {
    expect(localePath(lang, path, base)).toBe(expected);
  });
});

describe('splitLangPath and stripBase', () => {
  it('finds English under /en/ and Chinese at the root', () => {
    expect(splitLangPath('/en/provinces/')).toEqual({ lang: 'en', path: '/provinces/' });
    expect(splitLangPath('/en')).toEqual({ lang: 'en', path: '/' });
    expect(splitLangPath('/provinces/')).toEqual({ lang: 'zh-cn', path: '/provinces/' });
    // A path that merely starts with letters is not a language.
    expect(splitLangPath('/enterprise/')).toEqual({ lang: 'zh-cn', path: '/enterprise/' });
  });
  it('strips a base path', () => {
    expect(stripBase('/guide/en/', '/guide/')).toBe('/en/');
    expect(stripBase('/en/', '/')).toBe('/en/');
    expect(withBase('/guide', '/x/')).toBe('/guide/x/');
  });
  it('reads the language of a URL under a base', () => {
    expect(langOfUrl(new URL('https://x.org/guide/en/sources/'), '/guide/')).toBe('en');
    expect(langOfUrl(new URL('https://x.org/guide/sources/'), '/guide/')).toBe('zh-cn');
  });
  it('lists both language versions of a page', () => {
    expect(alternates('/provinces/hunan/', '/')).toEqual([
      { lang: 'zh-cn', href: '/provinces/hunan/' },
      { lang: 'en', href: '/en/provinces/hunan/' },
    ]);
  });
});
