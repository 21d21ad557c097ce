#!/usr/bin/env node
// `npm run build`: sets up the build, then becomes the shell that runs its steps (scripts/build-steps.sh): `astro
// build` (the pages), then, once Astro has exited, the link checker in a process of its own (scripts/check-links.ts,
// which fails the build on a broken link; src/integrations/link-checker/ hands it over) and the search index
// (scripts/index-site.ts), so the build's peak memory is the largest of the steps, not their sum. Arguments go to
// `astro build` (e.g. --root DIR). Unix only (process.execve), as the rest of the tooling.
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
// Pagefind's process gets one for its allocator (jemalloc), in scripts/build-steps.sh. A V8 flag is left out when
// NODE_OPTIONS sets it; the allocator settings can be overridden from the environment.
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
// The steps run in a shell that this process becomes (scripts/build-steps.sh): a Node parent would hold ~50 MB
// beside Astro and Pagefind for nothing. The directory Astro writes, by the rule of astro.config.mjs (and every script
// and test): $ICP_OUT_DIR or dist.
process.execve('/bin/sh', ['sh', join(PROJECT_ROOT, 'scripts/build-steps.sh'), ...args], {
  ...env,
  ICP_BUILD_NODE: process.execPath, // the project's Node (the `node` devDependency), as `npm run` puts it first on PATH
  ICP_BUILD_V8_FLAGS: v8Flags.join(' '),
  ICP_BUILD_ASTRO: join(BIN, 'astro'),
  ICP_BUILD_OUT_DIR: resolve(root, process.env.ICP_OUT_DIR ?? 'dist'),
});
