/** How a province is deregistered, derived from its links' kinds so the fact is never stored twice. */
export type Method = 'form' | 'online';

const FORM_KINDS = new Set(['form-download-page', 'form-file', 'article-page', 'notice-list']);

export function methodsOf(links: readonly { kind: string }[]): Method[] {
  const methods: Method[] = [];
  if (links.some((l) => FORM_KINDS.has(l.kind))) methods.push('form');
  if (links.some((l) => l.kind === 'online-portal')) methods.push('online');
  return methods;
}

/** True when the sources give different deregistration links (administration sites excluded). */
export function sourcesDisagree(links: readonly { kind: string; source: string; url: string }[]): boolean {
  const bySource = new Map<string, Set<string>>();
  for (const l of links) {
    if (l.kind === 'administration-site') continue;
    if (!bySource.has(l.source)) bySource.set(l.source, new Set());
    bySource.get(l.source)!.add(l.url);
  }
  const sets = [...bySource.values()].map((s) => [...s].sort().join('\n'));
  return new Set(sets).size > 1;
}
