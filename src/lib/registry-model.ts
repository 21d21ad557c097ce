/**
 * The build's one model of the registry: validated content in, every derived fact out, worked out once.
 * Pure (no Astro, fs or network), so tests build it from parsed YAML exactly as the build does.
 */
import type { NationalLink } from '../schemas/national';
import type { Province as ProvinceData } from '../schemas/province';
import type { Source as SourceData } from '../schemas/source';
import { citiesOf, type City } from './cities';
import { linkKey, type LinkStatus } from './link-status';
import { methodsOf, sourcesDisagree, type Method } from './deregistration-method';
import { compactAliases } from './names-search';
import { REGIONS, type Region } from './regions';
import { registryProblems } from './registry-checks';
import { aliasString } from './search-aliases';

type Source = SourceData & { id: string };
/** A link with its last known status (content/link-status/), null until the monitor has checked it. */
type WithStatus<T> = T & { linkStatus: LinkStatus | null };
type Link = WithStatus<ProvinceData['links'][number]>;
type National = WithStatus<NationalLink & { id: string }>;

export interface Province extends Omit<ProvinceData, 'links'> {
  links: Link[];
  /** How it is deregistered today, from the kinds of the national and its current links. */
  methods: Method[];
  /** The 2019 sources give different deregistration links. */
  sourcesDisagree: boolean;
  cities: readonly City[];
  /** Its own names as one string: Pagefind's `aliases` metadata on its page. */
  ownAliases: string;
  /** Its names and cities, less what the names matcher finds without them: the names index's `s`. */
  indexAliases: string;
  /** Links into the filing system since August 2020, in the order to try them; the old system's, apart. */
  currentLinks: Link[];
  historicalLinks: Link[];
  /** Notes by their source's era: what sources since 2020 say, and what the 2019 material said. */
  currentNotes: ProvinceData['notes'];
  historicalNotes: ProvinceData['notes'];
  /** A source since 2020 says something of this province's own (a route step, a note or a link). */
  hasCurrentSpecifics: boolean;
  /** Every source the page cites, in first-cited order. */
  sourceIds: string[];
}

export interface Registry {
  provinces: Province[];
  bySlug: ReadonlyMap<string, Province>;
  byRegion: { region: Region; provinces: Province[] }[];
  sources: ReadonlyMap<string, Source>;
  /** The national links every province page and the procedure share (content/national.yaml), by id. */
  national: ReadonlyMap<string, National>;
}

export interface RegistryInput {
  provinces: { file: string; data: ProvinceData }[];
  sources: { id: string; data: SourceData }[];
  national: { file: string; id: string; data: NationalLink }[];
  /** The link monitor's findings, keyed by linkKey(url). */
  statuses: { id: string; data: LinkStatus }[];
}

/** The national links the pages cannot do without. */
const REQUIRED_NATIONAL = ['notice-list', 'public-query'];

/** Builds the registry; throws, naming each file, on any problem across files. */
export function buildRegistry(input: RegistryInput): Registry {
  const sources = new Map(input.sources.map((s) => [s.id, { ...s.data, id: s.id }]));
  const problems = registryProblems(input.provinces, sources, input.national);
  const statuses = new Map(input.statuses.map((s) => [s.id, s.data]));
  const statusOf = (url: string) => statuses.get(linkKey(url) ?? '') ?? null;
  const national = new Map(
    input.national.map((n) => [n.id, { ...n.data, id: n.id, linkStatus: statusOf(n.data.url) }]),
  );
  for (const id of REQUIRED_NATIONAL) if (!national.has(id)) problems.push(`content/national.yaml: no entry "${id}"`);
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
    .map(({ data }) =>
      derive(
        { ...data, links: data.links.map((l) => ({ ...l, linkStatus: statusOf(l.url) })) },
        cities(data.division),
        sources,
        national,
      ),
    )
    .sort((a, b) => REGIONS.indexOf(a.region) - REGIONS.indexOf(b.region) || a.slug.localeCompare(b.slug));
  return {
    provinces,
    bySlug: new Map(provinces.map((p) => [p.slug, p])),
    byRegion: REGIONS.map((region) => ({ region, provinces: provinces.filter((p) => p.region === region) })),
    sources,
    national,
  };
}

function derive(
  data: Omit<ProvinceData, 'links'> & { links: Link[] },
  cities: readonly City[],
  sources: ReadonlyMap<string, Source>,
  national: ReadonlyMap<string, { source: string; kind: string }>,
): Province {
  const historicalSource = (id: string) => sources.get(id)?.era === 'historical';
  const currentLinks = data.links.filter((l) => l.era === 'current');
  const currentNotes = data.notes.filter((n) => !historicalSource(n.source));
  const sourceIds = [
    ...new Set([
      ...[...national.values()].map((n) => n.source),
      ...data.route.flatMap((r) => r.sources),
      ...currentLinks.map((l) => l.source),
      ...currentNotes.map((n) => n.source),
      ...data.links.map((l) => l.source),
      ...data.notes.map((n) => n.source),
      ...data.dropped.map((d) => d.source),
    ]),
  ];
  return {
    ...data,
    currentLinks,
    historicalLinks: data.links.filter((l) => l.era === 'historical'),
    currentNotes,
    historicalNotes: data.notes.filter((n) => historicalSource(n.source)),
    hasCurrentSpecifics:
      data.route.length > 0 || currentNotes.length > 0 || currentLinks.some((l) => l.kind !== 'administration-site'),
    sourceIds,
    // Every province has the national paper route (the notice list's forms), and what its current links add.
    methods: methodsOf([...[national.get('notice-list')].filter((n) => n !== undefined), ...currentLinks]),
    sourcesDisagree: sourcesDisagree(data.links.filter((l) => l.era === 'historical')),
    cities,
    ownAliases: aliasString(data),
    indexAliases: compactAliases(aliasString(data, cities)),
  };
}
