import { describe, expect, it } from 'vitest';
import { citiesOf } from '../../src/lib/cities';
import { buildRegistry } from '../../src/lib/registry-model';
import { aliasString, aliasTerms, chineseWords, type AliasSource } from '../../src/lib/search-aliases';
import { loadRegistry, loadYamlCollection } from './content-helpers';

const registry = new Map(
  loadYamlCollection('provinces').map((f) => {
    const d = f.data as unknown as AliasSource & { slug: string; division: string };
    return [d.slug, { division: d.division, prefix: d.prefix, name: d.name, aliases: d.aliases ?? [] }];
  }),
);
const terms = (slug: string) => {
  const p = registry.get(slug)!;
  return aliasTerms(p, citiesOf(p.division));
};
const lower = (slug: string) => terms(slug).map((t) => t.toLowerCase());

describe('aliasTerms', () => {
  it('holds the names, the prefix and the registry aliases', () => {
    expect(terms('zhejiang')).toEqual(expect.arrayContaining(['浙江', '浙', 'Zhejiang', '浙江省', 'Zhe Jiang']));
    expect(terms('neimenggu')).toEqual(
      expect.arrayContaining(['内蒙古', '内蒙', 'Inner Mongolia', 'Nei Mongol', 'Nei Menggu', 'neimenggu', '蒙']),
    );
    expect(terms('xizang')).toEqual(expect.arrayContaining(['西藏', 'Tibet', 'Xizang', '藏']));
  });

  it('holds every city, in Chinese and in pinyin with and without spaces', () => {
    expect(terms('zhejiang')).toEqual(expect.arrayContaining(['杭州市', '杭州', 'Hangzhou', 'hang zhou']));
    expect(terms('guangdong')).toEqual(expect.arrayContaining(['深圳市', '深圳', 'Shenzhen', 'shen zhen']));
    expect(terms('shaanxi')).toEqual(expect.arrayContaining(["Xi'an", 'xi an', 'xian']));
    expect(lower('shanxi')).toEqual(expect.arrayContaining(['吕梁', 'lüliang', 'lvliang']));
  });

  it('pre-splits Chinese names into the words the query segmenter makes', () => {
    const words = chineseWords('延边朝鲜族自治州');
    expect(words.join('')).toBe('延边朝鲜族自治州');
    expect(words.length).toBeGreaterThan(1);
    expect(terms('jilin')).toEqual(expect.arrayContaining(['延边朝鲜族自治州', '延边', ...words]));
  });

  it('keeps 陕西 (Shaanxi) and 山西 (Shanxi) apart: no generated "shanxi" for 陕西', () => {
    expect(lower('shaanxi')).toContain('shaanxi');
    expect(lower('shaanxi')).not.toContain('shanxi');
    expect(lower('shaanxi')).not.toContain('shan xi');
    expect(lower('shanxi')).toContain('shanxi');
    expect(lower('shanxi')).not.toContain('shaanxi');
  });

  it('lists each term once, whatever its case', () => {
    const list = lower('zhejiang');
    expect(new Set(list).size).toBe(list.length);
    expect(
      aliasTerms({
        prefix: '京',
        name: { zh: '北京', en: 'Beijing', pinyin: 'Beijing' },
        aliases: ['beijing', ' 北京 '],
      }),
    ).toEqual(['北京', '京', 'Beijing']);
  });
});

describe('aliasString', () => {
  it('joins the terms with single spaces and nothing else', () => {
    const s = aliasString(registry.get('xizang')!, citiesOf('54'));
    expect(s).toBe(terms('xizang').join(' '));
    expect(s).not.toMatch(/\s{2}|^\s|\s$|[,<>"]/);
    expect(s.split(' ')).toEqual(expect.arrayContaining(['西藏', 'Tibet', '拉萨', 'Lasa']));
  });
});

describe("the registry model's alias strings", () => {
  const { bySlug, provinces } = loadRegistry();
  const zj = bySlug.get('zhejiang')!;

  it('gives the page its own names and the names index its names with its cities', () => {
    expect(zj.ownAliases).toBe(aliasString(zj));
    expect(zj.ownAliases.split(' ')).not.toContain('杭州');
    expect(zj.indexAliases.split(' ')).toEqual(expect.arrayContaining(['浙江', '杭州市']));
  });

  it('works out a synthetic entry sharing a division code from its own names', () => {
    const input = {
      provinces: [
        { file: 'zhejiang.yaml', data: zj },
        {
          file: 'zhejiang12.yaml',
          data: { ...zj, slug: 'zhejiang12', iso: 'CN-Z12', prefix: '丂', name: { ...zj.name, zh: '浙江12' } },
        },
      ],
      sources: [...loadRegistry().sources].map(([id, data]) => ({ id, data })),
      national: [...loadRegistry().national].map(([id, data]) => ({ file: 'content/national.yaml', id, data })),
      statuses: [],
    };
    const copy = buildRegistry(input).bySlug.get('zhejiang12')!;
    expect(copy.ownAliases.split(' ')).toEqual(expect.arrayContaining(['浙江12', '丂']));
    expect(copy.indexAliases.split(' ')).toContain('杭州市');
    expect(zj.ownAliases.split(' ')).not.toContain('浙江12');
    expect(provinces).toHaveLength(31);
  });
});
