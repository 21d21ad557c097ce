import { getCollection } from 'astro:content';
import { buildRegistry, type Registry } from './registry-model';

export type { Province, Registry } from './registry-model';

let registry: Promise<Registry> | undefined;

/** The registry, loaded, validated and derived once per build (src/lib/registry-model.ts). */
export function getRegistry(): Promise<Registry> {
  registry ??= load();
  return registry;
}

async function load(): Promise<Registry> {
  const [provinces, sources, national, statuses] = await Promise.all([
    getCollection('provinces'),
    getCollection('sources'),
    getCollection('national'),
    getCollection('linkStatus'),
  ]);
  return buildRegistry({
    provinces: provinces.map((e) => ({ file: e.filePath ?? e.id, data: e.data })),
    sources: sources.map((e) => ({ id: e.id, data: e.data })),
    national: national.map((e) => ({ file: e.filePath ?? 'content/national.yaml', id: e.id, data: e.data })),
    statuses: statuses.flatMap((e) => Object.entries(e.data).map(([id, data]) => ({ id, data }))),
  });
}
