import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { request } from 'node:http';
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
  return new Map(
    rules
      .find((r: { pattern: string }) => r.pattern === '/*')!
      .headers.map(([k, v]: [string, string]) => [k.toLowerCase(), v]),
  );
}

/** The Cache-Control public/_headers gives `path` (a host joins the values of every rule that matches). */
function headersFileCacheControl(path: string): string {
  const rules = parseHeadersFile(readFileSync(join(PROJECT_ROOT, 'public/_headers'), 'utf8')) as {
    regex: RegExp;
    headers: [string, string][];
  }[];
  return rules
    .filter((r) => r.regex.test(path))
    .flatMap((r) => r.headers.filter(([k]) => k.toLowerCase() === 'cache-control').map(([, v]) => v))
    .join(', ');
}

/** A GET with headers fetch() will not send (Host), as nginx answers it; redirects are not followed. */
function rawGet(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((ok, fail) => {
    const req = request(url, { headers }, (res) => {
      res.resume();
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', fail);
    req.end();
  });
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
    nginx = spawn(
      NGINX,
      ['-p', work, '-c', join(work, 'nginx.conf'), '-e', join(work, 'error.log'), '-g', 'daemon off;'],
      { stdio: 'inherit' },
    );
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
    expect(missing.headers.get('content-security-policy')).toBe(
      headersFileSecurityHeaders().get('content-security-policy'),
    );
    const english = await fetch(`${origin}/en/provinces/atlantis/`);
    expect(english.status).toBe(404);
    expect(await english.text()).toMatch(/<html lang="en"[\s\S]*Page not found/);
  });

  it("redirects with a relative Location, never one built from the request's Host", async () => {
    const res = await rawGet(`${origin}/en/provinces`, { Host: 'evil.example' });
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe('/en/provinces/');
  });

  it('hides its version and marks compressed responses Vary: Accept-Encoding', async () => {
    for (const path of ['/', '/en/provinces/hunan/']) {
      const res = await fetch(origin + path, { headers: { 'accept-encoding': 'gzip' } });
      expect(res.headers.get('server'), path).toBe('nginx');
      expect(res.headers.get('vary'), path).toMatch(/Accept-Encoding/i);
    }
    const missing = await fetch(`${origin}/provinces/atlantis/`);
    expect(missing.headers.get('server')).toBe('nginx');
    expect(await missing.text()).not.toMatch(/nginx\/\d/);
  });

  it('caches fingerprinted files for a year and revalidates pages and unhashed files', async () => {
    const immutable = 'public, max-age=31536000, immutable';
    const chunk = (dir: string, sub: string) => `/${dir}${sub}/${readdirSync(join(DIST, dir, sub))[0]}`;
    const meta = (dir: string) => `/${dir}${readdirSync(join(DIST, dir)).find((f) => f.endsWith('.pf_meta'))}`;
    for (const path of [
      chunk('pagefind/', 'fragment'),
      chunk('en/pagefind/', 'index'),
      meta('pagefind/'),
      meta('en/pagefind/'),
    ]) {
      const res = await fetch(origin + path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe(immutable);
      expect(headersFileCacheControl(path), `public/_headers for ${path}`).toBe(immutable);
      expect(res.headers.get('content-security-policy'), path).toBe(
        headersFileSecurityHeaders().get('content-security-policy'),
      );
    }
    for (const path of [
      '/',
      '/en/provinces/hunan/',
      '/pagefind/pagefind.js',
      '/pagefind/pagefind-entry.json',
      '/search-names.json',
      '/provinces/atlantis/',
    ]) {
      expect((await fetch(origin + path)).headers.get('cache-control'), path).toBe('no-cache');
    }
  });

  it('does not serve the _headers file', async () => {
    expect(existsSync(join(DIST, '_headers'))).toBe(true);
    const res = await fetch(`${origin}/_headers`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('Content-Security-Policy:');
  });
});
