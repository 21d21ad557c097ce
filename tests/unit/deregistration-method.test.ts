import { describe, expect, it } from 'vitest';
import { methodsOf, sourcesDisagree } from '../../src/lib/deregistration-method';
import { formatDate, yearOf } from '../../src/lib/format';
import { enumLabel, t } from '../../src/lib/i18n';
import { LINK_KINDS, HOST_TYPES } from '../../src/schemas/province';

describe('methodsOf', () => {
  it('derives form and online from link kinds, ignoring administration sites', () => {
    expect(methodsOf([{ kind: 'form-download-page' }])).toEqual(['form']);
    expect(methodsOf([{ kind: 'article-page' }, { kind: 'online-portal' }])).toEqual(['form', 'online']);
    expect(methodsOf([{ kind: 'online-portal' }, { kind: 'administration-site' }])).toEqual(['online']);
    expect(methodsOf([{ kind: 'administration-site' }])).toEqual([]);
  });
});

describe('sourcesDisagree', () => {
  const a = { kind: 'form-download-page', source: 'aliyun-2019', url: 'http://a/' };
  it('is false when every source gives the same links', () => {
    expect(sourcesDisagree([a, { ...a, source: 'jdcloud' }])).toBe(false);
    expect(sourcesDisagree([a])).toBe(false);
  });
  it('is true when the sources give different links', () => {
    expect(sourcesDisagree([a, { ...a, source: 'jdcloud', url: 'http://b/' }])).toBe(true);
  });
  it('ignores administration sites from a third source', () => {
    expect(sourcesDisagree([a, { kind: 'administration-site', source: 'icp-edi-helper', url: 'https://c/' }])).toBe(
      false,
    );
  });
});

describe('labels and dates', () => {
  it('has a label in both languages for every link kind and host type', () => {
    for (const kind of LINK_KINDS)
      for (const lang of ['zh-cn', 'en'] as const) expect(enumLabel(lang, 'kind', kind)).not.toBe('');
    for (const host of HOST_TYPES) expect(enumLabel('en', 'host', host)).not.toBe('');
    expect(() => enumLabel('en', 'kind', 'fax')).toThrow(/No label for kind "fax"/);
  });
  it('formats partial dates in both languages', () => {
    expect(formatDate('2019-08', 'zh-cn')).toBe('2019 年 8 月');
    expect(formatDate('2019-08', 'en')).toBe('August 2019');
    expect(formatDate('2026-11-23', 'en')).toBe('23 November 2026');
    expect(formatDate('2026', 'en')).toBe('2026');
    expect(yearOf('2019-08')).toBe('2019');
    expect(yearOf(null)).toBeNull();
  });
  it('translates UI strings', () => {
    expect(t('en', 'navProvinces')).toBe('Provinces');
    expect(t('zh-cn', 'navProvinces')).toBe('各省通信管理局');
  });
});
