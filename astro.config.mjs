// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import linkChecker from './src/integrations/link-checker/index.ts';
import searchIndex from './src/integrations/search-index/index.ts';

// The site's public address and path; set them for your host (see README, "Deploy").
const site = process.env.SITE_URL ?? 'https://icp-deregistration.example.org';
const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: { format: 'directory', assets: 'assets', inlineStylesheets: 'never' },
  // Tests and the benchmark build other content trees side by side; each needs its own output and cache.
  outDir: process.env.ICP_OUT_DIR ?? './dist',
  cacheDir: process.env.ICP_CACHE_DIR ?? './node_modules/.astro',
  i18n: {
    locales: ['zh-cn', 'en'],
    defaultLocale: 'zh-cn',
    routing: { prefixDefaultLocale: false },
  },
  // The link checker runs on the finished output (a broken link fails the build); the search index (Pagefind,
  // one index per language) is built after it, from the checked pages.
  integrations: [mdx(), linkChecker(), searchIndex()],
  devToolbar: { enabled: false },
  vite: {
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
