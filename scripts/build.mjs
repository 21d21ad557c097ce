#!/usr/bin/env node
// `npm run build`: `astro build` (the pages), then, once Astro has exited, the link checker in a process of its own
// (scripts/check-links.ts, which fails the build on a broken link; src/integrations/link-checker/ hands it over)
// and the search index in this process (scripts/search-index/), so the build's peak memory is the largest of the
// steps, not their sum. Arguments go to `astro build` (e.g. --root DIR).
//
// Astro's process gets memory settings, measured with `npm run bench` (bench/README.md). None caps the heap: a cap
// sized for today's registry crashes a larger one ("JavaScript heap out of memory"), so these only shape how it grows.
// - --heap-growing-percent=10: after each major GC V8 lets the old space grow by 10% before the next one, instead of
//   the factor it picks for a large machine, which lets garbage pass 1 GB while the live heap stays under 200 MB;
// - --max-semi-space-size=16: rendering makes short-lived garbage fast; with 4 MB semi-spaces V8 scavenged ~1,000
//   times (1.3-2.6 s) at 10,000 pages, with 16 MB ~260 times (1.0-1.7 s), for no higher peak;
// - MIMALLOC_PURGE_DELAY=0: Rolldown's allocator (mimalloc) then returns freed memory to the system at once
//   instead of keeping ~100 MB from bundling for reuse that never comes;
// - MIMALLOC_ALLOW_THP=0: mimalloc then turns transparent huge pages off for the process (prctl), so the kernel
//   no longer backs half-used 2 MB pages of its arena and of V8's heap: ~100 MB less at 10,000 pages.
// Pagefind's process gets one, for its allocator (jemalloc): dirty_decay_ms:0,muzzy_decay_ms:0 returns the memory it
// frees while building the index at once, instead of after ten seconds, by which time the index build has peaked.
// A V8 flag is left out when NODE_OPTIONS sets it; the allocator settings can be overridden from the environment.
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const V8_FLAGS = ['--heap-growing-percent=10', '--max-semi-space-size=16'];
const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(PROJECT_ROOT, 'node_modules/.bin');

const args = process.argv.slice(2);
const rootAt = args.indexOf('--root');
const root = resolve(rootAt >= 0 ? args[rootAt + 1] : process.cwd());

const nodeOptions = process.env.NODE_OPTIONS ?? '';
// On the command line: Node refuses --heap-growing-percent in NODE_OPTIONS.
const v8Flags = V8_FLAGS.filter((flag) => !nodeOptions.includes(flag.split('=')[0]));
// The link checker's integration writes here what the check needs, instead of checking inside Astro's process.
const linkCheckRun = join(tmpdir(), `icp-link-check-${process.pid}.json`);
const env = {
  ...process.env,
  ICP_LINK_CHECK_AFTER: linkCheckRun,
  PATH: `${BIN}${delimiter}${process.env.PATH}`, // Astro and what it starts run on the project's Node
  MIMALLOC_PURGE_DELAY: process.env.MIMALLOC_PURGE_DELAY ?? '0',
  MIMALLOC_ALLOW_THP: process.env.MIMALLOC_ALLOW_THP ?? '0',
};
/** Runs `nodeArgs` on this script's Node and resolves with its exit code. */
const run = (nodeArgs) =>
  new Promise((done) => {
    const child = spawn(process.execPath, nodeArgs, { stdio: 'inherit', env });
    child.on('close', (status, signal) => done(status ?? (signal ? 1 : 0)));
  });
// This script's own Node: the project's (the `node` devDependency), as `npm run` puts it first on PATH.
const code = await run([...v8Flags, join(BIN, 'astro'), 'build', ...args]);
if (code !== 0) {
  rmSync(linkCheckRun, { force: true });
  process.exit(code);
}
// In a process of its own, which ends before the search index starts: what the check grows is given back.
if (existsSync(linkCheckRun)) {
  const checked = await run([join(PROJECT_ROOT, 'scripts/check-links.ts'), linkCheckRun]);
  rmSync(linkCheckRun, { force: true });
  if (checked !== 0) process.exit(checked);
}

const time = () => new Date().toTimeString().slice(0, 8); // as Astro's log lines begin
// The directory Astro just wrote, by the rule of astro.config.mjs (and every script and test): $ICP_OUT_DIR or dist.
// Not read by importing the config: that would cost this process, which waits beside Pagefind, ~120 MB.
const outDir = resolve(root, process.env.ICP_OUT_DIR ?? 'dist');
// Pagefind's Node API starts its binary with this process's environment.
process.env._RJEM_MALLOC_CONF ??= 'dirty_decay_ms:0,muzzy_decay_ms:0';
const { indexSite } = await import('./search-index/index.ts');
try {
  const summary = await indexSite({ site: outDir });
  console.log(`${time()} [search-index] ${summary}`);
} catch (error) {
  console.error(`${time()} [search-index] ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
