/**
 * The build's one model of the registry: validated content in, every derived fact out, worked out once.
 * Pure (no Astro, fs or network), so tests build it from parsed YAML exactly as the build does.
 */
import type { Province as ProvinceData } from '../schemas/province';
import type { Source as SourceData } from '../schemas/source';
import { citiesOf, type City } from './cities';
import { methodsOf, sourcesDisagree, type Method } from './deregistration-method';
import { compactAliases } from './names-search';
import { REGIONS, type Region } from './regions';
import { registryProblems } from './registry-checks';
import { aliasString } from './search-aliases';

export type Source = SourceData & { id: string };

export interface Province extends ProvinceData {
  /** How it is deregistered, from its links' kinds. */
  methods: Method[];
  /** The sources give different deregistration links. */
  sourcesDisagree: boolean;
  cities: readonly City[];
  /** Its own names as one string: Pagefind's `aliases` metadata on its page. */
  ownAliases: string;
  /** Its names and cities, less what the names matcher finds without them: the names index's `s`. */
  indexAliases: string;
}

export interface Registry {
  provinces: Province[];
  bySlug: ReadonlyMap<string, Province>;
  byRegion: { region: Region; provinces: Province[] }[];
  sources: ReadonlyMap<string, Source>;
}

export interface RegistryInput {
  provinces: { file: string; data: ProvinceData }[];
  sources: { id: string; data: SourceData }[];
}

/** Builds the registry; throws, naming each file, on any problem across files. */
export function buildRegistry(input: RegistryInput): Registry {
  const sources = new Map(input.sources.map((s) => [s.id, { ...s.data, id: s.id }]));
  const problems = registryProblems(input.provinces, new Set(sources.keys()));
  if (problems.length > 0) {
    throw new Error(`The province registry has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  }
  // Synthetic registries (the benchmark) share the 31 real division codes: their cities are worked out once each.
  const citiesByCode = new Map<string, readonly City[]>();
  const cities = (code: string) => {
    let list = citiesByCode.get(code);
    if (!list) citiesByCode.set(code, (list = Object.freeze(citiesOf(code))));
    return list;
  };
  const provinces = input.provinces
    .map(({ data }) => derive(data, cities(data.division)))
    .sort((a, b) => REGIONS.indexOf(a.region) - REGIONS.indexOf(b.region) || a.slug.localeCompare(b.slug));
  return {
    provinces,
    bySlug: new Map(provinces.map((p) => [p.slug, p])),
    byRegion: REGIONS.map((region) => ({ region, provinces: provinces.filter((p) => p.region === region) })),
    sources,
  };
}

function derive(data: ProvinceData, cities: readonly City[]): Province {
  return {
    ...data,
    methods: methodsOf(data.links),
    sourcesDisagree: sourcesDisagree(data.links),
    cities,
    ownAliases: aliasString(data),
    indexAliases: compactAliases(aliasString(data, cities)),
  };
}
