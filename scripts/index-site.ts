#!/usr/bin/env node
// The search index on a finished, checked build: `node scripts/index-site.ts SITE` (scripts/build-steps.sh runs it
// last). Logs its summary as Astro's lines look and exits 1 naming what is wrong.
import { indexSite } from './search-index/index.ts';

const site = process.argv[2];
if (!site) throw new Error('usage: node scripts/index-site.ts SITE');
const time = () => new Date().toTimeString().slice(0, 8); // as Astro's log lines begin
try {
  console.log(`${time()} [search-index] ${await indexSite({ site })}`);
} catch (error) {
  console.error(`${time()} [search-index] ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
