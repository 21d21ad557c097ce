import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseIcpNumber, type IcpResult } from '../../src/lib/icp-number';
import { messagesFrom, problemMessage, serialMessage, variantMessage } from '../../src/lib/icp-number-messages';
import { t, type StringKey } from '../../src/lib/i18n';
import { loadYamlCollection } from './content-helpers';

// The real registry: the province comes from content/provinces/*.yaml, as the pages build it.
const provinces = loadYamlCollection('provinces').map((p) => p.data as { slug: string; prefix: string });
const table: ReadonlyMap<string, string> = new Map(provinces.map((p) => [p.prefix, p.slug]));

/** The parts of a result a table row compares; undefined fields are left out so rows stay short. */
function summary(r: IcpResult<string>) {
  return r.ok
    ? {
        province: r.province,
        serial: r.entitySerial,
        site: r.siteNumber,
        normalized: r.normalized,
        variant: r.variant?.prefix,
      }
    : {
        problem: r.problem,
        reason: r.reason,
        prefix: r.prefix,
        found: r.found,
        region: r.region,
        suggestion: r.suggestion?.province,
      };
}
const clean = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

describe('the registry behind the tests', () => {
  it('has the 31 prefixes', () => {
    expect(table.size).toBe(31);
  });
});

describe('every one of the 31 prefixes', () => {
  it.each(provinces.map((p) => [p.prefix, p.slug]))(
    '%s → %s (the province page example and the entity number)',
    (prefix, slug) => {
      // The example number each province page shows.
      expect(summary(parseIcpNumber(`${prefix}ICP备12345678号-1`, table))).toEqual({
        province: slug,
        serial: '12345678',
        site: 1,
        normalized: `${prefix}ICP备12345678号-1`,
        variant: undefined,
      });
      const entity = parseIcpNumber(`${prefix}ICP备2021034567号`, table);
      expect(entity.ok && [entity.province, entity.siteNumber, entity.serialStyle]).toEqual([slug, null, 'year']);
    },
  );
});

type Row = [input: string, expected: Record<string, unknown>];
const filing = (province: string, serial: string, site: number | null, normalized: string, variant?: string) =>
  clean({ province, serial, site, normalized, variant });
const problem = (p: string, extra: Record<string, unknown> = {}) => ({ problem: p, ...extra });

const accepted: Row[] = [
  ['京ICP备12345678号', filing('beijing', '12345678', null, '京ICP备12345678号')],
  ['京ICP备12345678号-3', filing('beijing', '12345678', 3, '京ICP备12345678号-3')],
  ['粤ICP备2021034567号-1', filing('guangdong', '2021034567', 1, '粤ICP备2021034567号-1')],
  ['蜀ICP备2026007879号-1', filing('sichuan', '2026007879', 1, '蜀ICP备2026007879号-1')],
  ['京ICP备16020626号-8', filing('beijing', '16020626', 8, '京ICP备16020626号-8')],
  ['  京ICP备12345678号  \n', filing('beijing', '12345678', null, '京ICP备12345678号')],
  ['网站备案号：京ICP备12345678号-3 版权所有', filing('beijing', '12345678', 3, '京ICP备12345678号-3')],
  ['ICP备案号：沪ICP备12345678号', filing('shanghai', '12345678', null, '沪ICP备12345678号')],
  ['京ＩＣＰ备１２３４５６７８号－３', filing('beijing', '12345678', 3, '京ICP备12345678号-3')],
  ['京icp备12345678号', filing('beijing', '12345678', null, '京ICP备12345678号')],
  ['京Icp备12345678号-2', filing('beijing', '12345678', 2, '京ICP备12345678号-2')],
  ['京ICP备12345678', filing('beijing', '12345678', null, '京ICP备12345678号')],
  ['京ICP备12345678-2', filing('beijing', '12345678', 2, '京ICP备12345678号-2')],
  ['京 ICP 备 12345678 号 - 2', filing('beijing', '12345678', 2, '京ICP备12345678号-2')],
  ['京ICP備12345678號', filing('beijing', '12345678', null, '京ICP备12345678号')],
  ['京ICP备12345678号—4', filing('beijing', '12345678', 4, '京ICP备12345678号-4')],
  [
    '<a href="https://beian.miit.gov.cn/" target="_blank">浙ICP备12345678号-1</a>',
    filing('zhejiang', '12345678', 1, '浙ICP备12345678号-1'),
  ],
  [
    '© 2024 某公司 | 京ICP证030173号 | 京ICP备10046444号-1 | 京公网安备11000002000001号',
    filing('beijing', '10046444', 1, '京ICP备10046444号-1'),
  ],
  ['京ICP备12345678号Copyright', filing('beijing', '12345678', null, '京ICP备12345678号')],
  ['京ICP备1234567号', filing('beijing', '1234567', null, '京ICP备1234567号')],
  ['川ICP备12345678号-2', filing('sichuan', '12345678', 2, '川ICP备12345678号-2', '川')],
  ['港ICP备12345678号 京ICP备12345678号', filing('beijing', '12345678', null, '京ICP备12345678号')],
  ['© example.com 京ICP备12345678号-1', filing('beijing', '12345678', 1, '京ICP备12345678号-1')],
];

const refused: Row[] = [
  ['', problem('empty')],
  [' \t\n　', problem('empty')],
  ['京ICP证030173号', problem('icp-licence', { prefix: '京', found: '京ICP证030173号' })],
  ['京ICP证 030173 号', problem('icp-licence', { prefix: '京', found: '京ICP证030173号' })],
  ['浙B2-20080224', problem('telecom-licence', { prefix: '浙', found: '浙B2-20080224' })],
  ['B2-20080224', problem('telecom-licence', { found: 'B2-20080224' })],
  ['京公网安备11000002000001号', problem('public-security', { prefix: '京', found: '京公网安备11000002000001号' })],
  ['粤公网安备 44030502000001号', problem('public-security', { prefix: '粤', found: '粤公网安备44030502000001号' })],
  ['港ICP备12345678号', problem('outside-system', { prefix: '港', region: 'hong-kong', found: '港ICP备12345678号' })],
  ['澳ICP备12345678号', problem('outside-system', { prefix: '澳', region: 'macao', found: '澳ICP备12345678号' })],
  ['台ICP备12345678号', problem('outside-system', { prefix: '台', region: 'taiwan', found: '台ICP备12345678号' })],
  [
    '甘ICP备12345678号',
    problem('placeholder-prefix', { prefix: '甘', suggestion: 'gansu', found: '甘ICP备12345678号' }),
  ],
  ['贵ICP备12345678号', problem('unknown-prefix', { prefix: '贵', found: '贵ICP备12345678号' })],
  ['ICP备12345678号', problem('missing-prefix', { found: 'ICP备12345678号' })],
  ['AICP备12345678号-1', problem('missing-prefix', { found: 'ICP备12345678号-1' })],
  ['京ICP备号', problem('malformed', { reason: 'no-serial', prefix: '京', found: '京ICP备号' })],
  ['京ICP备abc号', problem('malformed', { reason: 'no-serial', prefix: '京', found: '京ICP备' })],
  ['京ICP备123号', problem('malformed', { reason: 'serial-length', prefix: '京', found: '京ICP备123号' })],
  [
    '京ICP备1234567890123号',
    problem('malformed', { reason: 'serial-length', prefix: '京', found: '京ICP备1234567890123号' }),
  ],
  ['京ICP备12345678号-0', problem('malformed', { reason: 'site-number', prefix: '京', found: '京ICP备12345678号-0' })],
  [
    '京ICP备12345678号-12345',
    problem('malformed', { reason: 'site-number', prefix: '京', found: '京ICP备12345678号-12345' }),
  ],
  ['京ICP12345678号', problem('malformed', { reason: 'missing-bei', prefix: '京', found: '京ICP12345678' })],
  ['hello world', problem('unrecognized')],
  ['12345678', problem('unrecognized')],
  ['京', problem('unrecognized')],
  ['ICP', problem('unrecognized')],
  ['beian.miit.gov.cn', problem('domain', { found: 'beian.miit.gov.cn' })],
  ['example.com', problem('domain', { found: 'example.com' })],
  ['https://www.Example.com/x?y=1', problem('domain', { found: 'www.example.com' })],
  ['http://shop.example.com.cn:8080/', problem('domain', { found: 'shop.example.com.cn' })],
  ['我的网站 mydomain.com。', problem('domain', { found: 'mydomain.com' })],
  ['例子.中国', problem('domain', { found: '例子.中国' })],
  [
    'example.com 京公网安备11000002000001号',
    problem('public-security', { prefix: '京', found: '京公网安备11000002000001号' }),
  ],
  ['192.168.0.1', problem('unrecognized')],
  ['version 1.5', problem('unrecognized')],
  ['someone@example.com', problem('unrecognized')],
  ['<img src=x onerror=alert(1)>', problem('unrecognized')],
];

describe('parseIcpNumber: accepted shapes', () => {
  it.each(accepted)('%j', (input, expected) => {
    expect(clean(summary(parseIcpNumber(input, table)))).toEqual(expected);
  });
});

describe('parseIcpNumber: what is not a filing number', () => {
  it.each(refused)('%j', (input, expected) => {
    expect(clean(summary(parseIcpNumber(input, table)))).toEqual(expected);
  });
});

describe('the table', () => {
  it('has at least 60 inputs', () => {
    expect(provinces.length + accepted.length + refused.length).toBeGreaterThanOrEqual(60);
  });
});

describe('details', () => {
  it('marks 川 as an unconfirmed variant naming its source, never silently as 蜀', () => {
    const r = parseIcpNumber('川ICP备12345678号', table);
    expect(r.ok && r.variant).toEqual({
      prefix: '川',
      standard: '蜀',
      status: 'unconfirmed',
      source: 'research-notes',
    });
    const standard = parseIcpNumber('蜀ICP备12345678号', table);
    expect(standard.ok && standard.variant).toBeNull();
  });

  it('classifies serials: 8 digits, a year plus digits, anything else unusual', () => {
    const style = (n: string) => {
      const r = parseIcpNumber(n, table);
      return r.ok ? r.serialStyle : r.problem;
    };
    expect([
      style('京ICP备12345678号'),
      style('粤ICP备2021034567号'),
      style('京ICP备1234567号'),
      style('京ICP备1234567890号'),
    ]).toEqual(['classic', 'year', 'unusual', 'unusual']);
  });

  it('gives the entity number alongside a site number', () => {
    const r = parseIcpNumber('京ICP备12345678号-3', table);
    expect(r.ok && r.entityNumber).toBe('京ICP备12345678号');
  });

  it('takes the province from the table it is given, not from a table of its own', () => {
    const r = parseIcpNumber('京ICP备12345678号', new Map([['京', { id: 42 }]]));
    expect(r.ok && r.province).toEqual({ id: 42 });
    expect(parseIcpNumber('京ICP备12345678号', new Map()).ok).toBe(false);
    // A table without 蜀 cannot resolve the 川 variant either.
    expect(summary(parseIcpNumber('川ICP备12345678号', new Map([['京', 'beijing']])))).toMatchObject({
      problem: 'unknown-prefix',
    });
  });

  it('handles a prefix outside the Basic Multilingual Plane without splitting it', () => {
    // 𠀀 (U+20000) is a Han character written as a surrogate pair.
    expect(summary(parseIcpNumber('𠀀ICP备12345678号', table))).toMatchObject({
      problem: 'unknown-prefix',
      prefix: '𠀀',
    });
  });
});

describe('messages', () => {
  const messages = {
    'zh-cn': messagesFrom((k) => t('zh-cn', k as StringKey)),
    en: messagesFrom((k) => t('en', k as StringKey)),
  };
  const kinds = [...accepted, ...refused].map(([input]) => parseIcpNumber(input, table)).filter((r) => !r.ok);
  const langs = ['zh-cn', 'en'] as const;

  it('say something different for each kind and reason, in both languages', () => {
    for (const lang of langs) {
      const byKind = new Map<string, string>();
      for (const r of kinds) {
        if (r.ok) continue;
        const key = `${r.problem}/${r.reason ?? ''}/${r.region ?? ''}`;
        const message = problemMessage(r, messages[lang]);
        expect(message.length).toBeGreaterThan(20);
        byKind.set(key, message.replace(/“[^”]*”/g, ''));
      }
      // empty, 2 licences, public-security, 3 outside-system regions, placeholder, unknown, missing, 4 malformed reasons, domain, unrecognized
      expect(byKind.size).toBe(16);
      expect(new Set(byKind.values()).size).toBe(byKind.size);
    }
  });

  it('are in the page language and quote the number found', () => {
    const r = parseIcpNumber('京公网安备11000002000001号', table);
    if (r.ok) throw new Error('expected a problem');
    expect(problemMessage(r, messages['zh-cn'])).toMatch(/公安部/);
    expect(problemMessage(r, messages.en)).toMatch(/Ministry of Public Security/);
    expect(problemMessage(r, messages.en)).toContain('“京公网安备11000002000001号”');
  });

  it('name the standard prefix for 甘 and say 川 is unconfirmed', () => {
    const gan = parseIcpNumber('甘ICP备12345678号', table);
    if (gan.ok) throw new Error('expected a problem');
    expect(problemMessage(gan, messages.en)).toMatch(/placeholder.*“陇”/);
    const chuan = parseIcpNumber('川ICP备12345678号', table);
    if (!chuan.ok || !chuan.variant) throw new Error('expected a variant');
    expect(variantMessage(chuan.variant, 'Sichuan', messages.en)).toMatch(/could not confirm.*“蜀”/);
    expect(variantMessage(chuan.variant, '四川', messages['zh-cn'])).toMatch(/未能证实.*“蜀”/);
  });

  it('note an unusual serial length only', () => {
    expect(serialMessage('classic', '12345678', messages.en)).toBeNull();
    expect(serialMessage('unusual', '1234567', messages.en)).toMatch(/7 digits/);
  });

  it('fill every placeholder a message has', () => {
    for (const r of kinds) {
      if (r.ok) continue;
      for (const lang of langs)
        expect(problemMessage(r, messages[lang]), `${r.problem} ${lang}`).not.toMatch(/\{\w+\}/);
    }
  });
});

describe('robustness', () => {
  const strings = [
    fc.string(),
    fc.string({ unit: 'binary' }), // any code point, surrogate pairs included
    fc.string({ unit: 'grapheme' }),
    fc.string({
      unit: fc.constantFrom(
        '京',
        'ICP',
        'icp',
        '备',
        '证',
        '号',
        '-',
        '－',
        ' ',
        '1',
        '１',
        '公网安备',
        'B2',
        '川',
        '甘',
        '港',
        '\u0000',
        '\ud800',
      ),
    }),
  ];

  it('never throws and always answers, for any string', () => {
    for (const arb of strings) {
      fc.assert(
        fc.property(arb, (s) => {
          const r = parseIcpNumber(s, table);
          expect(typeof r.ok).toBe('boolean');
        }),
        { numRuns: 500 },
      );
    }
  });

  // A parser that backtracks on these would run for seconds and fail on the test timeout; the speed itself is the bench's.
  it('answers 10,000-character and adversarial input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 10_000, maxLength: 10_000 }), (s) => {
        expect(typeof parseIcpNumber(s, table).ok).toBe('boolean');
      }),
      { numRuns: 50 },
    );
    // Shapes that would make a careless regular expression backtrack.
    const adversarial = [
      'ICP备'.repeat(2500),
      '京ICP'.repeat(2500),
      `京ICP备${'1'.repeat(10_000)}`,
      `ICP${' '.repeat(10_000)}`,
      'B1.'.repeat(3334),
      'B2 - '.repeat(2000),
      '公网安备'.repeat(2500),
      `京ICP备12345678号${'-'.repeat(10_000)}`,
      '\ud800'.repeat(10_000),
      'ﷺ'.repeat(10_000), // NFKC expands each to 18 characters
    ];
    for (const s of adversarial) {
      expect(typeof parseIcpNumber(s, table).ok).toBe('boolean');
    }
  });

  it('finds a filing number inside any surrounding text, and its normalized form reads back the same', () => {
    const prefixes = [...table.keys()];
    const number = fc.record({
      prefix: fc.constantFrom(...prefixes),
      serial: fc.oneof(fc.stringMatching(/^\d{8}$/), fc.stringMatching(/^20[12]\d{7}$/)),
      site: fc.option(fc.integer({ min: 1, max: 99 }), { nil: null }),
    });
    const noise = fc
      .string({ unit: 'binary', maxLength: 200 })
      .filter((s) => !/icp|公网安备/i.test(s.normalize('NFKC')));
    fc.assert(
      fc.property(number, noise, noise, ({ prefix, serial, site }, before, after) => {
        const written = `${prefix}ICP备${serial}号${site === null ? '' : `-${site}`}`;
        const r = parseIcpNumber(`${before} ${written}。${after}`, table);
        expect(r.ok && [r.province, r.entitySerial, r.siteNumber, r.normalized]).toEqual([
          table.get(prefix),
          serial,
          site,
          written,
        ]);
        const again = r.ok ? parseIcpNumber(r.normalized, table) : r;
        expect(again).toEqual(r);
      }),
      { numRuns: 1000 },
    );
  });
});
