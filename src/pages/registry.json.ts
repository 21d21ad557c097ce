import type { APIRoute } from 'astro';
import { getRegistry, type Province } from '../lib/registry';

/** Bumped when a field is renamed or removed; adding a field keeps the version. */
export const REGISTRY_SCHEMA_VERSION = 1;

/** A province as published: its content, each link's last known status, and the facts derived from it (not the search strings or cities). */
function published({
  cities,
  ownAliases,
  indexAliases,
  currentLinks,
  historicalLinks,
  currentNotes,
  historicalNotes,
  ...province
}: Province) {
  return province;
}

export const GET: APIRoute = async () => {
  const { provinces, sources, national } = await getRegistry();
  const body = {
    schemaVersion: REGISTRY_SCHEMA_VERSION,
    national: Object.fromEntries(national),
    provinces: provinces.map(published),
    sources: Object.fromEntries(sources),
  };
  // Not indented: it is read through a JSON parser, and indentation only made every download larger.
  return new Response(JSON.stringify(body) + '\n', {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
