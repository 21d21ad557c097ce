/**
 * Astro integration: after `astro build`, indexes the finished HTML with Pagefind's Node API and writes the bundle to
 * <outDir>/pagefind/. Pagefind splits the index by the <html lang> of each page (zh-CN → "zh-cn", en → "en"), and
 * only pages with `data-pagefind-body` are indexed (province pages, the procedure, the sources).
 * It runs after the link checker, so a build with broken links stops before indexing.
 */
import { readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { checkEntry, isUnusedUiFile, summaryLine, type PagefindEntry } from './summary.ts';

export interface SearchIndexOptions {
  /** Pagefind index codes the build must produce, each with at least one page. Defaults to the site's locales. */
  languages?: readonly string[];
}

export default function searchIndex(options: SearchIndexOptions = {}): AstroIntegration {
  let languages: readonly string[] = options.languages ?? [];
  return {
    name: 'search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        if (!options.languages) languages = config.i18n?.locales.map((l) => (typeof l === 'string' ? l : l.path).toLowerCase()) ?? [];
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const site = fileURLToPath(dir);
        const outputPath = join(site, 'pagefind');
        try {
          const { index, errors } = await pagefind.createIndex({});
          if (!index) throw new Error(`search-index: Pagefind did not start: ${errors.join('; ')}`);
          const added = await index.addDirectory({ path: site });
          if (added.errors.length > 0) throw new Error(`search-index: indexing failed: ${added.errors.join('; ')}`);
          const written = await index.writeFiles({ outputPath });
          if (written.errors.length > 0) throw new Error(`search-index: writing the index failed: ${written.errors.join('; ')}`);
        } finally {
          await pagefind.close();
        }
        // The site has its own small search UI: Pagefind's UI bundles (~400 KB) would only be dead files.
        for (const file of await readdir(outputPath)) if (isUnusedUiFile(file)) await rm(join(outputPath, file));

        const entry = JSON.parse(await readFile(join(outputPath, 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
        const problems = checkEntry(entry, languages);
        const line = summaryLine(entry, performance.now() - started);
        if (problems.length > 0) {
          logger.error(problems.join('\n'));
          throw new Error(`search-index: ${problems.join('; ')}`);
        }
        logger.info(line);
      },
    },
  };
}
