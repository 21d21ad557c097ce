/**
 * Checks across content files that a per-file schema cannot make: unique keys,
 * file names that match slugs, and source references that resolve.
 */
export interface RegistryEntry {
  /** Path of the content file, for the error message. */
  file: string;
  data: {
    slug: string;
    iso: string;
    prefix: string;
    name: { zh: string };
    links: { source: string }[];
    notes: { source: string }[];
    dropped: { source: string }[];
  };
}

export function registryProblems(entries: RegistryEntry[], sourceIds: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  const unique = (entry: RegistryEntry, field: string, value: string) => {
    const key = `${field}\u0000${value}`;
    const other = seen.get(key);
    if (other) problems.push(`${entry.file}: ${field} "${value}" is also used by ${other}`);
    else seen.set(key, entry.file);
  };
  for (const entry of entries) {
    const { data, file } = entry;
    unique(entry, 'slug', data.slug);
    unique(entry, 'iso', data.iso);
    unique(entry, 'prefix', data.prefix);
    unique(entry, 'name.zh', data.name.zh);
    const base = file.split(/[\\/]/).pop()?.replace(/\.[^.]+$/, '');
    if (base !== data.slug) problems.push(`${file}: slug "${data.slug}" does not match the file name "${base}"`);
    const refs: [string, { source: string }[]][] = [
      ['links', data.links],
      ['notes', data.notes],
      ['dropped', data.dropped],
    ];
    for (const [field, items] of refs) {
      items.forEach((item, i) => {
        if (!sourceIds.has(item.source)) {
          problems.push(`${file}: ${field}.${i}.source "${item.source}" is not a file in content/sources/`);
        }
      });
    }
  }
  return problems;
}
