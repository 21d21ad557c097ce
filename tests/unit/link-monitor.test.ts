import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkUrl,
  classifyError,
  DEFAULT_OPTIONS,
  runMonitor,
  summaryMarkdown,
  buildReport,
  type MonitorOptions,
  type MonitorReport,
} from '../../src/lib/link-monitor';

const ROOT = resolve(import.meta.dirname, '../..');
// Fast settings: every case below finishes in well under a second.
const FAST: MonitorOptions = { ...DEFAULT_OPTIONS, timeoutMs: 1000, retries: 2, backoffMs: 20, deadlineMs: 10_000 };

interface TestServer {
  server: Server;
  origin: string;
  requests: string[];
  maxInFlight: number;
}

/** A server on 127.0.0.1 that plays every part a government site can play. */
async function startServer(shared: { inFlight: number; max: number } = { inFlight: 0, max: 0 }): Promise<TestServer> {
  const counts = new Map<string, number>();
  const requests: string[] = [];
  const state: TestServer = { server: undefined as unknown as Server, origin: '', requests, maxInFlight: 0 };
  let inFlight = 0;
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push(`${req.method} ${path}`);
    const n = (counts.get(path) ?? 0) + 1;
    counts.set(path, n);
    const redirect = (status: number, to: string) => res.writeHead(status, { location: to }).end();
    if (path === '/ok') return res.writeHead(200, { 'content-type': 'text/html' }).end('<p>ok</p>');
    if (path === '/moved') return redirect(301, '/ok');
    if (path === '/chain') return redirect(301, '/chain-2');
    if (path === '/chain-2') return redirect(302, `${state.origin}/ok`);
    if (path === '/loop-a') return redirect(302, '/loop-b');
    if (path === '/loop-b') return redirect(302, '/loop-a');
    if (path.startsWith('/endless/')) return redirect(302, `/endless/${Number(path.slice(9)) + 1}`);
    if (path === '/no-location') return res.writeHead(302).end();
    if (path === '/missing') return res.writeHead(404).end('not here');
    if (path === '/flaky') return res.writeHead(n <= 2 ? 500 : 200).end(); // HEAD 500, GET 500, then HEAD 200
    if (path === '/down') return res.writeHead(503).end();
    if (path === '/no-head') return res.writeHead(req.method === 'HEAD' ? 405 : 200).end();
    if (path === '/hang') return undefined; // never answers
    if (path.startsWith('/slow')) {
      inFlight++;
      shared.inFlight++;
      state.maxInFlight = Math.max(state.maxInFlight, inFlight);
      shared.max = Math.max(shared.max, shared.inFlight);
      setTimeout(() => {
        inFlight--;
        shared.inFlight--;
        res.writeHead(200).end();
      }, 60);
      return undefined;
    }
    return res.writeHead(404).end();
  };
  state.server = createServer(handler);
  await new Promise<void>((ok) => state.server.listen(0, '127.0.0.1', ok));
  state.origin = `http://127.0.0.1:${(state.server.address() as AddressInfo).port}`;
  return state;
}

async function stopServer(s: TestServer) {
  s.server.closeAllConnections();
  await new Promise((ok) => s.server.close(ok));
}

/** A port nothing listens on: bind, note it, close. */
async function refusedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok));
  const { port } = s.address() as AddressInfo;
  await new Promise((ok) => s.close(ok));
  return port;
}

let srv: TestServer;
let refused: string;
beforeAll(async () => {
  srv = await startServer();
  refused = `http://127.0.0.1:${await refusedPort()}/`;
});
afterAll(async () => stopServer(srv));

describe('checkUrl against a local server', () => {
  it('200 is ok, with one HEAD', async () => {
    const r = await checkUrl(`${srv.origin}/ok`, FAST);
    expect(r).toMatchObject({ class: 'ok', group: 'ok', status: 200, redirects: [], attempts: 1 });
  });

  it('301 → 200 is redirected, and the chain is recorded', async () => {
    const r = await checkUrl(`${srv.origin}/moved`, FAST);
    expect(r).toMatchObject({ class: 'redirected', status: 200, finalUrl: `${srv.origin}/ok` });
    expect(r.redirects).toEqual([{ url: `${srv.origin}/moved`, method: 'HEAD', status: 301, location: `${srv.origin}/ok` }]);
    const chain = await checkUrl(`${srv.origin}/chain`, FAST);
    expect(chain.redirects.map((h) => h.status)).toEqual([301, 302]);
    expect(chain.class).toBe('redirected');
  });

  it('detects a redirect loop and an endless chain', async () => {
    const loop = await checkUrl(`${srv.origin}/loop-a`, FAST);
    expect(loop).toMatchObject({ class: 'redirect-loop', group: 'broken' });
    expect(loop.redirects.map((h) => h.url)).toEqual([`${srv.origin}/loop-a`, `${srv.origin}/loop-b`]);
    const endless = await checkUrl(`${srv.origin}/endless/0`, { ...FAST, maxRedirects: 5 });
    expect(endless).toMatchObject({ class: 'too-many-redirects', group: 'broken' });
    expect(endless.redirects).toHaveLength(6);
  });

  it('404 is a client error, tried with GET after HEAD and not retried', async () => {
    const before = srv.requests.length;
    const r = await checkUrl(`${srv.origin}/missing`, FAST);
    expect(r).toMatchObject({ class: 'client-error', group: 'broken', status: 404, attempts: 1 });
    expect(srv.requests.slice(before)).toEqual(['HEAD /missing', 'GET /missing']);
  });

  it('500 then 200 is ok after a retry; a lasting 503 is a server error after every retry', async () => {
    const flaky = await checkUrl(`${srv.origin}/flaky`, FAST);
    expect(flaky).toMatchObject({ class: 'ok', status: 200, attempts: 2 });
    const down = await checkUrl(`${srv.origin}/down`, FAST);
    expect(down).toMatchObject({ class: 'server-error', status: 503, attempts: 3 });
  });

  it('falls back to GET when HEAD is not allowed', async () => {
    expect(await checkUrl(`${srv.origin}/no-head`, FAST)).toMatchObject({ class: 'ok', status: 200 });
  });

  it('a redirect without Location is a server error', async () => {
    expect(await checkUrl(`${srv.origin}/no-location`, FAST)).toMatchObject({ class: 'server-error', status: 302 });
  });

  it('a server that hangs past the timeout is a timeout, retried with backoff', async () => {
    const started = performance.now();
    const r = await checkUrl(`${srv.origin}/hang`, { ...FAST, timeoutMs: 200, retries: 1 });
    const ms = performance.now() - started;
    expect(r).toMatchObject({ class: 'timeout', group: 'unreachable', status: null, attempts: 2 });
    expect(ms).toBeGreaterThanOrEqual(400);
    expect(ms).toBeLessThan(2000);
  });

  it('a closed port is refused', async () => {
    expect(await checkUrl(refused, FAST)).toMatchObject({ class: 'refused', group: 'unreachable', detail: 'ECONNREFUSED' });
  });

  it('TLS spoken to a plain-HTTP server is a TLS error, not retried', async () => {
    const r = await checkUrl(`${srv.origin.replace('http:', 'https:')}/ok`, FAST);
    expect(r).toMatchObject({ class: 'tls-error', group: 'unreachable', attempts: 1 });
  });
});

describe('classifyError', () => {
  const fetchFailed = (cause: object) => Object.assign(new TypeError('fetch failed'), { cause });
  it('reads the code undici hides in `cause`', () => {
    expect(classifyError(fetchFailed({ code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND x.gov.cn' })).class).toBe('dns-failure');
    expect(classifyError(fetchFailed({ code: 'EAI_AGAIN' })).class).toBe('dns-failure');
    expect(classifyError(fetchFailed({ code: 'ECONNREFUSED' })).class).toBe('refused');
    expect(classifyError(fetchFailed({ errors: [{ code: 'ECONNREFUSED' }, { code: 'ECONNREFUSED' }] })).class).toBe('refused');
    expect(classifyError(fetchFailed({ code: 'UND_ERR_CONNECT_TIMEOUT' })).class).toBe('timeout');
    expect(classifyError(fetchFailed({ code: 'CERT_HAS_EXPIRED' })).class).toBe('tls-error');
    expect(classifyError(fetchFailed({ code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' })).class).toBe('tls-error');
    expect(classifyError(fetchFailed({ code: 'ECONNRESET' })).class).toBe('network-error');
    expect(classifyError(new DOMException('timed out', 'TimeoutError')).class).toBe('timeout');
  });
});

describe('runMonitor', () => {
  it('classifies a whole list, in the order given', async () => {
    const urls = ['/ok', '/moved', '/loop-a', '/missing', '/hang'].map((p) => `${srv.origin}${p}`).concat(refused);
    const run = await runMonitor(urls, { ...FAST, timeoutMs: 500, retries: 0 });
    expect(run.results.map((r) => r.class)).toEqual(['ok', 'redirected', 'redirect-loop', 'client-error', 'timeout', 'refused']);
    expect(run.timedOut).toBe(false);
    const report = buildReport(run, FAST, new Map([[`${srv.origin}/missing`, ['/provinces/x/']]]));
    expect(report.counts).toMatchObject({ ok: 1, redirected: 1, 'redirect-loop': 1, 'client-error': 1, timeout: 1, refused: 1 });
    const md = summaryMarkdown(report);
    expect(md).toContain(`- ${srv.origin}/missing: client error 404; on /provinces/x/`);
    expect(md).toMatch(/## Unreachable \(no answer from the server\): 2/);
  });

  it('bounds concurrency per host and overall', async () => {
    const shared = { inFlight: 0, max: 0 };
    const servers = await Promise.all([startServer(shared), startServer(shared), startServer(shared)]);
    try {
      const one = servers[0]!;
      await runMonitor(Array.from({ length: 6 }, (_, i) => `${one.origin}/slow/${i}`), { ...FAST, concurrency: 8, perHost: 2 });
      expect(one.maxInFlight).toBe(2);
      shared.max = 0;
      const urls = servers.flatMap((s) => Array.from({ length: 4 }, (_, i) => `${s.origin}/slow/x${i}`));
      const run = await runMonitor(urls, { ...FAST, concurrency: 3, perHost: 4 });
      expect(shared.max).toBe(3);
      expect(run.results.every((r) => r.class === 'ok')).toBe(true);
    } finally {
      await Promise.all(servers.map(stopServer));
    }
  });

  it('stops at its hard time limit and marks what it could not finish', async () => {
    const urls = Array.from({ length: 5 }, (_, i) => `${srv.origin}/hang?${i}`);
    const started = performance.now();
    const run = await runMonitor(urls, { ...FAST, timeoutMs: 10_000, deadlineMs: 300, concurrency: 2, perHost: 2 });
    const ms = performance.now() - started;
    expect(ms).toBeLessThan(1500);
    expect(run.timedOut).toBe(true);
    expect(run.results.map((r) => r.class)).toEqual(Array(5).fill('not-checked'));
    expect(run.results.every((r) => r.group === 'unknown')).toBe(true);
  });
});

describe('npm run check:links:external (the script)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'icp-monitor-'));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  function runScript(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stderr: string; ms: number }> {
    const started = performance.now();
    return new Promise((ok) => {
      const child = spawn(join(ROOT, 'node_modules/.bin/node'), [join(ROOT, 'scripts/check-external-links.ts'), ...args], {
        cwd: dir,
        env: { ...process.env, CI: '1', SITE_URL: '', ...env },
      });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.stdout.on('data', (d) => (stderr += d));
      child.on('close', (code) => ok({ code, stderr, ms: performance.now() - started }));
    });
  }

  async function site(name: string, links: string[]): Promise<string> {
    const dist = join(dir, name);
    await rm(dist, { recursive: true, force: true });
    const { mkdir } = await import('node:fs/promises');
    await mkdir(dist, { recursive: true });
    const body = links.map((href) => `<a href="${href}" rel="noopener noreferrer">x</a>`).join('\n');
    await writeFile(
      join(dist, 'index.html'),
      `<!doctype html><html><head><title>t</title><link rel="canonical" href="https://site.example/"></head><body>${body}<a href="/">home</a></body></html>`,
    );
    return dist;
  }

  it('checks every external link of a built site and writes both reports', async () => {
    const dist = await site('dist', [`${srv.origin}/ok`, `${srv.origin}/moved#frag`, `${srv.origin}/missing`, `${srv.origin}/hang`, refused, 'https://site.example/self/']);
    const out = join(dir, 'reports');
    const { code, stderr } = await runScript(['--dist', dist, '--out', out, '--timeout', '1000', '--retries', '0', '--deadline', '8000']);
    expect(stderr).toContain('not checking https://site.example');
    expect(stderr).toContain('checked 5/5, 3 not OK');
    expect(stderr).not.toContain('\r');
    expect(stderr).toContain(`FAIL ${srv.origin}/missing → client error 404`);
    expect(code).toBe(0);
    const report = JSON.parse(await readFile(join(out, 'external-links.json'), 'utf8')) as MonitorReport;
    const byUrl = Object.fromEntries(report.links.map((l) => [l.url, l.class]));
    expect(byUrl).toEqual({
      [`${srv.origin}/ok`]: 'ok',
      [`${srv.origin}/moved`]: 'redirected',
      [`${srv.origin}/missing`]: 'client-error',
      [`${srv.origin}/hang`]: 'timeout',
      [refused]: 'refused',
    });
    expect(report.links.find((l) => l.class === 'ok')?.pages).toEqual(['/']);
    expect(report.startedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(await readFile(join(out, 'external-links.md'), 'utf8')).toContain(`# External links, ${report.startedAt.slice(0, 10)}`);
  });

  it('--strict fails on a broken link; a bad option is a usage error', async () => {
    const dist = await site('dist-strict', [`${srv.origin}/missing`]);
    expect((await runScript(['--dist', dist, '--out', join(dir, 'r2'), '--strict'])).code).toBe(1);
    const bad = await runScript(['--dist', dist, '--timeout', 'soon']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--timeout must be a whole number');
    const none = await runScript(['--dist', join(dir, 'nothing-built')]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('run `npm run build` first');
  });

  it('ends within its time limit however many links hang', async () => {
    const dist = await site('dist-hang', Array.from({ length: 12 }, (_, i) => `${srv.origin}/hang?n=${i}`));
    const { code, stderr, ms } = await runScript(['--dist', dist, '--out', join(dir, 'r3'), '--timeout', '60000', '--deadline', '700']);
    expect(code).toBe(0);
    expect(ms).toBeLessThan(5000);
    expect(stderr).toContain('(stopped at the time limit)');
    const report = JSON.parse(await readFile(join(dir, 'r3', 'external-links.json'), 'utf8')) as MonitorReport;
    expect(report.timedOut).toBe(true);
    expect(report.counts['not-checked']).toBe(12);
  });

  it('on a terminal, rewrites one progress line in place instead of printing a line per step', async () => {
    const dist = await site('dist-tty', [`${srv.origin}/ok`, `${srv.origin}/missing`, `${srv.origin}/moved`]);
    const args = [join(ROOT, 'node_modules/.bin/node'), join(ROOT, 'scripts/check-external-links.ts'), '--dist', dist, '--out', join(dir, 'r4'), '--retries', '0'];
    // util-linux `script` runs the command on a pseudo-terminal, so its stderr is a TTY; CI unset, as at a desk.
    const out = await new Promise<string>((ok) => {
      const child = spawn('script', ['-qec', args.map((a) => `'${a}'`).join(' '), '/dev/null'], { cwd: dir, env: { ...process.env, CI: '', SITE_URL: '' } });
      let text = '';
      child.stdout.on('data', (d) => (text += d));
      child.on('close', () => ok(text));
    });
    expect(out).toContain('\r\x1b[Kchecked 1/3, ');
    expect(out).toContain('\r\x1b[Kchecked 3/3, 1 not OK\r\n'); // the last one ends the line
    expect(out).not.toMatch(/^checked \d/m); // no plain progress lines
    expect(out).toContain(`FAIL ${srv.origin}/missing`);
  });
});

describe('link-status (what the province pages read from the report)', () => {
  it('round-trips a monitor report: URL keys, dates, and not-checked left out', async () => {
    const { parseLinkReport, linkKey, statusLabel } = await import('../../src/lib/link-status');
    const run = await runMonitor([`${srv.origin}/ok`, `${srv.origin}/missing`], FAST);
    const report = buildReport(run, FAST, new Map());
    report.links.push({ ...report.links[0]!, url: 'http://域名.信息/#x', class: 'not-checked' });
    const map = parseLinkReport(JSON.stringify(report));
    expect(map.size).toBe(2);
    const missing = map.get(linkKey(`${srv.origin}/missing#section`)!);
    expect(missing).toEqual({ class: 'client-error', status: 404, date: report.startedAt.slice(0, 10) });
    expect(statusLabel(missing!, 'en')).toBe('broken (HTTP 404)');
    expect(statusLabel(missing!, 'zh')).toBe('失效（HTTP 404）');
    expect(statusLabel({ class: 'dns-failure', status: null, date: '2026-01-01' }, 'en')).toBe('unreachable (domain not found)');
    expect(linkKey('http://%E5%9F%9F%E5%90%8D.%E4%BF%A1%E6%81%AF')).toBe(linkKey('http://域名.信息'));
    expect(() => parseLinkReport('{"links": []}', 'r.json')).toThrow(/r.json is not an external-links report/);
    expect(() => parseLinkReport('{', 'r.json')).toThrow(/not valid JSON/);
  });

  it('reads a report once per build, and gives null where there is none', async () => {
    const { loadLinkStatuses, linkKey } = await import('../../src/lib/link-status');
    const dir = await mkdtemp(join(tmpdir(), 'link-status-'));
    const file = join(dir, 'external-links.json');
    const run = await runMonitor([`${srv.origin}/ok`], FAST);
    await writeFile(file, JSON.stringify(buildReport(run, FAST, new Map())));
    const first = loadLinkStatuses(file);
    expect(first?.get(linkKey(`${srv.origin}/ok`)!)?.class).toBe('ok');
    await rm(file);
    expect(loadLinkStatuses(file)).toBe(first); // not read again
    expect(loadLinkStatuses(join(dir, 'none.json'))).toBeNull();
    await rm(dir, { recursive: true });
  });
});
