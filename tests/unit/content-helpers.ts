import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import yaml from 'js-yaml';
import { buildRegistry, type Registry } from '../../src/lib/registry-model';
import { linkStatusSchema } from '../../src/schemas/link-status';
import { nationalLinkSchema } from '../../src/schemas/national';
import { provinceSchema } from '../../src/schemas/province';
import { sourceSchema } from '../../src/schemas/source';

export const CONTENT = resolve(import.meta.dirname, '../../content');

/** Every YAML file of a collection, parsed, with its path: what the glob loader hands the schema. */
export function loadYamlCollection(name: string, content = CONTENT): { file: string; data: Record<string, unknown> }[] {
  const dir = join(content, name);
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => ({
      file: `content/${name}/${f}`,
      data: yaml.load(readFileSync(join(dir, f), 'utf8'), { schema: yaml.CORE_SCHEMA }) as Record<string, unknown>,
    }));
}

/** The registry as the build makes it: every file parsed by its schema, then buildRegistry(). */
export function loadRegistry(content = CONTENT): Registry {
  return buildRegistry({
    provinces: loadYamlCollection('provinces', content).map((f) => ({
      file: f.file,
      data: provinceSchema.parse(f.data),
    })),
    sources: loadYamlCollection('sources', content).map((f) => ({
      id: f.file.replace(/^.*\/|\.ya?ml$/g, ''),
      data: sourceSchema.parse(f.data),
    })),
    national: Object.entries(
      yaml.load(readFileSync(join(content, 'national.yaml'), 'utf8'), { schema: yaml.CORE_SCHEMA }) as Record<
        string,
        unknown
      >,
    ).map(([id, data]) => ({ file: 'content/national.yaml', id, data: nationalLinkSchema.parse(data) })),
    statuses: Object.entries(
      JSON.parse(readFileSync(join(content, 'link-status/links.json'), 'utf8')) as Record<string, unknown>,
    ).map(([id, data]) => ({ id, data: linkStatusSchema.parse(data) })),
  });
}
