import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const PROVINCES = resolve(import.meta.dirname, '../../content/provinces');

/** The registry's slugs and prefixes, read from content/ (the same files the build reads). */
export const provinces = readdirSync(PROVINCES)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => {
    const text = readFileSync(resolve(PROVINCES, f), 'utf8');
    return {
      slug: /^slug: (\S+)$/m.exec(text)![1]!,
      prefix: /^prefix: (\S)$/m.exec(text)![1]!,
      linkCount: (text.match(/^  - url: /gm) ?? []).length,
    };
  });
