#!/usr/bin/env node
// The build-time link checker on a finished build, in a process of its own: `node scripts/check-links.ts RUN.json`,
// where RUN.json is what src/integrations/link-checker/ wrote when ICP_LINK_CHECK_AFTER was set (scripts/build.mjs
// sets it). Logs as the integration does inside Astro and exits 1 on a broken link.
import { readFileSync } from 'node:fs';
import { BROKEN_LINK_HINT, runLinkCheck, type LinkCheckRun } from '../src/integrations/link-checker/run.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: node scripts/check-links.ts RUN.json');
const run = JSON.parse(readFileSync(file, 'utf8')) as LinkCheckRun;
const time = () => new Date().toTimeString().slice(0, 8); // as Astro's log lines begin
const outcome = runLinkCheck(run);
if (outcome.broken) {
  console.error(`${time()} [ERROR] [link-checker] ${outcome.broken.lines}`);
  console.error(`${time()} [ERROR] [link-checker] ${outcome.summary}`);
  console.error(`${outcome.broken.message}\n  Hint: ${BROKEN_LINK_HINT}`);
  process.exit(1);
}
console.log(`${time()} [link-checker] ${outcome.summary}`);
