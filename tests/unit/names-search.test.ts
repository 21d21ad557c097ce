import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameEntry } from '../../src/lib/names-index';
import { compactAliases, filingProvince, normaliseNames, searchNames } from '../../src/lib/names-search';
import { citiesOf } from '../../src/lib/cities';
import { aliasString, aliasTerms } from '../../src/lib/search-aliases';
import { loadRegistry } from './content-helpers';

const { provinces } = loadRegistry();
const provinceAliases = (p: (typeof provinces)[number]) => aliasString(p, p.cities);
const zh = provinces.map((p) => nameEntry(p, 'zh-cn', '/'));
const en = provinces.map((p) => nameEntry(p, 'en', '/'));
const slugs = (entries: typeof zh, q: string, filters: Record<string, string> = {}) =>
  searchNames(entries, q, filters).map((h) => h.url.replace(/^\/(en\/)?provinces\/|\/$/g, ''));

describe('a filing number in the search box', () => {
  it('offers the province its first character names, through the lookup parser', () => {
    expect(slugs(zh, '粤ICP备12043194号-1')).toEqual(['guangdong']);
    expect(slugs(en, '粤ICP备12043194号-1')).toEqual(['guangdong']);
    expect(slugs(zh, '粤ICP备')).toEqual(['guangdong']);
    expect(slugs(en, '网站备案：蜀icp备2026007879号')).toEqual(['sichuan']);
    expect(slugs(en, '川ICP备12345678号')).toEqual(['sichuan']); // the unconfirmed variant
    expect(slugs(en, '甘ICP备')).toEqual(['gansu']); // a placeholder prefix: Gansu is 陇
  });

  it('marks the number as read, escaped, in the excerpt', () => {
    expect(searchNames(zh, '粤ＩＣＰ备１２０４３１９４号－１')[0]?.excerpt).toBe('<mark>粤ICP备12043194号-1</mark>');
    expect(filingProvince(zh, '<b>粤ICP备</b>')?.number).toBe('粤ICP备');
    expect(searchNames(en, '粤ICP备<b>')[0]?.excerpt).not.toContain('<b>');
  });

  it('finds nothing for what is not a filing number, and leaves other queries to the names', () => {
    expect(filingProvince(zh, '京ICP证030173号')).toBeNull();
    expect(filingProvince(zh, '港ICP备12345678号')).toBeNull();
    expect(filingProvince(zh, 'ICP备12345678号')).toBeNull();
    expect(filingProvince(zh, '浙江')).toBeNull();
    expect(slugs(zh, '港ICP备12345678号')).toEqual([]);
    expect(slugs(zh, '浙')).toEqual(['zhejiang']);
  });

  it('respects the filters', () => {
    expect(slugs(zh, '粤ICP备12043194号-1', { region: 'south' })).toEqual(['guangdong']);
    expect(slugs(zh, '粤ICP备12043194号-1', { region: 'north' })).toEqual([]);
  });
});

describe('normaliseNames', () => {
  it('trims, lower-cases, composes and collapses spaces', () => {
    expect(normaliseNames('  Inner \t  MONGOLIA ')).toBe('inner mongolia');
    expect(normaliseNames('Lu\u0308liang')).toBe('lüliang');
  });
});

describe('searchNames', () => {
  it('finds a province by its name, prefix, city and pinyin, the right one first', () => {
    expect(slugs(zh, '浙江')[0]).toBe('zhejiang');
    expect(slugs(zh, '浙')).toEqual(['zhejiang']);
    expect(slugs(zh, '杭州')).toEqual(['zhejiang']);
    expect(slugs(en, 'Hangzhou')).toEqual(['zhejiang']); // not Fujian's Zhangzhou: matches start at a word
    expect(slugs(en, 'hang zhou')).toEqual(['zhejiang']);
    expect(slugs(zh, '内蒙')).toEqual(['neimenggu']);
    expect(slugs(en, 'neimenggu')).toEqual(['neimenggu']);
    expect(slugs(en, 'innermongolia')).toEqual(['neimenggu']);
    expect(slugs(en, 'Inner Mongolia')).toEqual(['neimenggu']);
    expect(slugs(en, 'tibet')).toEqual(['xizang']);
    expect(slugs(zh, '通辽')[0]).toBe('neimenggu');
    expect(slugs(zh, '延边')[0]).toBe('jilin');
  });

  it('tells 陕西 (shaanxi) from 山西 (shanxi)', () => {
    expect(
      provinceAliases(provinces.find((p) => p.slug === 'shanxi')!)
        .toLowerCase()
        .split(' '),
    ).toContain('shanxi');
    expect(
      provinceAliases(provinces.find((p) => p.slug === 'shaanxi')!)
        .toLowerCase()
        .split(' '),
    ).toContain('shaanxi');
    for (const entries of [zh, en]) {
      expect(slugs(entries, 'shanxi')).toEqual(['shanxi']);
      expect(slugs(entries, 'shaanxi')).toEqual(['shaanxi']);
      expect(slugs(entries, '山西')[0]).toBe('shanxi');
      expect(slugs(entries, '陕西')[0]).toBe('shaanxi');
    }
  });

  it('puts an exact name before a city of the same name, in either language', () => {
    expect(slugs(zh, '河北')).toEqual(['hebei', 'tianjin']); // 天津市河北区
    expect(slugs(zh, 'hebei')[0]).toBe('hebei');
    expect(slugs(zh, '海南')[0]).toBe('hainan'); // 青海省海南州
    expect(slugs(en, '海南')[0]).toBe('hainan');
    expect(slugs(en, 'xian')[0]).toBe('shaanxi'); // Xi'an, before Hubei's Xiantao
  });

  it('needs every word to match', () => {
    expect(slugs(zh, '宁夏 表格')).toEqual([]);
    expect(slugs(zh, '周五')).toEqual([]);
    expect(slugs(en, 'Ningxia form')).toEqual([]);
  });

  it('applies the region and method filters', () => {
    expect(slugs(en, "Xi'an")).toContain('shaanxi');
    expect(slugs(en, 'xian', { region: 'northwest' })[0]).toBe('shaanxi');
    expect(slugs(en, 'xian', { region: 'central' })).toContain('hubei');
    expect(slugs(en, 'xian', { region: 'central' })).not.toContain('shaanxi');
    expect(slugs(zh, '杭州', { region: 'north' })).toEqual([]);
    // No province has a current online route; the filter's logic is tested on an entry given one.
    const formOnly = zh.find((e) => !e.m.includes('online'))!;
    const online = { ...zh.find((e) => e !== formOnly)!, m: ['form', 'online'] };
    expect(slugs([online, formOnly], online.t, { method: 'online' })[0]).toBe(online.u.split('/')[2]);
    expect(searchNames(zh, formOnly.t, { method: 'online' }).map((h) => h.url)).not.toContain(formOnly.u);
    expect(searchNames(zh, formOnly.t, { method: 'form' })[0]!.url).toBe(formOnly.u);
  });

  it('returns what the UI renders, the excerpt marking the matched words, never the query', () => {
    const [hit] = searchNames(zh, '杭州');
    expect(hit).toEqual({
      url: '/provinces/zhejiang/',
      title: '浙江',
      administration: '浙江省通信管理局',
      excerpt: expect.stringContaining('<mark>杭州市</mark>'),
    });
    expect(searchNames(en, 'Zhejiang')[0]!.title).toBe('Zhejiang');
    expect(searchNames(en, 'Zhejiang')[0]!.administration).toBe('Zhejiang Communications Administration');
    for (const q of ['<b>浙江</b>', '<script>alert(1)</script>', '"><img src=x onerror=alert(2)>', '🦄', '   ', '']) {
      for (const h of searchNames(zh, q)) expect(h.excerpt.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
    }
    expect(searchNames(zh, '   ')).toEqual([]);
    expect(searchNames(zh, '<b>浙江</b>')).toEqual([]);
  });
});

describe('compactAliases', () => {
  it('drops only what the matcher finds without: Chinese words inside an earlier one, spaced pinyin beside its joined form', () => {
    expect(compactAliases('浙江 浙 杭州市 杭州 Hangzhou hang zhou 宁波市 宁波 市 Ningbo ning bo')).toBe(
      '浙江 杭州市 Hangzhou 宁波市 Ningbo',
    );
    expect(compactAliases("Xi'an xi an xian Zhe Jiang")).toBe("Xi'an xian Zhe Jiang");
  });

  it('gives what the first, quadratic version gave, on any list of words', () => {
    const HAN = /\p{Script=Han}/u;
    const reference = (aliases: string) => {
      const words = aliases.split(' ').filter(Boolean);
      const lower = words.map((w) => w.toLowerCase());
      const drop = new Set<number>();
      words.forEach((w, i) => {
        if (HAN.test(w) && words.some((o, j) => j < i && !drop.has(j) && o.includes(w))) drop.add(i);
      });
      for (let i = 0; i < words.length; i++) {
        for (let k = 2; k <= 5 && i + k <= words.length; k++) {
          const span = lower.slice(i, i + k);
          if (span.some((w, j) => w !== words[i + j] || !/^[a-zü']+$/.test(w))) break;
          const joined = span.join('');
          if (lower.some((o, j) => (j < i || j >= i + k) && o === joined)) {
            for (let j = i; j < i + k; j++) drop.add(j);
            i += k - 1;
            break;
          }
        }
      }
      return words.filter((_, i) => !drop.has(i)).join(' ');
    };
    // Chinese words from five characters, so that one is often inside another; runs of syllables, spaced, often
    // beside their joined form (before or after, any case), so that every span length up to 6 occurs.
    const han = fc.stringMatching(/^[杭州市宁波]{1,3}$/);
    const syllable = fc.constantFrom('a', 'b', 'xi', "x'a", 'ü', 'A', '州');
    const run = fc
      .tuple(fc.array(syllable, { minLength: 1, maxLength: 6 }), fc.boolean(), fc.boolean(), fc.boolean())
      .map(([s, joinedBefore, joinedAfter, lowerCase]) => {
        const joined = lowerCase ? s.join('').toLowerCase() : s.join('');
        return [joinedBefore ? joined : '', s.join(' '), joinedAfter ? joined : ''].filter(Boolean).join(' ');
      });
    fc.assert(
      fc.property(fc.array(fc.oneof(han, run), { maxLength: 6 }), (parts) => {
        const text = parts.join(' ');
        expect(compactAliases(text)).toBe(reference(text));
      }),
      { numRuns: 3000 },
    );
    for (const p of provinces) expect(compactAliases(provinceAliases(p))).toBe(reference(provinceAliases(p)));
  });

  it('keeps every province findable by every one of its full alias terms', () => {
    for (const [i, p] of provinces.entries()) {
      for (const term of aliasTerms(p, citiesOf(p.division)))
        expect(searchNames([zh[i]!], term), `${p.slug}: ${term}`).toHaveLength(1);
    }
  });
});
