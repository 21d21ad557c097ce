/**
 * Loads content/link-status/links.json ({ "<url>": entry }) into the `linkStatus` collection as one entry, `links`.
 * Astro's file() loader only logs a JSON syntax error and builds on without the statuses; this one fails the
 * build, naming the file. A missing or empty file is no statuses at all: every link shows "not checked yet".
 * One entry, not one per URL: a collection with no entries makes Astro warn on every build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { linkStatusIdProblem } from '../schemas/link-status';

/** The id of the collection's one entry. */
const STATUS_ENTRY = 'links';

export function linkStatusLoader(fileName: string): Loader {
  return {
    name: 'link-status-loader',
    load: async ({ config, store, parseData }) => {
      const path = fileURLToPath(new URL(fileName, config.root));
      const filePath = relative(fileURLToPath(config.root), path);
      store.clear();
      const data = existsSync(path) ? readStatuses(path) : {};
      const entry = { id: STATUS_ENTRY, data, filePath };
      store.set({ ...entry, data: await parseData(entry) });
    },
  };
}

/** The file's object, or an error naming the file; every key must be a URL in its normal form. */
function readStatuses(path: string): Record<string, unknown> {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new Error(`${path} must be one object, { "<url>": { checked, class, … } }`);
  }
  for (const id of Object.keys(data)) {
    const problem = linkStatusIdProblem(id);
    if (problem) throw new Error(`${path}: ${problem}`);
  }
  return data as Record<string, unknown>;
}
