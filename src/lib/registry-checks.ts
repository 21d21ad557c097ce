/**
 * Checks across content files that a per-file schema cannot make: unique keys,
 * file names that match slugs, source references that resolve, and links whose era matches their source's.
 */
type Era = 'current' | 'historical';

export interface RegistryEntry {
  /** Path of the content file, for the error message. */
  file: string;
  data: {
    slug: string;
    iso: string;
    prefix: string;
    name: { zh: string };
    links: { source: string; era: Era }[];
    notes: { source: string }[];
    dropped: { source: string }[];
    route: { sources: string[] }[];
  };
}

/** An entry of content/national.yaml. */
export interface NationalEntry {
  file: string;
  id: string;
  data: { source: string; era: Era };
}

/** The sources by id; only their era matters here. */
export type SourceEras = ReadonlyMap<string, { era: Era }>;

export function registryProblems(
  entries: RegistryEntry[],
  sources: SourceEras,
  national: NationalEntry[] = [],
): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  const unique = (entry: RegistryEntry, field: string, value: string) => {
    const key = `${field}\u0000${value}`;
    const other = seen.get(key);
    if (other) problems.push(`${entry.file}: ${field} "${value}" is also used by ${other}`);
    else seen.set(key, entry.file);
  };
  /** A source id that resolves, and a current link that does not rest on a historical source. */
  const checkSource = (file: string, path: string, id: string, linkEra?: Era) => {
    const source = sources.get(id);
    if (!source) problems.push(`${file}: ${path} "${id}" is not a file in content/sources/`);
    else if (linkEra === 'current' && source.era === 'historical') {
      problems.push(`${file}: ${path} "${id}" is a historical source, so a link citing it cannot be era: current`);
    }
  };
  for (const entry of entries) {
    const { data, file } = entry;
    unique(entry, 'slug', data.slug);
    unique(entry, 'iso', data.iso);
    unique(entry, 'prefix', data.prefix);
    unique(entry, 'name.zh', data.name.zh);
    const base = file
      .split(/[\\/]/)
      .pop()
      ?.replace(/\.[^.]+$/, '');
    if (base !== data.slug) problems.push(`${file}: slug "${data.slug}" does not match the file name "${base}"`);
    data.links.forEach((link, i) => checkSource(file, `links.${i}.source`, link.source, link.era));
    data.notes.forEach((note, i) => checkSource(file, `notes.${i}.source`, note.source));
    data.dropped.forEach((d, i) => checkSource(file, `dropped.${i}.source`, d.source));
    data.route.forEach((step, i) => step.sources.forEach((id, j) => checkSource(file, `route.${i}.sources.${j}`, id)));
  }
  for (const { file, id, data } of national) checkSource(file, `${id}.source`, data.source, data.era);
  return problems;
}
