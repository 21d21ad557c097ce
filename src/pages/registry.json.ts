import type { APIRoute } from 'astro';
import { getRegistry } from '../lib/registry';
import { methodsOf } from '../lib/deregistration-method';

/** Bumped when a field is renamed or removed; adding a field keeps the version. */
export const REGISTRY_SCHEMA_VERSION = 1;

export const GET: APIRoute = async () => {
  const { provinces, sources } = await getRegistry();
  const body = {
    schemaVersion: REGISTRY_SCHEMA_VERSION,
    provinces: provinces.map((p) => ({ ...p, methods: methodsOf(p.links) })),
    sources: Object.fromEntries([...sources].map(([id, s]) => [id, s])),
  };
  return new Response(JSON.stringify(body, null, 2) + '\n', { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
