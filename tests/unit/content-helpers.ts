import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import yaml from 'js-yaml';

export const CONTENT = resolve(import.meta.dirname, '../../content');

/** Every YAML file of a collection, parsed, with its path: what the glob loader hands the schema. */
export function loadYamlCollection(name: string, content = CONTENT): { file: string; data: Record<string, unknown> }[] {
  const dir = join(content, name);
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => ({ file: `content/${name}/${f}`, data: yaml.load(readFileSync(join(dir, f), 'utf8'), { schema: yaml.CORE_SCHEMA }) as Record<string, unknown> }));
}
