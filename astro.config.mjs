// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import linkChecker from './src/integrations/link-checker/index.ts';
import { satteri } from '@astrojs/markdown-satteri';
import { cspCheckPlugin } from './src/lib/mdx-csp.ts';
import siteMap from './src/integrations/sitemap.ts';
import notFoundPages from './src/integrations/not-found.ts';

// The site's public address and path; set them for your host (see README, "Deploy").
const site = process.env.SITE_URL ?? 'https://icp-deregistration.example.org';
const base = process.env.BASE_PATH ?? '/';
// The repository's address (e.g. https://github.com/owner/name) for "Report a problem" and "Edit this page";
// unset, those links are left out (README, "Deploy").
const repo = process.env.SITE_REPO ?? '';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // Pages in flight: Astro renders one at a time but each waits for its mkdir and write. With 4, a disk that stalls on
  // creating files (seen on the 2-core build machine) leaves rendering idle; with 64 it goes on. Memory: 64 pages of
  // ~20 kB. Rendering 10,000 pages there, 8 builds each: median 22 s with 4, 17 s with 64 (bench/README.md).
  build: { format: 'directory', assets: 'assets', inlineStylesheets: 'never', concurrency: 64 },
  // Tests and the benchmark build other content trees side by side; each needs its own output and cache.
  outDir: process.env.ICP_OUT_DIR ?? './dist',
  cacheDir: process.env.ICP_CACHE_DIR ?? './node_modules/.astro',
  i18n: {
    locales: ['zh-cn', 'en'],
    defaultLocale: 'zh-cn',
    routing: { prefixDefaultLocale: false },
  },
  // The link checker runs on the finished output (a broken link fails the build). The search index (Pagefind,
  // one index per language) is built from the checked pages by scripts/index-site.ts, after Astro has exited.
  integrations: [
    mdx(),
    notFoundPages(),
    siteMap({ contentDir: process.env.ICP_CONTENT_DIR ?? './content', base }),
    linkChecker(),
  ],
  // Markdown and MDX markup the CSP would block (inline script or style, frames, forms posting elsewhere) fails the build.
  markdown: { processor: satteri({ hastPlugins: [cspCheckPlugin] }) },
  devToolbar: { enabled: false },
  vite: {
    define: { 'import.meta.env.SITE_REPO': JSON.stringify(repo) },
    build: {
      // Never inline a small script or asset into the HTML: the CSP allows no inline code.
      assetsInlineLimit: 0,
      rolldownOptions: {
        // Astro's own MDX head-propagation directive trips this harmless warning: withastro/astro#18087.
        onLog(level, log, handler) {
          if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('astro:head-inject')) return;
          handler(level, log);
        },
      },
    },
  },
});
