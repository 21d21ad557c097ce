import { describe, expect, it } from 'vitest';
import { provinceSchema } from '../../src/schemas/province';
import { sourceSchema } from '../../src/schemas/source';
import { registryProblems, type RegistryEntry } from '../../src/lib/registry-checks';
import { REGIONS } from '../../src/lib/regions';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT, loadYamlCollection } from './content-helpers';

const files = loadYamlCollection('provinces');
const entries: RegistryEntry[] = files.map((f) => ({ file: f.file, data: provinceSchema.parse(f.data) }));
const provinces = entries.map((e) => e.data as ReturnType<typeof provinceSchema.parse>);
const sources = new Map(
  loadYamlCollection('sources').map((s) => [s.file.replace(/^.*\/|\.ya?ml$/g, ''), sourceSchema.parse(s.data)]),
);

const SLUGS =
  'beijing tianjin hebei shanxi neimenggu liaoning jilin heilongjiang shanghai jiangsu zhejiang anhui fujian jiangxi shandong henan hubei hunan guangdong guangxi hainan chongqing sichuan guizhou yunnan xizang shaanxi gansu qinghai ningxia xinjiang'.split(
    ' ',
  );

describe('the province registry', () => {
  it('has exactly the 31 provincial-level administrations, by their contract slugs', () => {
    expect(provinces.map((p) => p.slug).sort()).toEqual([...SLUGS].sort());
  });

  it('passes the cross-file checks (unique slugs, ISO codes, prefixes; sources exist)', () => {
    expect(registryProblems(entries, sources)).toEqual([]);
  });

  it('has unique ISO codes and prefixes', () => {
    expect(new Set(provinces.map((p) => p.iso)).size).toBe(31);
    expect(new Set(provinces.map((p) => p.prefix)).size).toBe(31);
  });

  it('covers every one of the 7 regions', () => {
    expect(new Set(provinces.map((p) => p.region))).toEqual(new Set(REGIONS));
  });

  it('gives every province at least one deregistration link (not only an administration site)', () => {
    for (const p of provinces) {
      expect(p.links.filter((l) => l.kind !== 'administration-site').length, p.slug).toBeGreaterThan(0);
    }
  });

  it('has no URL with a session id anywhere, and records every removed one as published', () => {
    for (const p of provinces) {
      for (const l of p.links) {
        expect(l.url, p.slug).not.toMatch(/jsessionid/i);
        if (l.cleaned) expect(l.cleaned.original).toMatch(/;jsessionid=/);
      }
    }
  });

  it('shows both seed sources for each province, except where one was dropped with a reason', () => {
    for (const p of provinces) {
      const used = new Set([...p.links.map((l) => l.source), ...p.dropped.map((d) => d.source)]);
      expect(used.has('aliyun-2019'), p.slug).toBe(true);
      expect(used.has('jdcloud'), p.slug).toBe(true);
    }
  });

  it('keeps the local notes the seeds give, each with its source', () => {
    const notes = (slug: string) => provinces.find((p) => p.slug === slug)!.notes;
    expect(notes('hunan').map((n) => n.source)).toContain('aliyun-2019');
    expect(notes('hunan').some((n) => /Friday/.test(n.text.en) && /周五/.test(n.text.zh))).toBe(true);
    expect(notes('ningxia').some((n) => /bottom/.test(n.text.en))).toBe(true);
    expect(notes('sichuan').some((n) => /account/.test(n.text.en) && n.source === 'jdcloud')).toBe(true);
    expect(provinces.find((p) => p.slug === 'shanghai')!.links.some((l) => l.kind === 'online-portal')).toBe(true);
    expect(provinces.find((p) => p.slug === 'hunan')!.links.some((l) => l.kind === 'online-portal')).toBe(true);
  });
});

describe('link eras', () => {
  // Hosts and paths of the filing system before August 2020.
  const OLD_SYSTEM =
    /beian\.miit\.gov\.cn\/state\/outPortal\/|cainfo\.miitbeian\.gov\.cn|^https?:\/\/\d+\.\d+\.\d+\.\d+[/:]/;
  it('marks every old-system link historical', () => {
    const old = provinces.flatMap((p) =>
      p.links.filter((l) => OLD_SYSTEM.test(l.url)).map((l) => ({ slug: p.slug, url: l.url, era: l.era })),
    );
    expect(old.length).toBeGreaterThan(31);
    expect(old.filter((l) => l.era !== 'historical')).toEqual([]);
  });
  it('marks every link from the two 2019-era seeds historical', () => {
    const seedLinks = provinces.flatMap((p) =>
      p.links.filter((l) => l.source === 'aliyun-2019' || l.source === 'jdcloud'),
    );
    // 31 + 31, less the one JD Cloud link that Ningxia drops.
    expect(seedLinks.length).toBeGreaterThanOrEqual(61);
    expect(new Set(seedLinks.map((l) => l.era))).toEqual(new Set(['historical']));
  });
  it('gives every province a change history that records this update', () => {
    for (const p of provinces)
      expect(
        p.changes.map((c) => c.date),
        p.slug,
      ).toContain('2026-12-02');
  });
});

describe('the procedure (both languages)', () => {
  const mdx = (lang: string) =>
    readFileSync(join(CONTENT, 'procedure', `${lang}.mdx`), 'utf8').replace(/^---[\s\S]*?\n---\n/, '');
  /** The body split at its ## headings: [heading, text] pairs. */
  const sections = (lang: string) =>
    mdx(lang)
      .split(/^## /m)
      .slice(1)
      .map((s) => [s.slice(0, s.indexOf('\n')), s.slice(s.indexOf('\n'))] as const);

  it('has the same sections in both languages', () => {
    expect(sections('zh-cn').length).toBe(sections('en').length);
    expect(sections('en').map(([h]) => h)).toContain('Who this is for');
  });
  it('mentions the filing password only as abolished, or in the pre-2020 section', () => {
    for (const [lang, word, abolished] of [
      ['zh-cn', /备案密码/, /取消|不再/],
      ['en', /filing password/i, /abolished|no longer|No filing password/],
    ] as const) {
      const current = sections(lang).filter(([h]) => !/2020 年以前|before 2020/.test(h));
      const sentences = current.flatMap(([, text]) => text.split(/(?<=[。.])\s*/)).filter((s) => word.test(s));
      expect(sentences.length, lang).toBeGreaterThan(0);
      for (const s of sentences) expect(s, lang).toMatch(abolished);
    }
  });
  it("explains MIIT's SMS verification and links the national notice list", () => {
    expect(mdx('zh-cn')).toMatch(/短信核验[\s\S]*24 小时[\s\S]*证件号码后 6 位/);
    expect(mdx('en')).toMatch(/SMS verification[\s\S]*24 hours[\s\S]*last 6 digits/);
    for (const lang of ['zh-cn', 'en'])
      expect(mdx(lang)).toContain('(https://beian.miit.gov.cn/#/Integrated/notice_list)');
  });
  it('cites only sources that exist, and lists each cited source in its frontmatter', () => {
    for (const lang of ['zh-cn', 'en']) {
      const text = readFileSync(join(CONTENT, 'procedure', `${lang}.mdx`), 'utf8');
      const listed = new Set(/^sources: \[(.*)\]$/m.exec(text)![1]!.split(/,\s*/));
      const cited = new Set([...text.matchAll(/<Cite id="([^"]+)" \/>/g)].map((m) => m[1]!));
      for (const id of cited) {
        expect(sources.has(id), `${lang}: ${id}`).toBe(true);
        expect(listed.has(id), `${lang}: ${id}`).toBe(true);
      }
    }
  });
});

describe('registryProblems', () => {
  const base = entries.find((e) => e.data.slug === 'beijing')!;
  const variant = (file: string, change: (d: any) => void): RegistryEntry => {
    const data: any = structuredClone(base.data);
    change(data);
    return { file, data };
  };
  it('names both files when a slug is used twice', () => {
    const dup = variant('content/provinces/beijing2.yaml', () => {});
    expect(registryProblems([base, dup], sources)).toContain(
      'content/provinces/beijing2.yaml: slug "beijing" is also used by content/provinces/beijing.yaml',
    );
  });
  it('reports a duplicate prefix', () => {
    const dup = variant('content/provinces/tianjin.yaml', (d) =>
      Object.assign(d, { slug: 'tianjin', iso: 'CN-TJ', name: { ...d.name, zh: '天津' } }),
    );
    expect(registryProblems([base, dup], sources)).toEqual([
      'content/provinces/tianjin.yaml: prefix "京" is also used by content/provinces/beijing.yaml',
    ]);
  });
  it('reports a slug that does not match its file name', () => {
    expect(registryProblems([variant('content/provinces/peking.yaml', () => {})], sources)).toEqual([
      'content/provinces/peking.yaml: slug "beijing" does not match the file name "peking"',
    ]);
  });
  it('reports a link whose source does not exist', () => {
    const bad = variant('content/provinces/beijing.yaml', (d) => (d.links[0].source = 'wikipedia'));
    expect(registryProblems([bad], sources)).toEqual([
      'content/provinces/beijing.yaml: links.0.source "wikipedia" is not a file in content/sources/',
    ]);
  });
  it('reports a route step whose source does not exist, by its path', () => {
    const bad = variant(
      'content/provinces/beijing.yaml',
      (d) =>
        (d.route = [{ step: 'submit', text: { zh: '邮寄', en: 'Post it' }, sources: ['miit-beian', 'wikipedia'] }]),
    );
    expect(registryProblems([bad], sources)).toEqual([
      'content/provinces/beijing.yaml: route.0.sources.1 "wikipedia" is not a file in content/sources/',
    ]);
  });
  it('reports a current link that cites a historical source', () => {
    const bad = variant('content/provinces/beijing.yaml', (d) => {
      d.links[0].source = 'aliyun-2019';
      d.links[0].era = 'current';
    });
    expect(registryProblems([bad], sources)).toEqual([
      'content/provinces/beijing.yaml: links.0.source "aliyun-2019" is a historical source, so a link citing it cannot be era: current',
    ]);
  });
  it('accepts a historical link that cites a current source (an old address a new document mentions)', () => {
    const ok = variant('content/provinces/beijing.yaml', (d) => {
      d.links[0].source = 'miit-beian';
      d.links[0].era = 'historical';
    });
    expect(registryProblems([ok], sources)).toEqual([]);
  });
  it('checks the national links: the source resolves and its era fits', () => {
    const national = [
      { file: 'content/national.yaml', id: 'notice-list', data: { source: 'tencent', era: 'current' as const } },
      { file: 'content/national.yaml', id: 'old-portal', data: { source: 'jdcloud', era: 'current' as const } },
    ];
    expect(registryProblems([base], sources, national)).toEqual([
      'content/national.yaml: notice-list.source "tencent" is not a file in content/sources/',
      'content/national.yaml: old-portal.source "jdcloud" is a historical source, so a link citing it cannot be era: current',
    ]);
  });
});
