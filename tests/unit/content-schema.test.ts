import { describe, expect, it } from 'vitest';
import { provinceSchema } from '../../src/schemas/province';
import { sourceSchema } from '../../src/schemas/source';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { nationalLinkSchema } from '../../src/schemas/national';
import { CONTENT, loadYamlCollection } from './content-helpers';

const provinces = loadYamlCollection('provinces');
const sources = loadYamlCollection('sources');
// Edited freely by the cases below (on a structuredClone): `any`, as the YAML is before the schema has seen it.
const beijing: any = provinces.find((p) => p.file.endsWith('beijing.yaml'))!.data;

/** The messages zod gives for `data`, as "path: message" lines. */
function problems(data: unknown): string[] {
  const result = provinceSchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('province schema', () => {
  it.each(provinces.map((p) => [p.file, p.data]))('accepts %s', (_file, data) => {
    expect(problems(data)).toEqual([]);
  });

  const broken: [string, (d: any) => void, RegExp][] = [
    ['a missing field', (d) => delete d.administration, /^administration: /],
    ['an unknown region', (d) => (d.region = 'midwest'), /^region: /],
    ['a bad ISO code', (d) => (d.iso = 'BJ'), /^iso: an ISO 3166-2 code looks like CN-BJ/],
    ['a two-character prefix', (d) => (d.prefix = '京津'), /^prefix: the ICP prefix is a single Chinese character/],
    ['a slug with a space', (d) => (d.slug = 'nei menggu'), /^slug: a slug is the pinyin name/],
    ['no links', (d) => (d.links = []), /^links: every province needs at least one deregistration link/],
    ['an unknown link kind', (d) => (d.links[0].kind = 'fax'), /^links\.0\.kind: /],
    [
      'a URL that is not a URL',
      (d) => (d.links[0].url = 'bj.beian.miit.gov.cn/state'),
      /^links\.0\.url: not a well-formed absolute URL/,
    ],
    [
      'a URL that still has its session id',
      (d) => (d.links[0].url = 'http://bj.beian.miit.gov.cn/a.action;jsessionid=345AC115?id=7'),
      /^links\.0\.url: the URL carries a session id/,
    ],
    [
      'a host with an underscore',
      (d) => (d.links[0].url = 'http://aliyun_portal_storage.oss-cn-hangzhou.aliyuncs.com/x.doc'),
      /^links\.0\.url: the host "aliyun_portal_storage/,
    ],
    [
      'a javascript: URL',
      (d) => (d.links[0].url = 'javascript:alert(1)'),
      /^links\.0\.url: protocol javascript: is not allowed/,
    ],
    [
      'a note in Chinese only',
      (d) => (d.notes = [{ source: 'aliyun-2019', text: { zh: '每周五处理' } }]),
      /^notes\.0\.text\.en: /,
    ],
    [
      'a note with empty English',
      (d) => (d.notes = [{ source: 'aliyun-2019', text: { zh: '每周五处理', en: ' ' } }]),
      /^notes\.0\.text\.en: English text \(en\) is empty/,
    ],
    ['a misspelt field', (d) => (d.adminstration = d.administration), /adminstration/],
    ['a link without era', (d) => delete d.links[0].era, /^links\.0\.era: /],
    ['a link with an unknown era', (d) => (d.links[0].era = '2019'), /^links\.0\.era: /],
    ['no change history', (d) => (d.changes = []), /^changes: a province needs at least one change-history entry/],
    ['a change without its English note', (d) => delete d.changes[0].note.en, /^changes\.0\.note\.en: /],
    [
      'a route step without a source',
      (d) => (d.route = [{ step: 'submit', text: { zh: '邮寄', en: 'Post it' }, sources: [] }]),
      /^route\.0\.sources: a route step needs at least one source/,
    ],
    [
      'a route step of an unknown kind',
      (d) => (d.route = [{ step: 'fax', text: { zh: '传真', en: 'Fax' }, sources: ['miit-beian'] }]),
      /^route\.0\.step: /,
    ],
  ];
  it.each(broken)('rejects %s, naming the field', (_what, breakIt, expected) => {
    const data = structuredClone(beijing);
    breakIt(data);
    const found = problems(data);
    expect(found.length).toBeGreaterThan(0);
    expect(
      found.some((line) => expected.test(line)),
      found.join('\n'),
    ).toBe(true);
  });

  it('accepts a bare-IP http link, which the policy only warns about (Shanghai)', () => {
    const data = structuredClone(beijing);
    data.links[0].url = 'http://114.80.217.250/';
    expect(problems(data)).toEqual([]);
  });
});

describe('source schema', () => {
  it.each(sources.map((s) => [s.file, s.data]))('accepts %s', (_file, data) => {
    const result = sourceSchema.safeParse(data);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });
  it('rejects a source with no summary in English', () => {
    const data: any = structuredClone(sources[0]!.data);
    delete data.summary.en;
    const result = sourceSchema.safeParse(data);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path.join('.')).toBe('summary.en');
  });
  const sourceProblems = (data: unknown) => {
    const result = sourceSchema.safeParse(data);
    return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };
  it.each([
    ['without strength', (d: any) => delete d.strength, /^strength: /],
    ['with an unknown strength', (d: any) => (d.strength = 'blog'), /^strength: /],
    ['without era', (d: any) => delete d.era, /^era: /],
    [
      'with no date and no dateNote',
      (d: any) => ((d.date = null), delete d.dateNote),
      /^dateNote: a source with date: null needs a dateNote/,
    ],
  ])('rejects a source %s, naming the field', (_what, breakIt, expected) => {
    const data: any = structuredClone(sources.find((s) => s.file.endsWith('miit-beian.yaml'))!.data);
    breakIt(data);
    const found = sourceProblems(data);
    expect(
      found.some((line) => expected.test(line)),
      found.join('\n'),
    ).toBe(true);
  });
  it('accepts a source with a date and no dateNote', () => {
    const data: any = structuredClone(sources.find((s) => s.file.endsWith('miit-beian.yaml'))!.data);
    data.date = '2026-12';
    delete data.dateNote;
    expect(sourceProblems(data)).toEqual([]);
  });
});

describe('national links (content/national.yaml)', () => {
  const national = yaml.load(readFileSync(join(CONTENT, 'national.yaml'), 'utf8'), {
    schema: yaml.CORE_SCHEMA,
  }) as Record<string, unknown>;
  it.each(Object.entries(national))('accepts %s', (_id, data) => {
    const result = nationalLinkSchema.safeParse(data);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });
  it('has the notice list and the public query', () => {
    expect(Object.keys(national)).toEqual(expect.arrayContaining(['notice-list', 'public-query']));
  });
  it('rejects a national link without era', () => {
    const data: any = structuredClone(national['notice-list']);
    delete data.era;
    const result = nationalLinkSchema.safeParse(data);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['era']);
  });
});
