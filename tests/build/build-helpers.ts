import { spawn } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
const ASTRO = join(PROJECT_ROOT, 'node_modules/.bin/astro');
const NODE = join(PROJECT_ROOT, 'node_modules/.bin/node');

export interface BuildResult {
  code: number | null;
  output: string;
  outDir: string;
}

/**
 * Builds this project as `npm run build` does (scripts/build.mjs: astro build, then the search index), or runs a
 * plain `astro build` of `root`, a fixture project, into a temporary directory.
 * `env` points it at other content (ICP_CONTENT_DIR) or sets SITE_URL / BASE_PATH.
 */
export async function astroBuild(options: { root?: string; env?: Record<string, string> } = {}): Promise<BuildResult> {
  const work = await mkdtemp(join(tmpdir(), 'icp-build-'));
  const outDir = join(work, 'dist');
  const env = {
    ...cleanEnv(),
    ICP_OUT_DIR: outDir,
    ICP_CACHE_DIR: join(work, 'cache'),
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    ...options.env,
  };
  const [command, args] = options.root
    ? [ASTRO, ['build', '--root', options.root]]
    : [NODE, [join(PROJECT_ROOT, 'scripts/build.mjs')]];
  return new Promise((ok) => {
    const child = spawn(command, args, { cwd: PROJECT_ROOT, env });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => ok({ code, output, outDir }));
  });
}

/** The environment without what vitest adds (BASE_URL, MODE, DEV, PROD, SSR, VITEST…), which Vite in the child build would read as its own. */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST.*)$/.test(key)) delete env[key];
  }
  return env;
}

/** A copy of the real content/ that a test may break, and a function to remove it. */
export async function copyContent(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'icp-content-'));
  await cp(join(PROJECT_ROOT, 'content'), dir, { recursive: true });
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
