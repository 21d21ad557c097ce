/**
 * The search index: indexes the finished HTML with Pagefind's Node API, one bundle per language, each beside its
 * pages: <site>/pagefind/ for the default language (zh-CN), <site>/en/pagefind/ for English. Only pages with
 * `data-pagefind-body` are indexed (province pages, the procedure, the sources).
 *
 * scripts/index-site.ts runs it once `astro build` and the link check have exited: a build with broken links stops
 * before indexing, and Pagefind's memory never adds to Astro's. One Pagefind process per language, one after the
 * other: its indexer holds every page's words at once, so the peak is one language's pages, not the site's.
 */
import { copyFile, readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { LANGS, langParam, type Lang } from '../../src/lib/i18n.ts';
import { bundleDir, checkEntry, isUnusedUiFile, languageGlob, summaryLine, type PagefindEntry } from './summary.ts';

export interface IndexOptions {
  /** The built site (Astro's outDir). */
  site: string;
  /** The site's languages, each of which must get a bundle with at least one page. */
  languages?: readonly Lang[];
}

/** Pagefind's licence notice (MIT), as its package ships it, beside each bundle: the bundle is Pagefind's code. */
async function copyPagefindNotice(bundle: string): Promise<void> {
  await copyFile(new URL('../LICENSE/LICENSE', import.meta.resolve('pagefind')), join(bundle, 'LICENSE.txt'));
}

/** Builds the bundles; returns the summary line, or throws naming what is wrong. */
export async function indexSite({ site, languages = LANGS }: IndexOptions): Promise<string> {
  const started = performance.now();
  const topLevel = (await readdir(site, { withFileTypes: true })).map((e) => ({ name: e.name, dir: e.isDirectory() }));
  const dirs = languages.map((lang) => langParam(lang));
  const all: PagefindEntry = { version: '', languages: {} };
  for (const [i, lang] of languages.entries()) {
    const others = dirs.filter((d, j): d is string => j !== i && d !== undefined);
    const outputPath = join(site, bundleDir(dirs[i]));
    try {
      const { index, errors } = await pagefind.createIndex({});
      if (!index) throw new Error(`search-index: Pagefind did not start: ${errors.join('; ')}`);
      const added = await index.addDirectory({ path: site, glob: languageGlob(dirs[i], others, topLevel) });
      if (added.errors.length > 0) throw new Error(`search-index: indexing ${lang} failed: ${added.errors.join('; ')}`);
      const written = await index.writeFiles({ outputPath });
      if (written.errors.length > 0)
        throw new Error(`search-index: writing the ${lang} index failed: ${written.errors.join('; ')}`);
    } finally {
      await pagefind.close(); // ends the Pagefind process, and with it that language's memory
    }
    // The site has its own small search UI: Pagefind's UI bundles (~400 KB) would only be dead files.
    for (const file of await readdir(outputPath)) if (isUnusedUiFile(file)) await rm(join(outputPath, file));
    await copyPagefindNotice(outputPath);
    const entry = JSON.parse(await readFile(join(outputPath, 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
    const problems = checkEntry(entry, [lang]);
    if (problems.length > 0) throw new Error(`search-index: ${bundleDir(dirs[i])}: ${problems.join('; ')}`);
    all.version = entry.version;
    Object.assign(all.languages, entry.languages);
  }
  return summaryLine(all, performance.now() - started);
}
