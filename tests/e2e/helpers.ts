import { loadYamlCollection } from '../unit/content-helpers';

/** The registry's slugs and prefixes, read from content/ as the other tests read it. */
export const provinces = loadYamlCollection('provinces').map(({ data }) => ({
  slug: data['slug'] as string,
  prefix: data['prefix'] as string,
  linkCount: (data['links'] as unknown[]).length,
}));
