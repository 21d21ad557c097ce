import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './build-helpers';
import { parseHeadersFile } from '../../scripts/serve.mjs';

const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
const DIST = join(PROJECT_ROOT, process.env.ICP_OUT_DIR ?? 'dist');
const SITE_CONF = join(PROJECT_ROOT, 'deploy/nginx/site.conf');
const HEADERS_CONF = join(PROJECT_ROOT, 'deploy/nginx/security-headers.conf');

/** The `/*` block of public/_headers, as a header-name → value map. */
function headersFileSecurityHeaders(): Map<string, string> {
  const rules = parseHeadersFile(readFileSync(join(PROJECT_ROOT, 'public/_headers'), 'utf8'));
  return new Map(rules.find((r: { pattern: string }) => r.pattern === '/*')!.headers.map(([k, v]: [string, string]) => [k.toLowerCase(), v]));
}

function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

describe('deploy/nginx/site.conf, run by a real nginx on 127.0.0.1', () => {
  let nginx: ChildProcess;
  let work: string;
  let origin: string;

  beforeAll(async () => {
    expect(existsSync(NGINX), `${NGINX} is missing: npm test installs it (scripts/ensure-system-deps.mjs)`).toBe(true);
    expect(existsSync(join(DIST, 'index.html')), 'build the site first (npm run build)').toBe(true);
    work = await mkdtemp(join(tmpdir(), 'icp-nginx-'));
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    // The repo's server block, pointed at this dist/ and a free loopback port; nothing else changed.
    const server = readFileSync(SITE_CONF, 'utf8')
      .replace('listen 80;', `listen 127.0.0.1:${port};`)
      .replace('root /var/www/icp-guide/dist;', `root ${DIST};`)
      .replaceAll('/etc/nginx/conf.d/security-headers.conf', HEADERS_CONF);
    const conf = `worker_processes 1;\nuser root;\npid ${work}/nginx.pid;\nerror_log ${work}/error.log;\nevents {}\nhttp {\n  include /etc/nginx/mime.types;\n  access_log off;\n${server}\n}\n`;
    await writeFile(join(work, 'nginx.conf'), conf);
    nginx = spawn(NGINX, ['-p', work, '-c', join(work, 'nginx.conf'), '-e', join(work, 'error.log'), '-g', 'daemon off;'], { stdio: 'inherit' });
    for (let i = 0; i < 50; i++) {
      try {
        await fetch(origin);
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    throw new Error(`nginx did not start: ${readFileSync(join(work, 'error.log'), 'utf8')}`);
  });
  afterAll(async () => {
    nginx?.kill();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('sends exactly the security headers of public/_headers, on pages and assets', async () => {
    const expected = headersFileSecurityHeaders();
    const css = /href="([^"]+\.css)"/.exec(readFileSync(join(DIST, 'index.html'), 'utf8'))![1]!;
    for (const path of ['/', '/en/provinces/hunan/', css]) {
      const res = await fetch(origin + path);
      expect(res.status, path).toBe(200);
      for (const [name, value] of expected) expect(res.headers.get(name), `${path} ${name}`).toBe(value);
    }
    expect((await fetch(origin + css)).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('serves directory URLs, redirects a missing slash, and answers 404 with the 404 page and the headers', async () => {
    expect((await fetch(`${origin}/en/provinces/`)).status).toBe(200);
    const redirect = await fetch(`${origin}/en/provinces`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    const missing = await fetch(`${origin}/provinces/atlantis/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('找不到这个页面');
    expect(missing.headers.get('content-security-policy')).toBe(headersFileSecurityHeaders().get('content-security-policy'));
    const english = await fetch(`${origin}/en/provinces/atlantis/`);
    expect(english.status).toBe(404);
    expect(await english.text()).toMatch(/<html lang="en"[\s\S]*Page not found/);
  });
});
