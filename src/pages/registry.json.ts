import type { APIRoute } from 'astro';
import { getRegistry } from '../lib/registry';
import { methodsOf } from '../lib/deregistration-method';
import { statusOf } from '../lib/link-statuses';

/** Bumped when a field is renamed or removed; adding a field keeps the version. */
export const REGISTRY_SCHEMA_VERSION = 1;

export const GET: APIRoute = async () => {
  const { provinces, sources } = await getRegistry();
  const body = {
    schemaVersion: REGISTRY_SCHEMA_VERSION,
    provinces: await Promise.all(
      provinces.map(async (p) => ({
        ...p,
        methods: methodsOf(p.links),
        // The link monitor's last finding (content/link-status/), null when the link has not been checked yet.
        links: await Promise.all(p.links.map(async (l) => ({ ...l, linkStatus: await statusOf(l.url) }))),
      })),
    ),
    sources: Object.fromEntries([...sources].map(([id, s]) => [id, s])),
  };
  return new Response(JSON.stringify(body, null, 2) + '\n', { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
