/**
 * Loads content/link-status/links.json ({ "<url>": entry }) into the `linkStatus` collection. Astro's file() loader
 * only logs a JSON syntax error and builds on without the statuses; this one fails the build, naming the file.
 * A missing file is no statuses at all: every link shows "not checked yet".
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { linkStatusIdProblem } from '../schemas/link-status';

export function linkStatusLoader(fileName: string): Loader {
  return {
    name: 'link-status-loader',
    load: async ({ config, store, parseData }) => {
      const path = fileURLToPath(new URL(fileName, config.root));
      const filePath = relative(fileURLToPath(config.root), path);
      store.clear();
      if (!existsSync(path)) return;
      let data: unknown;
      try {
        data = JSON.parse(readFileSync(path, 'utf8'));
      } catch (error) {
        throw new Error(`${path} is not valid JSON: ${(error as Error).message}`);
      }
      if (typeof data !== 'object' || data === null || Array.isArray(data)) {
        throw new Error(`${path} must be one object, { "<url>": { checked, class, … } }`);
      }
      for (const [id, raw] of Object.entries(data)) {
        const problem = linkStatusIdProblem(id);
        if (problem) throw new Error(`${path}: ${problem}`);
        store.set({ id, data: await parseData({ id, data: raw as Record<string, unknown>, filePath }), filePath });
      }
    },
  };
}
