// The benchmark's measurements (scripts/bench/), checked against things whose answer is known: a real build of a
// small synthetic registry, and page weights served from 127.0.0.1 with known bodies.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countPages, measuredBuild, phases, syntheticContent } from '../../scripts/bench/build.mjs';
import { launch, measureLoad } from '../../scripts/bench/weight.mjs';
import { loadYamlCollection } from '../unit/content-helpers';
import { PROJECT_ROOT, cleanEnv } from './build-helpers';

describe('a measured build of a synthetic registry', () => {
  const n = 40;
  let result: Awaited<ReturnType<typeof measuredBuild>>;
  const cleanup: string[] = [];
  beforeAll(async () => {
    // measuredBuild passes its environment on to the build: without what vitest added, as the other build tests do.
    const saved = process.env;
    process.env = cleanEnv();
    try {
      const { dir, content } = await syntheticContent(n);
      const workDir = await mkdtemp(join(tmpdir(), 'icp-bench-test-'));
      cleanup.push(dir, workDir);
      result = await measuredBuild({ contentDir: content, workDir });
    } finally {
      process.env = saved;
    }
  });
  afterAll(async () => Promise.all(cleanup.map((d) => rm(d, { recursive: true, force: true }))));

  it('builds, and counts the pages it emitted', () => {
    expect(result.code, result.lines.map((l) => l.line).join('\n')).toBe(0);
    const real = loadYamlCollection('provinces').length;
    const sitePages = countPages(join(PROJECT_ROOT, process.env['ICP_OUT_DIR'] ?? 'dist')); // npm test builds the site first
    // Two languages: n province pages each instead of the real ones; every other page as on the real site.
    expect(result.pages).toBe(sitePages - 2 * real + 2 * n);
  });

  it('records time, memory and where the time went', () => {
    expect(result.wallMs).toBeGreaterThan(0);
    expect(result.peakRssBytes).toBeGreaterThan(50e6);
    expect(result.peakRssBytes).toBeLessThan(5e9);
    const p = phases(result.lines, result.wallMs);
    for (const step of ['startup', 'content', 'bundle', 'render', 'afterRender']) expect(p, step).toHaveProperty(step);
    expect(Object.keys(p.integrations)).toEqual(['link-checker', 'search-index']);
    expect(p.integrations['search-index']?.line).toMatch(new RegExp(`search index: ${2 * n + 4} pages`));
  });
});

// A real 1×1 PNG: for bytes it cannot decode as an image, Chromium stops reading and keeps no body.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

describe('page weight', () => {
  const html = `<!doctype html><html lang="en"><head><title>t</title><link rel="stylesheet" href="/s.css"><script src="/a.js" defer></script></head><body>${'<p>words words words</p>'.repeat(200)}<img src="/i.png" alt=""></body></html>`;
  const bodies: Record<string, [string, Buffer]> = {
    '/': ['text/html; charset=utf-8', Buffer.from(html)],
    '/s.css': ['text/css', Buffer.from('p { color: #123; }\n'.repeat(50))],
    '/a.js': ['text/javascript', Buffer.from('console.log(1);\n'.repeat(30))],
    '/i.png': ['image/png', PNG],
  };
  let server: Server;
  let origin = '';
  let browser: Browser;
  beforeAll(async () => {
    server = createServer((req, res) => {
      const body = bodies[req.url ?? ''];
      if (!body) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': body[0] }).end(body[1]);
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it('counts every response on load by kind, raw and as gzip -9 (binary images as they are)', async () => {
    const w = await measureLoad(browser, `${origin}/`);
    const gz = (path: string) => gzipSync(bodies[path]![1], { level: 9 }).length;
    const raw = (path: string) => bodies[path]![1].length;
    expect(w.html).toEqual({ requests: 1, raw: raw('/'), gzip: gz('/') });
    expect(w.css).toEqual({ requests: 1, raw: raw('/s.css'), gzip: gz('/s.css') });
    expect(w.js).toEqual({ requests: 1, raw: raw('/a.js'), gzip: gz('/a.js') });
    expect(w.other).toEqual({ requests: 1, raw: PNG.length, gzip: PNG.length });
    expect(w.total.requests).toBe(4);
    expect(w.total.gzip).toBe(gz('/') + gz('/s.css') + gz('/a.js') + PNG.length);
    expect(w.hasLookup).toBe(false);
  });
});
