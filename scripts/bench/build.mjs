// Measured builds (scripts/build.mjs: `astro build`, then the search index), and synthetic registries of N
// province-like entries for the scale benchmark.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import yaml from 'js-yaml';

export const PROJECT_ROOT = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
const BIN = join(PROJECT_ROOT, 'node_modules/.bin');
const GNU_TIME = '/usr/bin/time';

// Not needed to build, or written by builds and tests; node_modules is linked, not copied.
const NOT_COPIED = new Set([
  'node_modules',
  'dist',
  '.git',
  '.astro',
  '.tmp',
  'test-results',
  'playwright-report',
  'reports',
]);

/**
 * Copies the project (its working tree, uncommitted edits included) to `dest` and links its node_modules.
 * Every benchmark build runs from this copy: Astro writes `<root>/.astro/` on each build (content-modules.mjs
 * names the content directory), so builds from the project itself would rewrite that file under a teammate's
 * build or dev server; and all builds of one run see the same sources while others keep editing.
 */
export async function snapshotProject(root, dest) {
  await cp(root, dest, {
    recursive: true,
    filter: (src) => src === root || !NOT_COPIED.has(src.slice(root.length + 1).split('/')[0]),
  });
  await symlink(join(root, 'node_modules'), join(dest, 'node_modules'));
  return dest;
}

/**
 * Writes the files of `commit` in the git repository at `root` to `dest` (committed files only, as `git archive`
 * gives them) and links `root`'s node_modules, so `npm run bench -- --against COMMIT` can build it beside the
 * working tree. Returns the full hash. The commit builds with today's node_modules, so a much older one may not.
 */
export function snapshotCommit(root, commit, dest) {
  const git = (args, encoding) =>
    execFileSync('git', ['-C', root, ...args], { encoding, maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] });
  let sha;
  try {
    if (commit.startsWith('-')) throw new Error('an option, not a commit');
    sha = git(['rev-parse', '--verify', '--quiet', `${commit}^{commit}`], 'utf8').trim();
  } catch (error) {
    const why = String(error.stderr ?? '').trim(); // git's own words when `root` is no repository, or git is missing
    throw new Error(`--against: "${commit}" is not a commit of the repository at ${root}${why ? ` (${why})` : ''}`);
  }
  mkdirSync(dest, { recursive: true });
  execFileSync('tar', ['-x', '-C', dest], { input: git(['archive', '--format=tar', sha]) });
  symlinkSync(join(root, 'node_modules'), join(dest, 'node_modules'));
  return sha;
}

/**
 * This tree's wall time over the reference commit's, build by build (`runs[i]` ran just before
 * `referenceRuns[i]`, so each pair shares the host's state): the median, lowest and highest, to two decimals.
 */
export function wallRatios(runs, referenceRuns) {
  const ratios = referenceRuns.map((ref, i) => runs[i].wallMs / ref.wallMs).sort((a, b) => a - b);
  if (ratios.length === 0) return undefined;
  const mid = ratios.length >> 1;
  const median = ratios.length % 2 ? ratios[mid] : (ratios[mid - 1] + ratios[mid]) / 2;
  const round = (x) => +x.toFixed(2);
  return { median: round(median), min: round(ratios[0]), max: round(ratios.at(-1)) };
}

/** Letters-only, fixed width, so `base + suffix` stays unique and matches the slug pattern /^[a-z]+$/. */
export function letters(i, width = 3) {
  let s = '';
  for (let k = 0; k < width; k++, i = Math.floor(i / 26)) s = String.fromCharCode(97 + (i % 26)) + s;
  return s;
}

/** Three base-36 characters: unique ISO-like code that cannot clash with the real two-letter codes. */
export function isoSuffix(i) {
  return i.toString(36).toUpperCase().padStart(3, '0');
}

/**
 * Copies content/ to a temporary directory and replaces its provinces with `n` entries cycled from the real
 * ones, with unique slug, iso, prefix and name.zh so the registry checks pass. Returns the directory.
 */
export async function syntheticContent(n, root = PROJECT_ROOT) {
  const realDir = join(root, 'content', 'provinces');
  const files = (await readdir(realDir)).filter((f) => /\.ya?ml$/.test(f)).sort();
  // JSON_SCHEMA keeps `updated: 2026-11-23` a string, so it is written back unchanged.
  const real = await Promise.all(
    files.map(async (f) => yaml.load(await readFile(join(realDir, f), 'utf8'), { schema: yaml.JSON_SCHEMA })),
  );
  const taken = new Set(real.map((p) => p.prefix));
  if (n > 26 ** 3 || n > 0x9fff - 0x4e00 - taken.size) throw new Error(`--sizes: at most ${26 ** 3} entries`);
  const dir = await mkdtemp(join(tmpdir(), `icp-bench-${n}-`));
  const content = join(dir, 'content');
  await cp(join(root, 'content'), content, { recursive: true });
  const provDir = join(content, 'provinces');
  await Promise.all(files.map((f) => rm(join(provDir, f))));
  let code = 0x4e00; // CJK Unified Ideographs: every code point up to U+9FFF is Script=Han
  const writes = [];
  for (let i = 0; i < n; i++) {
    const base = real[i % real.length];
    while (taken.has(String.fromCodePoint(code))) code++;
    const prefix = String.fromCodePoint(code++);
    const entry = {
      ...base,
      slug: base.slug + letters(i),
      iso: `CN-${isoSuffix(i)}`,
      prefix,
      name: { zh: `${base.name.zh}${i}`, en: `${base.name.en} ${i}`, pinyin: `${base.name.pinyin} ${i}` },
    };
    writes.push(writeFile(join(provDir, `${entry.slug}.yaml`), yaml.dump(entry, { lineWidth: -1 })));
  }
  await Promise.all(writes);
  return { dir, content };
}

/** Sum of RSS (bytes) over `pid` and all its descendants, from /proc. */
function treeRss(pid) {
  const children = new Map();
  const rss = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the parenthesised command name: state ppid … ; rss (pages) is field 24.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      rss.set(Number(name), Number(fields[21]) * 4096);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(name));
    } catch {
      // The process ended while we read it.
    }
  }
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop();
    total += rss.get(p) ?? 0;
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

/** Number of pages a build emitted: its index.html files (404.html is not a page a visitor asks for). */
export function countPages(dir) {
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name === 'index.html') count++;
  }
  return count;
}

/**
 * Runs the build on `contentDir` into `workDir/dist` with a cold cache, and measures wall time and peak
 * memory. Output lines are time-stamped so the phases of a slow build can be read off the log.
 */
export async function measuredBuild({ contentDir, workDir, root = PROJECT_ROOT, env: extra = {} }) {
  const outDir = join(workDir, 'dist');
  // Astro renders from `.prerender/` under the output directory only when that lies inside the working
  // directory; otherwise it uses `<cwd>/.astro/.prerender/` and deletes it afterwards, which breaks any other
  // build running from the project at the same time. So the build runs from workDir, which links
  // node_modules so the rendered chunks still resolve their packages.
  if (!existsSync(join(workDir, 'node_modules')))
    await symlink(join(root, 'node_modules'), join(workDir, 'node_modules'));
  const env = {
    ...process.env,
    PATH: `${BIN}${delimiter}${process.env.PATH}`, // so `astro` runs on the project's Node 24
    ICP_CONTENT_DIR: contentDir,
    ICP_OUT_DIR: outDir,
    ICP_CACHE_DIR: join(workDir, 'cache'),
    ICP_LINK_CHECK_REPORT: join(workDir, 'link-check.json'), // not the project's reports/
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    ...extra,
  };
  const timeFile = join(workDir, 'time.txt');
  const stealBefore = stealTicks();
  const useTime = existsSync(GNU_TIME);
  // The project's own build (`npm run build`): astro build, then the search index.
  const build = [join(BIN, 'node'), join(root, 'scripts/build.mjs'), '--root', root];
  const [cmd, args] = useTime ? [GNU_TIME, ['-v', '-o', timeFile, ...build]] : [build[0], build.slice(1)];
  const started = performance.now();
  const child = spawn(cmd, args, { cwd: workDir, env });
  // /usr/bin/time reports the largest single process; the poll sums the tree (Pagefind runs as a child).
  let peakTree = 0;
  const samples = [];
  const poll = setInterval(() => {
    const rss = treeRss(child.pid);
    samples.push({ t: performance.now() - started, rss });
    peakTree = Math.max(peakTree, rss);
  }, 100);
  const lines = [];
  let pending = '';
  const onData = (d) => {
    const t = performance.now() - started;
    pending += d;
    const parts = pending.split('\n');
    pending = parts.pop();
    for (const line of parts) lines.push({ t, line });
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const code = await new Promise((ok) => child.on('close', ok));
  const wallMs = performance.now() - started;
  const stealAfter = stealTicks();
  clearInterval(poll);
  if (pending) lines.push({ t: wallMs, line: pending });
  let peakSingle = 0;
  let cpuMs;
  if (useTime && existsSync(timeFile)) {
    const text = readFileSync(timeFile, 'utf8');
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(text);
    if (m) peakSingle = Number(m[1]) * 1024;
    // CPU time (user + system, the whole tree): what the build costs whatever else the machine is doing.
    const user = /User time \(seconds\): ([\d.]+)/.exec(text);
    const sys = /System time \(seconds\): ([\d.]+)/.exec(text);
    if (user && sys) cpuMs = Math.round((Number(user[1]) + Number(sys[1])) * 1000);
  }
  const pages = code === 0 && existsSync(outDir) ? countPages(outDir) : 0;
  const stealMs =
    stealBefore !== undefined && stealAfter !== undefined ? (stealAfter - stealBefore) * TICK_MS : undefined;
  return {
    code,
    wallMs,
    cpuMs,
    stealMs,
    pages,
    peakRssBytes: Math.max(peakSingle, peakTree),
    peakSingleBytes: peakSingle,
    peakTreeBytes: peakTree,
    samples,
    lines,
    outDir,
  };
}

const TICK_MS = 10; // /proc/stat counts in USER_HZ ticks, 100 a second on Linux

/**
 * The machine's steal counter from /proc/stat (all CPUs): time the hypervisor ran something else while this
 * virtual machine had work. Undefined where there is no /proc/stat.
 */
function stealTicks() {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0].trim().split(/\s+/).slice(1).map(Number);
    return fields[7] ?? 0; // user nice system idle iowait irq softirq steal …
  } catch {
    return undefined;
  }
}

/**
 * How fast one core is right now: a fixed piece of JavaScript work (JSON round trips and string building, like a
 * build's), timed, the best of three. The same work takes longer when the host is busy, so this puts a run's wall
 * time in context; it is not used to adjust it.
 */
export function hostCheckMs() {
  const record = {
    slug: 'zhejiang',
    name: { zh: '浙江', en: 'Zhejiang' },
    links: Array.from({ length: 8 }, (_, i) => ({ url: `https://example.org/${i}/`, kind: 'form' })),
  };
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const started = performance.now();
    let length = 0;
    for (let i = 0; i < 50_000; i++) length += JSON.stringify(JSON.parse(JSON.stringify({ ...record, i }))).length;
    if (length === 0) throw new Error('unreachable'); // keeps the loop from being optimised away
    best = Math.min(best, performance.now() - started);
  }
  return Math.round(best);
}

/**
 * Where a build's time went, read off its time-stamped log: start-up and config, content sync, bundling,
 * rendering the pages, and what runs after them (integrations such as the link checker and the search index).
 * @param {{ t: number, line: string }[]} lines
 * @param {number} wallMs
 * @returns {{ startup?: number, content?: number, bundle?: number, render?: number, afterRender?: number,
 *   integrations: Record<string, { ms: number, line: string }> }}
 */
export function phases(lines, wallMs) {
  const at = (re, after = 0) => lines.find(({ t, line }) => t >= after && re.test(line))?.t;
  const syncing = at(/\[content\] Syncing content/);
  const synced = at(/\[content\] Synced content/);
  const bundling = at(/Building static entrypoints/);
  const rendering = at(/generating static routes/);
  const rendered = rendering === undefined ? undefined : at(/✓ Completed in/, rendering);
  const steps = [
    ['startup', 0, syncing],
    ['content', syncing, synced],
    ['bundle', bundling, rendering],
    ['render', rendering, rendered],
    ['afterRender', rendered, wallMs],
  ];
  const out = {};
  for (const [name, from, to] of steps) if (from !== undefined && to !== undefined) out[name] = Math.round(to - from);
  // Integrations log under their own name after the pages are written, e.g. "[link-checker] … checked in 79 ms".
  // Integrations run one after another once the pages are written and each logs when it is done, so the gap
  // before its line is its time (the line has its own figures too).
  const after = rendered ?? 0;
  out.integrations = {};
  let previous = after;
  for (const { t, line } of lines) {
    const m = /\[([a-z][\w-]*)\] (.*)/.exec(line);
    if (t < after || !m || ['build', 'vite', 'content', 'types'].includes(m[1]) || out.integrations[m[1]]) continue;
    out.integrations[m[1]] = { ms: Math.round(t - previous), line: m[2].slice(0, 200) };
    previous = t;
  }
  return out;
}

export async function tempDir(label) {
  return mkdtemp(join(tmpdir(), `icp-bench-${label}-`));
}
