#!/usr/bin/env node
// `npm run bench`: what the site costs a visitor (bytes per page, first search) and how the build grows with
// the registry (1,000 and 5,000 synthetic entries). Prints one table, writes bench/results.json, and exits 1
// when a budget in bench/budgets.json is exceeded. Options: --skip-scale, --sizes 1000,5000, --runs 1, --root DIR,
// --against COMMIT.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { startServer } from './serve.mjs';
import {
  PROJECT_ROOT,
  hostCheckMs,
  measuredBuild,
  phases,
  snapshotCommit,
  snapshotProject,
  syntheticContent,
  tempDir,
  wallRatios,
} from './bench/build.mjs';
import { launch, measureLoad, measureSearch } from './bench/weight.mjs';

// A fresh machine may lack Chromium (the page-weight and search measurements drive it): install it first, as npm test does.
try {
  execFileSync(process.execPath, [join(import.meta.dirname, 'ensure-system-deps.mjs')], { stdio: 'inherit' });
} catch {
  process.exit(1); // ensure-system-deps has said what is missing
}

const args = process.argv.slice(2);
/** The value of `--name VALUE` or `--name=VALUE`; undefined when the option is not given. */
const option = (name) => {
  const at = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (at < 0) return undefined;
  const value = args[at].includes('=') ? args[at].slice(args[at].indexOf('=') + 1) : args[at + 1];
  if (!value) throw new Error(`--${name}: expected a value`);
  return value;
};
const skipScale = args.includes('--skip-scale');
const sizesText = option('sizes') ?? '1000,5000';
const sizes = String(sizesText).split(',').map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n <= 0))
  throw new Error(`--sizes: expected positive integers, e.g. 1000,5000; got "${sizesText}"`);
const runCount = Number(option('runs') ?? 1);
if (!Number.isInteger(runCount) || runCount < 1) throw new Error('--runs: expected a positive integer');
// --root DIR: benchmark another checkout of the project (say, a git worktree of an older commit) with these scripts.
const ROOT = resolve(option('root') ?? PROJECT_ROOT);
// --against COMMIT: that commit of ROOT's repository is built at each size too, each build right after one of this
// tree's, so that the two share the host's state and their ratio tells the build's share of a slow run from the host's.
const against = option('against');
const budgets = JSON.parse(readFileSync(join(PROJECT_ROOT, 'bench/budgets.json'), 'utf8'));

const PROVINCE = 'zhejiang'; // a real entry with a typical number of links and notes
const PAGES = [
  ['home', '/'],
  ['province index', '/provinces/'],
  ['province', `/provinces/${PROVINCE}/`],
  ['procedure', '/procedure/'],
];
const SEARCHES = [
  { lang: 'zh-cn', query: '浙江' },
  { lang: 'en', query: 'Zhejiang' },
  { lang: 'zh-cn', query: 'hangzhou' }, // pinyin of a city, typed on the Chinese page
];
const prefixOf = (lang) => (lang === 'en' ? '/en' : '');

const log = (...a) => console.error(...a); // progress on stderr; the table on stdout
const kB = (b) => (b / 1000).toFixed(1);
const MB = (b) => Math.round(b / 1e6);
const s = (ms) => (ms / 1000).toFixed(1);

function failBuild(label, build) {
  log(`\n${label} failed (exit ${build.code}). Last lines of its log:`);
  for (const { line } of build.lines.slice(-40)) log(`  ${line}`);
  process.exit(2);
}

const started = new Date();
const machine = {
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model,
  totalMemBytes: os.totalmem(),
  node: process.version,
  platform: `${os.platform()} ${os.release()}`,
  loadAvgAtStart: os.loadavg().map((l) => l.toFixed(2)),
  hostCheckMsAtStart: hostCheckMs(),
};
log(`bench: ${machine.cpus} CPUs, load average ${machine.loadAvgAtStart.join(' ')}`);

// 1. The real site, built cold from a copy of the project into a temporary directory (the project's dist/ and
// .astro/ are left alone for whoever uses them).
const snapshotDir = await tempDir('project');
const siteWork = await tempDir('site');
// Every temporary directory is kept until the run ends, however it ends (a failed build exits early). On this
// machine's file system (ext4 without a journal) creating files for minutes after many were deleted is several
// times slower, so a build that followed the removal of the one before would measure that (bench/README.md).
const workDirs = [snapshotDir, siteWork];
process.on('exit', () => workDirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
// Interrupted, it still removes them: a signal would otherwise skip the exit handler.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(128 + os.constants.signals[signal]));
const SRC = await snapshotProject(ROOT, join(snapshotDir, 'project'));
const REF = against === undefined ? undefined : join(snapshotDir, 'reference');
const referenceCommit = REF && snapshotCommit(ROOT, against, REF);
log('bench: building the site…');
const siteBuild = await measuredBuild({ contentDir: join(SRC, 'content'), workDir: siteWork, root: SRC });
if (siteBuild.code !== 0) failBuild('The site build', siteBuild);

// 2. Page weight and first search, in Chromium, against a plain static server (no compression: gzip is computed).
const server = await startServer({ root: siteBuild.outDir, port: 0 });
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();
const pages = [];
const searches = [];
try {
  for (const lang of ['zh-cn', 'en']) {
    for (const [name, path] of PAGES) {
      log(`bench: ${lang} ${name}…`);
      pages.push({ name, lang, ...(await measureLoad(browser, `${origin}${prefixOf(lang)}${path}`)) });
    }
  }
  const hasSearch = (await fetch(`${origin}/search/`)).ok;
  if (!hasSearch) log('bench: the site has no /search/ page; search not measured');
  for (const lang of hasSearch ? ['zh-cn', 'en'] : []) {
    // The search page itself on arrival (it starts loading the index at once, so this includes Pagefind's start-up).
    pages.push({ name: 'search page', lang, ...(await measureLoad(browser, `${origin}${prefixOf(lang)}/search/?q=`)) });
  }
  for (const { lang, query } of hasSearch ? SEARCHES : []) {
    log(`bench: search "${query}" (${lang})…`);
    searches.push({ lang, ...(await measureSearch(browser, `${origin}${prefixOf(lang)}/search/?q=`, query)) });
  }
} finally {
  await browser.close();
  server.close();
}

// 3. Build time at scale: synthetic registries, each built cold. A small one first checks the generator.
// With --runs N each size is built N times and the fastest run is kept (load from other work only slows a run).
const scale = [];
let scaleError;
let referenceError;
/** One cold build of `n` synthetic entries from the project copy at `root`: its record, or why it failed. */
async function scaleBuild(n, root, at = '') {
  const { dir, content } = await syntheticContent(n, root);
  workDirs.push(dir);
  const hostMs = hostCheckMs();
  const b = await measuredBuild({ contentDir: content, workDir: dir, root });
  if (b.code !== 0 || b.pages < 2 * n) {
    const errors = b.lines.map((l) => /\[ERROR\]\s*(.*)/.exec(l.line)?.[1]).filter(Boolean);
    log(
      `\nbench: the build of ${n} synthetic entries${at} failed (exit ${b.code}, ${b.pages} pages). Last lines of its log:`,
    );
    for (const { line } of b.lines.slice(-25)) log(`  ${line}`);
    return { error: { entries: n, exitCode: b.code, pages: b.pages, errors: errors.slice(0, 5) } };
  }
  const ph = phases(b.lines, b.wallMs);
  return {
    run: {
      entries: n,
      pages: b.pages,
      wallMs: Math.round(b.wallMs),
      cpuMs: b.cpuMs,
      stealMs: b.stealMs,
      hostCheckMs: hostMs,
      msPerPage: +(b.wallMs / b.pages).toFixed(3),
      cpuMsPerPage: b.cpuMs ? +(b.cpuMs / b.pages).toFixed(3) : undefined,
      renderMsPerPage: ph.render ? +(ph.render / b.pages).toFixed(3) : undefined,
      peakRssBytes: b.peakRssBytes,
      peakSingleProcessRssBytes: b.peakSingleBytes,
      peakTreeRssBytes: b.peakTreeBytes,
      phasesMs: ph,
      loadAvg: os.loadavg()[0].toFixed(2),
    },
  };
}
/** The fastest of `runs`, with every run's headline figures when there were several. */
function fastest(runs) {
  const best = runs.reduce((a, b) => (b.wallMs < a.wallMs ? b : a));
  return {
    ...best,
    runs:
      runs.length > 1
        ? runs.map(({ wallMs, cpuMs, stealMs, hostCheckMs, peakRssBytes }) => ({
            wallMs,
            cpuMs,
            stealMs,
            hostCheckMs,
            peakRssBytes,
          }))
        : undefined,
  };
}
if (!skipScale) {
  sizes: for (const [i, n] of [50, ...sizes].entries()) {
    const isCheck = i === 0;
    const runs = [];
    const referenceRuns = [];
    for (let run = 0; run < (isCheck ? 1 : runCount); run++) {
      log(
        `bench: building ${n} synthetic entries${isCheck ? ' (a check of the generator)' : runCount > 1 ? ` (run ${run + 1} of ${runCount})` : ''}…`,
      );
      const built = await scaleBuild(n, SRC);
      if (built.error) {
        // Recorded, not thrown: the page-weight figures above still get written. Larger sizes would fail alike.
        scaleError = built.error;
        break sizes;
      }
      runs.push(built.run);
      if (isCheck || !REF || referenceError) continue;
      log(`bench: building ${n} synthetic entries at ${referenceCommit.slice(0, 7)} (--against)…`);
      const ref = await scaleBuild(n, REF, ` at ${referenceCommit.slice(0, 7)}`);
      // The reference only informs: its failure (an old commit on today's packages) is reported, not a failed budget.
      if (ref.error) referenceError = { commit: referenceCommit, ...ref.error };
      else referenceRuns.push(ref.run);
    }
    if (isCheck) {
      log(`bench: ${n} entries built (${runs[0].pages} pages): generator OK`);
      continue;
    }
    scale.push({
      ...fastest(runs),
      reference: referenceRuns.length
        ? { commit: referenceCommit, ...fastest(referenceRuns), wallRatio: wallRatios(runs, referenceRuns) }
        : undefined,
    });
  }
  // Cost of each page beyond the smallest size: start-up and bundling cancel out, so this is the growth itself.
  for (let i = 1; i < scale.length; i++) {
    const [a, b] = [scale[i - 1], scale[i]];
    b.marginalMsPerPage = +((b.wallMs - a.wallMs) / (b.pages - a.pages)).toFixed(3);
  }
}

// 4. Budgets.
const checks = [];
const check = (name, value, limit, unit) => checks.push({ name, value, limit, unit, pass: value <= limit });
const onLoad = (p) => p.html.gzip + p.css.gzip + p.js.gzip;
for (const p of pages.filter((p) => p.name === 'province'))
  check(`province page (${p.lang}) HTML+CSS+JS gzip`, onLoad(p), budgets.provincePageGzipBytes, 'B');
for (const p of pages.filter((p) => !p.hasLookup && PAGES.some(([n]) => n === p.name)))
  check(`${p.name} (${p.lang}) JS gzip`, p.js.gzip, budgets.jsGzipBytesWithoutLookup, 'B');
for (const q of searches)
  check(`first search "${q.query}" (${q.lang}) fetched gzip`, q.total.gzip, budgets.firstSearchGzipBytes, 'B');
const big = scale.find((r) => r.entries === budgets.scale.entries);
const small = scale.find((r) => r.entries === budgets.scale.baseline);
if (scaleError)
  checks.push({
    name: `build ${scaleError.entries} synthetic entries`,
    value: `the build failed: ${scaleError.errors[0] ?? `exit ${scaleError.exitCode}`}`,
    pass: false,
  });
if (big) {
  check(`build ${big.entries} entries wall time`, big.wallMs, budgets.scale.wallMs, 'ms');
  check(`build ${big.entries} entries peak memory`, big.peakRssBytes, budgets.scale.peakRssBytes, 'MB');
  if (small)
    check(
      `time per page ${big.entries} / ${small.entries} entries`,
      +(big.msPerPage / small.msPerPage).toFixed(3),
      budgets.scale.msPerPageRatio,
      '×',
    );
}

// 5. One table.
const rows = [['measure', 'req', 'HTML', 'CSS', 'JS', 'other', 'gzip total', 'raw total', 'time', 'note']];
for (const p of pages) {
  rows.push([
    `${p.lang} ${p.name}`,
    p.total.requests,
    kB(p.html.gzip),
    kB(p.css.gzip),
    kB(p.js.gzip),
    kB(p.other.gzip),
    kB(p.total.gzip),
    kB(p.total.raw),
    '',
    [p.name === 'search page' ? 'on arrival' : 'on load', p.hasLookup ? 'has the lookup' : '']
      .filter(Boolean)
      .join('; '),
  ]);
}
for (const q of searches) {
  rows.push([
    `${q.lang} search "${q.query}"`,
    q.total.requests,
    kB(q.html.gzip),
    kB(q.css.gzip),
    kB(q.js.gzip),
    kB(q.other.gzip),
    kB(q.total.gzip),
    kB(q.total.raw),
    `${q.msToFirstResult} ms`,
    `input to first result; ${q.results} shown`,
  ]);
}
rows.push([
  `build: site`,
  '',
  '',
  '',
  '',
  '',
  '',
  '',
  `${s(siteBuild.wallMs)} s`,
  [
    `${siteBuild.pages} pages`,
    siteBuild.cpuMs && `CPU ${s(siteBuild.cpuMs)} s`,
    `peak ${MB(siteBuild.peakRssBytes)} MB`,
  ]
    .filter(Boolean)
    .join(', '),
]);
const scaleRows = scale.flatMap((r) => (r.reference ? [r, { ...r.reference, entries: r.entries }] : [r]));
for (const r of scaleRows) {
  const where = [
    r.phasesMs.render && `render ${s(r.phasesMs.render)} s`,
    ...Object.entries(r.phasesMs.integrations).map(([k, v]) => `${k} ${s(v.ms)} s`),
  ];
  const note = [
    `${r.pages} pages`,
    `${r.msPerPage.toFixed(2)} ms/page`,
    r.marginalMsPerPage && `marginal ${r.marginalMsPerPage.toFixed(2)} ms/page`,
    r.cpuMs && `CPU ${s(r.cpuMs)} s`,
    r.stealMs !== undefined && `steal ${s(r.stealMs)} s`,
    `host check ${r.hostCheckMs} ms`,
    `peak ${MB(r.peakRssBytes)} MB`,
    ...where,
    r.runs && `all runs ${r.runs.map((x) => s(x.wallMs)).join(', ')} s`,
    r.reference?.wallRatio &&
      `${r.reference.wallRatio.median}× the time of ${r.reference.commit.slice(0, 7)} (pairs: ${r.reference.wallRatio.min} to ${r.reference.wallRatio.max})`,
  ];
  rows.push([
    `build: ${r.entries} entries${r.commit ? ` at ${r.commit.slice(0, 7)}` : ''}`,
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    `${s(r.wallMs)} s`,
    note.filter(Boolean).join(', '),
  ]);
}
// Han characters take two columns in a terminal.
const cols = (text) =>
  [...String(text)].reduce(
    (n, ch) =>
      n +
      (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
        ? 2
        : 1),
    0,
  );
const pad = (text, width, right) =>
  right ? ' '.repeat(width - cols(text)) + text : text + ' '.repeat(width - cols(text));
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => cols(r[i]))));
const numeric = (i) => i > 0 && i < 9;
const line = (r) =>
  r
    .map((c, i) => pad(String(c), widths[i], numeric(i)))
    .join('  ')
    .trimEnd();
console.log(
  `\nSizes in kB (1,000 bytes); gzip -9 as a static host would send them. Load average at start: ${machine.loadAvgAtStart.join(' ')}.`,
);
console.log(
  `Host check (a fixed piece of JavaScript, best of three; slower when the host is busy): ${machine.hostCheckMsAtStart} ms at start. Steal: time the hypervisor gave this machine's CPUs to others during a build.`,
);
console.log(line(rows[0]));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows.slice(1)) console.log(line(r));
console.log('');
const show = (v, unit) =>
  unit === 'B' ? `${kB(v)} kB` : unit === 'MB' ? `${MB(v)} MB` : unit === 'ms' ? `${s(v)} s` : `${v}${unit}`;
for (const c of checks)
  console.log(
    `${c.pass ? 'PASS' : 'FAIL'} ${c.name}: ${c.limit === undefined ? c.value : `${show(c.value, c.unit)} vs ${show(c.limit, c.unit)}`}`,
  );
// A wall time over budget on a slow machine is worth a second look before it is taken for the build's fault.
const wallCheck = checks.find((c) => c.unit === 'ms' && !c.pass);
const quiet = budgets.scale.quietHostCheckMs;
if (wallCheck && big && quiet && big.hostCheckMs > 1.5 * quiet) {
  console.log(
    `NOTE the machine was busy during that build: host check ${big.hostCheckMs} ms against ~${quiet} ms when quiet. A busy host slows a build less than that ratio: to see the build's share, rerun with --against and an earlier commit (bench/README.md, "How it measures"), or with --runs 5 (the fastest run is kept).`,
  );
}
if (referenceError)
  console.log(
    `NOTE the build of ${referenceError.entries} entries at ${referenceError.commit.slice(0, 7)} (--against) failed: ${referenceError.errors[0] ?? `exit ${referenceError.exitCode}`}. It builds with today's node_modules; its log is above.`,
  );
if (searches.length === 0) console.log('SKIP first search: the site has no /search/ page');
if (skipScale) console.log('SKIP build at scale (--skip-scale)');
else if (!big && !scaleError) console.log(`SKIP build budgets: --sizes has no ${budgets.scale.entries}`);

machine.loadAvgAtEnd = os.loadavg().map((l) => l.toFixed(2));
const results = {
  date: started.toISOString(),
  durationMs: Date.now() - started.getTime(),
  machine,
  note: 'Sizes in bytes; gzip is gzip -9 of each response a host would compress (text, JSON, JS, CSS, SVG, wasm), raw bytes for the rest.',
  siteBuild: {
    pages: siteBuild.pages,
    wallMs: Math.round(siteBuild.wallMs),
    cpuMs: siteBuild.cpuMs,
    peakRssBytes: siteBuild.peakRssBytes,
    phasesMs: phases(siteBuild.lines, siteBuild.wallMs),
  },
  pages,
  searches,
  scale,
  scaleError,
  against: referenceCommit,
  referenceError,
  budgets: checks,
  pass: checks.every((c) => c.pass),
};
mkdirSync(join(ROOT, 'bench'), { recursive: true });
writeFileSync(join(ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
log(`bench: wrote ${join(ROOT, 'bench/results.json')}`);
process.exit(results.pass ? 0 : 1);
