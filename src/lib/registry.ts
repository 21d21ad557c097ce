import { getCollection, type CollectionEntry } from 'astro:content';
import { registryProblems } from './registry-checks';
import { REGIONS, type Region } from './regions';

export type ProvinceEntry = CollectionEntry<'provinces'>;
export type Province = ProvinceEntry['data'];
export type SourceEntry = CollectionEntry<'sources'>;

export interface Registry {
  provinces: Province[];
  bySlug: Map<string, Province>;
  byRegion: { region: Region; provinces: Province[] }[];
  sources: Map<string, SourceEntry['data'] & { id: string }>;
  /** content/national.yaml: the national links, by id. */
  national: Map<string, CollectionEntry<'national'>['data'] & { id: string }>;
}

let cached: Promise<Registry> | undefined;

/** The validated registry, loaded once per build. Throws (failing the build) on any cross-file problem. */
export function getRegistry(): Promise<Registry> {
  cached ??= load();
  return cached;
}

async function load(): Promise<Registry> {
  const [provinceEntries, sourceEntries, nationalEntries] = await Promise.all([
    getCollection('provinces'),
    getCollection('sources'),
    getCollection('national'),
  ]);
  const sources = new Map(sourceEntries.map((s) => [s.id, { ...s.data, id: s.id }]));
  const problems = registryProblems(
    provinceEntries.map((e) => ({ file: e.filePath ?? e.id, data: e.data })),
    sources,
    nationalEntries.map((e) => ({ file: e.filePath ?? 'national.yaml', id: e.id, data: e.data })),
  );
  if (problems.length > 0) {
    throw new Error(`The province registry has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  }
  const provinces = provinceEntries
    .map((e) => e.data)
    .sort((a, b) => REGIONS.indexOf(a.region) - REGIONS.indexOf(b.region) || a.slug.localeCompare(b.slug));
  return {
    provinces,
    bySlug: new Map(provinces.map((p) => [p.slug, p])),
    byRegion: REGIONS.map((region) => ({ region, provinces: provinces.filter((p) => p.region === region) })),
    sources,
    national: new Map(nationalEntries.map((e) => [e.id, { ...e.data, id: e.id }])),
  };
}
