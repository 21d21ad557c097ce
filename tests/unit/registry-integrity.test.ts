import { describe, expect, it } from 'vitest';
import { provinceSchema } from '../../src/schemas/province';
import { registryProblems, type RegistryEntry } from '../../src/lib/registry-checks';
import { REGIONS } from '../../src/lib/regions';
import { loadYamlCollection } from './content-helpers';

const files = loadYamlCollection('provinces');
const entries: RegistryEntry[] = files.map((f) => ({ file: f.file, data: provinceSchema.parse(f.data) }));
const provinces = entries.map((e) => e.data as ReturnType<typeof provinceSchema.parse>);
const sourceIds = new Set(loadYamlCollection('sources').map((s) => s.file.replace(/^.*\/|\.ya?ml$/g, '')));

const SLUGS = 'beijing tianjin hebei shanxi neimenggu liaoning jilin heilongjiang shanghai jiangsu zhejiang anhui fujian jiangxi shandong henan hubei hunan guangdong guangxi hainan chongqing sichuan guizhou yunnan xizang shaanxi gansu qinghai ningxia xinjiang'.split(' ');

describe('the province registry', () => {
  it('has exactly the 31 provincial-level administrations, by their contract slugs', () => {
    expect(provinces.map((p) => p.slug).sort()).toEqual([...SLUGS].sort());
  });

  it('passes the cross-file checks (unique slugs, ISO codes, prefixes; sources exist)', () => {
    expect(registryProblems(entries, sourceIds)).toEqual([]);
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

describe('registryProblems', () => {
  const base = entries.find((e) => e.data.slug === 'beijing')!;
  const variant = (file: string, change: (d: any) => void): RegistryEntry => {
    const data: any = structuredClone(base.data);
    change(data);
    return { file, data };
  };
  it('names both files when a slug is used twice', () => {
    const dup = variant('content/provinces/beijing2.yaml', () => {});
    expect(registryProblems([base, dup], sourceIds)).toContain('content/provinces/beijing2.yaml: slug "beijing" is also used by content/provinces/beijing.yaml');
  });
  it('reports a duplicate prefix', () => {
    const dup = variant('content/provinces/tianjin.yaml', (d) => Object.assign(d, { slug: 'tianjin', iso: 'CN-TJ', name: { ...d.name, zh: '天津' } }));
    expect(registryProblems([base, dup], sourceIds)).toEqual(['content/provinces/tianjin.yaml: prefix "京" is also used by content/provinces/beijing.yaml']);
  });
  it('reports a slug that does not match its file name', () => {
    expect(registryProblems([variant('content/provinces/peking.yaml', () => {})], sourceIds)).toEqual([
      'content/provinces/peking.yaml: slug "beijing" does not match the file name "peking"',
    ]);
  });
  it('reports a link whose source does not exist', () => {
    const bad = variant('content/provinces/beijing.yaml', (d) => (d.links[0].source = 'wikipedia'));
    expect(registryProblems([bad], sourceIds)).toEqual(['content/provinces/beijing.yaml: links.0.source "wikipedia" is not a file in content/sources/']);
  });
});
