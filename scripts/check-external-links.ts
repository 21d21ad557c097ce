#!/usr/bin/env node
/**
 * npm run check:links:external [-- options]
 * Checks every external URL in the built site (dist/, built first when missing) over the network, merges the
 * findings into content/link-status/links.json (what the next build shows), looks up archived copies of the links
 * that fail, and writes this run's reports, reports/external-links.json and .md.
 * Runs on Node 24's built-in TypeScript support; see src/integrations/link-checker/README.md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isIP } from 'node:net';
import { parseArgs } from 'node:util';
import { checkSite } from '../src/integrations/link-checker/check-site.ts';
import { extractPage } from '../src/integrations/link-checker/extract.ts';
import { readSite } from '../src/integrations/link-checker/read-site.ts';
import { DEFAULT_ARCHIVE_API, lookupArchives } from './link-monitor/archive.ts';
import { systemResolver, type ResolvedAddress, type Resolver } from './link-monitor/guard.ts';
import { DEFAULT_OPTIONS, runMonitor, type MonitorOptions } from './link-monitor/monitor.ts';
import { buildReport, resultLine, summaryMarkdown } from './link-monitor/report.ts';
import {
  archiveTargets,
  DEFAULT_STATUS_FILE,
  mergeResults,
  readStatusFile,
  writeAtomically,
  writeStatusFile,
} from './link-monitor/status-file.ts';

const USAGE = `Usage: npm run check:links:external -- [options]
  --dist <dir>            built site (default: $ICP_OUT_DIR or dist; dist is built first when missing)
  --status-file <file>    the history to update (default: ${DEFAULT_STATUS_FILE})
  --out <dir>             where this run's reports go (default: reports)
  --archive-api <url>     the Internet Archive's availability API (default: ${DEFAULT_ARCHIVE_API}); "none" skips it
  --site <url>            the site's own origin, never checked (default: $SITE_URL, else read from the pages' canonical links)
  --timeout <ms>          per request (default ${DEFAULT_OPTIONS.timeoutMs})
  --retries <n>           extra attempts on 429, 5xx, timeouts and network errors (default ${DEFAULT_OPTIONS.retries})
  --backoff <ms>          first retry delay, doubling each time (default ${DEFAULT_OPTIONS.backoffMs})
  --max-retry-after <ms>  the longest Retry-After (429, 503) to wait for (default ${DEFAULT_OPTIONS.maxRetryAfterMs})
  --concurrency <n>       requests at once (default ${DEFAULT_OPTIONS.concurrency})
  --per-host <n>          requests at once to one host (default ${DEFAULT_OPTIONS.perHost})
  --deadline <ms>         hard limit for the whole run (default ${DEFAULT_OPTIONS.deadlineMs})
  --max-redirects <n>     (default ${DEFAULT_OPTIONS.maxRedirects})
  --resolve <host>=<ip>   answer for <host> without asking DNS, as curl --resolve does (repeatable)
  --strict                exit 1 when any link is broken (4xx, 5xx, redirect loop)
Each option can also be set as LINK_MONITOR_<NAME>, e.g. LINK_MONITOR_TIMEOUT=5000.
It never connects to a non-public address (loopback, private, link-local, …), for the first request or any redirect.`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(2);
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        dist: { type: 'string' },
        out: { type: 'string' },
        'status-file': { type: 'string' },
        'archive-api': { type: 'string' },
        'max-retry-after': { type: 'string' },
        site: { type: 'string' },
        timeout: { type: 'string' },
        retries: { type: 'string' },
        backoff: { type: 'string' },
        concurrency: { type: 'string' },
        'per-host': { type: 'string' },
        deadline: { type: 'string' },
        'max-redirects': { type: 'string' },
        resolve: { type: 'string', multiple: true, default: [] },
        strict: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    return fail((error as Error).message);
  }
})();
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

function num(name: keyof typeof values & string, fallback: number, min: number): number {
  const raw =
    (values[name] as string | undefined) ?? process.env[`LINK_MONITOR_${name.toUpperCase().replace(/-/g, '_')}`];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) fail(`--${name} must be a whole number ≥ ${min}, not "${raw}"`);
  return n;
}

const options: MonitorOptions = {
  ...DEFAULT_OPTIONS,
  timeoutMs: num('timeout', DEFAULT_OPTIONS.timeoutMs, 1),
  retries: num('retries', DEFAULT_OPTIONS.retries, 0),
  backoffMs: num('backoff', DEFAULT_OPTIONS.backoffMs, 0),
  maxRetryAfterMs: num('max-retry-after', DEFAULT_OPTIONS.maxRetryAfterMs, 0),
  concurrency: num('concurrency', DEFAULT_OPTIONS.concurrency, 1),
  perHost: num('per-host', DEFAULT_OPTIONS.perHost, 1),
  deadlineMs: num('deadline', DEFAULT_OPTIONS.deadlineMs, 1),
  maxRedirects: num('max-redirects', DEFAULT_OPTIONS.maxRedirects, 0),
  // Only the tests set this: their fake servers are on 127.0.0.1. Private ranges stay refused even then.
  allowLoopback: process.env['LINK_MONITOR_ALLOW_LOOPBACK'] === '1',
};
const setting = (name: 'status-file' | 'archive-api' | 'out', fallback: string) =>
  values[name] ?? process.env[`LINK_MONITOR_${name.toUpperCase().replace(/-/g, '_')}`] ?? fallback;
const statusFile = resolve(setting('status-file', DEFAULT_STATUS_FILE));
const archiveApi = setting('archive-api', DEFAULT_ARCHIVE_API);
if (archiveApi !== 'none' && !URL.canParse(archiveApi))
  fail(`--archive-api must be a URL or "none", not "${archiveApi}"`);

// --resolve only replaces DNS: the guard still checks the address it gives.
const pinned = new Map<string, ResolvedAddress[]>();
for (const entry of values.resolve ?? []) {
  const [host, address] = entry.split('=');
  const family = isIP(address ?? '');
  if (!host || !family) fail(`--resolve takes <host>=<ip address>, not "${entry}"`);
  pinned.set(host.toLowerCase(), [{ address: address!, family }]);
}
const resolver: Resolver = async (host) => pinned.get(host.toLowerCase()) ?? systemResolver(host);

const dist = resolve(values.dist ?? process.env['ICP_OUT_DIR'] ?? 'dist');
const outDir = resolve(setting('out', 'reports'));
if (!existsSync(join(dist, 'index.html'))) {
  // On a fresh clone the default dist/ is simply not built yet; a --dist that does not exist is a mistake.
  if (values.dist || process.env['ICP_OUT_DIR']) fail(`No built site at ${dist}: run \`npm run build\` first.`);
  process.stderr.write(`check:links:external: no site at ${dist}, building it first (npm run build)\n`);
  const build = spawnSync(process.execPath, [join(import.meta.dirname, 'build.mjs')], { stdio: 'inherit' });
  if (build.status !== 0 || !existsSync(join(dist, 'index.html'))) fail(`npm run build failed (exit ${build.status}).`);
}
let previous: ReturnType<typeof readStatusFile>;
try {
  previous = readStatusFile(statusFile);
} catch (error) {
  fail(`The status file cannot be read: ${(error as Error).message}`);
}

// Failsafe: the run is bounded by its deadline; if something still holds the process, stop anyway.
setTimeout(() => {
  process.stderr.write(
    `check:links:external: still running ${options.deadlineMs + 10_000} ms after starting; stopping without a report\n`,
  );
  process.exit(3);
}, options.deadlineMs + 10_000).unref();

const input = readSite(dist);

/** The site's own origin: what the pages' <link rel=canonical|alternate> point at most often. */
function inferSite(): string | undefined {
  const counts = new Map<string, number>();
  for (const [, html] of input.pages) {
    for (const link of extractPage(html).links) {
      if (link.tag !== 'link' || !/^https?:\/\//i.test(link.value)) continue;
      // A <link> the URL parser cannot read tells us nothing about the site's origin (and must not stop the run).
      if (!URL.canParse(link.value)) continue;
      const origin = new URL(link.value).origin;
      counts.set(origin, (counts.get(origin) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}
const site = values.site || process.env['SITE_URL'] || inferSite();
const { external } = checkSite(input, { base: '/', site, trailingSlash: 'ignore', format: 'directory' });
const urls = [...external.keys()].sort();

const interactive = Boolean(process.stderr.isTTY) && !process.env['CI'];
const log = (line: string) => process.stderr.write(`${line}\n`);
log(
  `check:links:external: ${urls.length} external links in ${dist}${site ? ` (not checking ${site})` : ''}; ` +
    `${options.concurrency} at a time, ${options.perHost} per host, timeout ${options.timeoutMs} ms, ${options.retries} retries, limit ${options.deadlineMs} ms`,
);

let failures = 0;
let lastStep = -1;
const run = await runMonitor(
  urls,
  options,
  (result, done, total) => {
    if (result.group !== 'ok') failures++;
    const progress = `checked ${done}/${total}, ${failures} not OK`;
    if (interactive) {
      process.stderr.write(`\r\x1b[K${progress}`);
      if (done === total) process.stderr.write('\n');
    } else {
      // Plain lines for CI logs: one per tenth of the work, and the last.
      const step = Math.floor((done * 10) / Math.max(total, 1));
      if (step !== lastStep || done === total) {
        lastStep = step;
        log(progress);
      }
    }
  },
  { resolver },
);

let merged = mergeResults(previous, run.results);
const targets = archiveApi === 'none' ? [] : archiveTargets(merged, run.results);
if (targets.length > 0) {
  // What is left of the run's time limit, and at least a few seconds, bounds the archive lookups.
  const left = Math.max(options.deadlineMs - run.durationMs, Math.min(options.timeoutMs, 5000));
  const archives = await lookupArchives(
    targets,
    {
      api: archiveApi,
      timeoutMs: options.timeoutMs,
      concurrency: options.perHost,
      allowLoopback: options.allowLoopback,
      userAgent: options.userAgent,
    },
    AbortSignal.timeout(left),
    resolver,
  );
  log(`check:links:external: archived copies: ${archives.size} of ${targets.length} failing links without one`);
  merged = mergeResults(previous, run.results, archives);
}
mkdirSync(dirname(statusFile), { recursive: true });
writeStatusFile(statusFile, merged);

const report = buildReport(run, options, external);
mkdirSync(outDir, { recursive: true });
const write = (name: string, text: string) => {
  const file = join(outDir, name);
  writeAtomically(file, text);
  return file;
};
const jsonFile = write('external-links.json', `${JSON.stringify(report, null, 2)}\n`);
const mdFile = write('external-links.md', summaryMarkdown(report));

const broken = report.links.filter((l) => l.group === 'broken');
for (const l of broken) log(resultLine(l));
const counts = Object.entries(report.counts)
  .filter(([, n]) => n > 0)
  .map(([c, n]) => `${c}: ${n}`)
  .join(', ');
log(
  `check:links:external: ${report.links.length} links in ${(run.durationMs / 1000).toFixed(1)} s${run.timedOut ? ' (stopped at the time limit)' : ''}: ${counts || 'none'}`,
);
log(`status file: ${statusFile}; reports: ${jsonFile}, ${mdFile}`);
process.exit(values.strict && broken.length > 0 ? 1 : 0);
