import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import tls from 'node:tls';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  checkUrl,
  classifyError,
  DEFAULT_OPTIONS,
  retryAfterMs,
  runMonitor,
  type MonitorOptions,
} from '../../scripts/link-monitor/monitor';
import { buildReport, summaryMarkdown, type MonitorReport } from '../../scripts/link-monitor/report';
import type { StatusFile } from '../../scripts/link-monitor/status-file';

const ROOT = resolve(import.meta.dirname, '../..');
// Fast settings: every case below finishes in well under a second. The fake servers are on 127.0.0.1: allowed here only.
const FAST: MonitorOptions = {
  ...DEFAULT_OPTIONS,
  timeoutMs: 1000,
  retries: 2,
  backoffMs: 20,
  deadlineMs: 10_000,
  allowLoopback: true,
};
/** Records the waits instead of waiting: what the monitor asked for is the assertion. */
function recordingSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

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
    if (path === '/head-hang') return req.method === 'HEAD' ? undefined : res.writeHead(200).end();
    if (path === '/head-reset') return req.method === 'HEAD' ? req.socket.destroy() : res.writeHead(200).end();
    if (path === '/busy') return res.writeHead(n === 1 ? 429 : 200, { 'retry-after': '1' }).end();
    if (path === '/busy-long') return res.writeHead(429, { 'retry-after': '3600' }).end();
    if (path === '/maintenance') return res.writeHead(n === 1 ? 503 : 200, { 'retry-after': '2' }).end();
    if (path === '/toggle') return res.writeHead(n === 1 ? 200 : 404).end();
    if (path === '/not-modified') return res.writeHead(304).end();
    if (path === '/odd') return res.writeHead(999).end();
    if (path === '/to-file') return redirect(302, 'file:///etc/passwd');
    if (path === '/to-js') return redirect(301, 'javascript:alert(1)');
    if (path === '/to-private') return redirect(302, 'http://10.0.0.1/admin');
    if (path === '/to-numeric') return redirect(302, 'http://167772161/'); // 10.0.0.1 as one number
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
    expect(r.redirects).toEqual([
      { url: `${srv.origin}/moved`, method: 'HEAD', status: 301, location: `${srv.origin}/ok` },
    ]);
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

  it('a redirect without Location is a bad redirect', async () => {
    expect(await checkUrl(`${srv.origin}/no-location`, FAST)).toMatchObject({
      class: 'bad-redirect',
      group: 'broken',
      status: 302,
    });
  });

  it('a server that hangs past the timeout is a timeout, retried with backoff, HEAD then GET each time', async () => {
    const { waits, sleep } = recordingSleep();
    const before = srv.requests.length;
    const r = await checkUrl(`${srv.origin}/hang`, { ...FAST, timeoutMs: 200, retries: 1, backoffMs: 30 }, { sleep });
    expect(r).toMatchObject({ class: 'timeout', group: 'unreachable', status: null, attempts: 2 });
    expect(waits).toEqual([30]);
    expect(srv.requests.slice(before)).toEqual(['HEAD /hang', 'GET /hang', 'HEAD /hang', 'GET /hang']);
  });

  it('a closed port is refused', async () => {
    expect(await checkUrl(refused, FAST)).toMatchObject({
      class: 'refused',
      group: 'unreachable',
      detail: 'ECONNREFUSED',
    });
  });

  it('TLS spoken to a plain-HTTP server is a TLS error, not retried', async () => {
    const r = await checkUrl(`${srv.origin.replace('http:', 'https:')}/ok`, FAST);
    expect(r).toMatchObject({ class: 'tls-error', group: 'unreachable', attempts: 1 });
  });
});

describe('classes that tell the truth (issue 19)', () => {
  it('429 with Retry-After waits as asked and tries again; a Retry-After beyond the bound ends as rate-limited at once', async () => {
    const { waits, sleep } = recordingSleep();
    expect(await checkUrl(`${srv.origin}/busy`, FAST, { sleep })).toMatchObject({
      class: 'ok',
      status: 200,
      attempts: 2,
    });
    expect(waits).toEqual([1000]);
    waits.length = 0;
    const before = srv.requests.length;
    const r = await checkUrl(`${srv.origin}/busy-long`, { ...FAST, maxRetryAfterMs: 5000 }, { sleep });
    expect(r).toMatchObject({
      class: 'rate-limited',
      group: 'unknown',
      status: 429,
      attempts: 1,
      detail: 'Retry-After: 3600',
    });
    expect(waits).toEqual([]);
    expect(srv.requests.slice(before)).toEqual(['HEAD /busy-long']);
  });

  it("503's Retry-After is honoured too", async () => {
    const { waits, sleep } = recordingSleep();
    expect(await checkUrl(`${srv.origin}/maintenance`, FAST, { sleep })).toMatchObject({ class: 'ok', attempts: 2 });
    expect(waits).toEqual([2000]);
  });

  it('tries GET after a HEAD that hangs or is reset', async () => {
    const before = srv.requests.length;
    expect(await checkUrl(`${srv.origin}/head-hang`, { ...FAST, timeoutMs: 300, retries: 0 })).toMatchObject({
      class: 'ok',
      status: 200,
      attempts: 1,
    });
    expect(await checkUrl(`${srv.origin}/head-reset`, { ...FAST, retries: 0 })).toMatchObject({
      class: 'ok',
      status: 200,
      attempts: 1,
    });
    expect(srv.requests.slice(before)).toEqual([
      'HEAD /head-hang',
      'GET /head-hang',
      'HEAD /head-reset',
      'GET /head-reset',
    ]);
  });

  it('an unconditional 304 and a 999 are odd answers, not broken links', async () => {
    expect(await checkUrl(`${srv.origin}/not-modified`, FAST)).toMatchObject({
      class: 'odd-status',
      group: 'unknown',
      status: 304,
      attempts: 1,
    });
    expect(await checkUrl(`${srv.origin}/odd`, FAST)).toMatchObject({
      class: 'odd-status',
      group: 'unknown',
      status: 999,
      attempts: 1,
    });
  });

  it.each([
    ['/to-file', 'file:///etc/passwd', 'file:'],
    ['/to-js', 'javascript:alert(1)', 'javascript:'],
  ])('a redirect from %s to %s is broken at once, without retries', async (path, location, scheme) => {
    const before = srv.requests.length;
    const r = await checkUrl(`${srv.origin}${path}`, FAST);
    expect(r).toMatchObject({
      class: 'bad-redirect',
      group: 'broken',
      attempts: 1,
      detail: `${path === '/to-js' ? 301 : 302} to a ${scheme} URL`,
    });
    expect(r.redirects.map((h) => h.location)).toEqual([location]);
    expect(srv.requests.slice(before)).toEqual([`HEAD ${path}`]);
  });

  it('a URL that cannot be parsed is reported as such, and the run goes on', async () => {
    expect(await checkUrl('http://[bad', FAST)).toMatchObject({ class: 'invalid-url', group: 'broken', attempts: 0 });
    const run = await runMonitor(['http://[bad', 'ftp://files.example/x', `${srv.origin}/ok`], FAST);
    expect(run.results.map((r) => r.class)).toEqual(['invalid-url', 'invalid-url', 'ok']);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('Wed, 21 Oct 2026 07:27:30 GMT');
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('Wed, 21 Oct 2026 07:28:00 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Wed, 21 Oct 2026 07:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs(null, now)).toBeNull();
  });
});

describe('stays inside: no connection to a non-public address (issue 19)', () => {
  // Every socket undici opens goes through net.connect or tls.connect. In these tests a call is a failure: the spy
  // throws instead of connecting, so even a broken guard sends nothing anywhere.
  let connects: unknown[];
  beforeEach(() => {
    connects = [];
    const refuse = (options: unknown) => {
      connects.push(options);
      throw new Error('test: the monitor tried to open a socket');
    };
    vi.spyOn(net, 'connect').mockImplementation(refuse as typeof net.connect);
    vi.spyOn(tls, 'connect').mockImplementation(refuse as typeof tls.connect);
  });
  afterEach(() => vi.restoreAllMocks());

  const STRICT: MonitorOptions = { ...FAST, allowLoopback: false };
  const resolver = vi.fn(async (hostname: string) => {
    const answers: Record<string, { address: string; family: number }[]> = {
      'intranet.gov.example': [{ address: '10.0.0.1', family: 4 }],
      'ula.gov.example': [{ address: 'fd12:3456::1', family: 6 }],
      'mapped.gov.example': [{ address: '::ffff:192.168.1.1', family: 6 }],
      'mixed.gov.example': [
        { address: '127.0.0.1', family: 4 },
        { address: '169.254.169.254', family: 4 },
      ],
    };
    const found = answers[hostname];
    if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return found;
  });

  it.each([
    ['http://intranet.gov.example/', '10.0.0.1'],
    ['https://ula.gov.example/', 'fd12:3456::1'],
    ['http://mapped.gov.example/', '::ffff:192.168.1.1'],
    ['http://mixed.gov.example/', '169.254.169.254'],
  ])('%s resolves to %s: blocked, never connected', async (url, address) => {
    const r = await checkUrl(url, { ...STRICT, allowLoopback: true }, { resolver });
    expect(r).toMatchObject({ class: 'blocked', group: 'unknown', detail: address, attempts: 1 });
    expect(resolver).toHaveBeenCalledWith(new URL(url).hostname);
    expect(connects).toEqual([]);
  });

  it.each([
    ['http://127.0.0.1/', '127.0.0.1'],
    ['http://2130706433/', '127.0.0.1'],
    ['http://0x7f.1/', '127.0.0.1'],
    ['http://[::1]/', '::1'],
    ['http://[::ffff:7f00:1]/', '::ffff:7f00:1'],
    ['http://10.1.2.3/', '10.1.2.3'],
    ['http://100.64.0.1/', '100.64.0.1'],
    ['http://224.0.0.1/', '224.0.0.1'],
    ['http://0.0.0.0/', '0.0.0.0'],
    ['http://[fe80::1]/', 'fe80::1'],
  ])('%s, an address spelled in the URL, is blocked without the test allowance', async (url, address) => {
    resolver.mockClear();
    const r = await checkUrl(url, STRICT, { resolver });
    expect(r).toMatchObject({ class: 'blocked', detail: address });
    expect(resolver).not.toHaveBeenCalled();
    expect(connects).toEqual([]);
  });

  it('a name DNS does not know is still a DNS failure', async () => {
    expect(await checkUrl('http://nowhere.gov.example/', STRICT, { resolver })).toMatchObject({
      class: 'dns-failure',
      detail: 'ENOTFOUND',
    });
    expect(connects).toEqual([]);
  });
});

describe('redirects are checked hop by hop', () => {
  it('a redirect into a private address, however spelled, is blocked before that hop connects', async () => {
    // Passes connections to the fake server through and records every one: nothing else may appear.
    const hosts: string[] = [];
    const original = net.connect;
    const spy = vi.spyOn(net, 'connect').mockImplementation(((options: net.TcpNetConnectOpts) => {
      hosts.push(String(options.host));
      if (options.host !== '127.0.0.1') throw new Error('test: connection outside 127.0.0.1');
      return original(options);
    }) as typeof net.connect);
    try {
      const r = await checkUrl(`${srv.origin}/to-private`, FAST);
      expect(r).toMatchObject({ class: 'blocked', detail: '10.0.0.1', status: 302, finalUrl: 'http://10.0.0.1/admin' });
      expect(r.redirects).toEqual([
        { url: `${srv.origin}/to-private`, method: 'HEAD', status: 302, location: 'http://10.0.0.1/admin' },
      ]);
      const numeric = await checkUrl(`${srv.origin}/to-numeric`, FAST);
      expect(numeric).toMatchObject({ class: 'blocked', detail: '10.0.0.1' });
      expect(numeric.redirects.map((h) => h.location)).toEqual(['http://10.0.0.1/']);
      // The first hops did connect, and the spy saw them: only ever the fake server.
      expect(hosts.length).toBeGreaterThan(0);
      expect(new Set(hosts)).toEqual(new Set(['127.0.0.1']));
    } finally {
      spy.mockRestore();
    }
  });
});

describe('classifyError', () => {
  const fetchFailed = (cause: object) => Object.assign(new TypeError('fetch failed'), { cause });
  it('reads the code undici hides in `cause`', () => {
    expect(classifyError(fetchFailed({ code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND x.gov.cn' })).class).toBe(
      'dns-failure',
    );
    expect(classifyError(fetchFailed({ code: 'EAI_AGAIN' })).class).toBe('dns-failure');
    expect(classifyError(fetchFailed({ code: 'ECONNREFUSED' })).class).toBe('refused');
    expect(classifyError(fetchFailed({ errors: [{ code: 'ECONNREFUSED' }, { code: 'ECONNREFUSED' }] })).class).toBe(
      'refused',
    );
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
    expect(run.results.map((r) => r.class)).toEqual([
      'ok',
      'redirected',
      'redirect-loop',
      'client-error',
      'timeout',
      'refused',
    ]);
    expect(run.timedOut).toBe(false);
    const report = buildReport(run, FAST, new Map([[`${srv.origin}/missing`, ['/provinces/x/']]]));
    expect(report.counts).toMatchObject({
      ok: 1,
      redirected: 1,
      'redirect-loop': 1,
      'client-error': 1,
      timeout: 1,
      refused: 1,
    });
    const md = summaryMarkdown(report);
    expect(md).toContain(`- ${srv.origin}/missing: client error 404; on /provinces/x/`);
    expect(md).toMatch(/## Unreachable \(no answer from the server\): 2/);
  });

  it('bounds concurrency per host and overall', async () => {
    const shared = { inFlight: 0, max: 0 };
    const servers = await Promise.all([startServer(shared), startServer(shared), startServer(shared)]);
    try {
      const one = servers[0]!;
      await runMonitor(
        Array.from({ length: 6 }, (_, i) => `${one.origin}/slow/${i}`),
        { ...FAST, concurrency: 8, perHost: 2 },
      );
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
    const run = await runMonitor(urls, { ...FAST, timeoutMs: 10_000, deadlineMs: 300, concurrency: 2, perHost: 2 });
    expect(run.timedOut).toBe(true);
    expect(run.results.map((r) => r.class)).toEqual(Array(5).fill('not-checked'));
    expect(run.results.every((r) => r.group === 'unknown')).toBe(true);
  });
});

describe('npm run check:links:external (the script)', { timeout: 30_000 }, () => {
  let dir: string;
  let archiveApi: Server;
  let archiveOrigin: string;
  const archiveQueries: URLSearchParams[] = [];
  // The pages link to a name, as content must (the URL policy refuses 127.0.0.1 in a link); --resolve points it here.
  const HOST = 'monitor.gov.test';
  const RESOLVE = ['--resolve', `${HOST}=127.0.0.1`];
  let origin: string;
  let refusedNamed: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'icp-monitor-'));
    origin = srv.origin.replace('127.0.0.1', HOST);
    refusedNamed = refused.replace('127.0.0.1', HOST);
    // A fake of the Internet Archive's availability API: a snapshot for /missing and /toggle, none for the rest.
    archiveApi = createServer((req, res) => {
      const query = new URL(req.url ?? '/', 'http://x').searchParams;
      archiveQueries.push(query);
      const url = query.get('url') ?? '';
      const closest = /\/(missing|toggle)$/.test(url)
        ? {
            status: '200',
            available: true,
            url: `http://web.archive.org/web/20261130081500/${url}`,
            timestamp: '20261130081500',
          }
        : undefined;
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ url, archived_snapshots: closest ? { closest } : {} }));
    });
    await new Promise<void>((ok) => archiveApi.listen(0, '127.0.0.1', ok));
    archiveOrigin = `http://127.0.0.1:${(archiveApi.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    archiveApi.closeAllConnections();
    await new Promise((ok) => archiveApi.close(ok));
    await rm(dir, { recursive: true, force: true });
  });

  function runScript(
    args: string[],
    env: Record<string, string> = {},
  ): Promise<{ code: number | null; stderr: string }> {
    return new Promise((ok) => {
      const child = spawn(
        join(ROOT, 'node_modules/.bin/node'),
        [join(ROOT, 'scripts/check-external-links.ts'), ...RESOLVE, ...args],
        {
          cwd: dir,
          env: {
            ...process.env,
            CI: '1',
            SITE_URL: '',
            LINK_MONITOR_ALLOW_LOOPBACK: '1',
            LINK_MONITOR_ARCHIVE_API: 'none',
            ...env,
          },
        },
      );
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.stdout.on('data', (d) => (stderr += d));
      child.on('close', (code) => ok({ code, stderr }));
    });
  }

  async function site(name: string, links: string[], head = ''): Promise<string> {
    const dist = join(dir, name);
    await rm(dist, { recursive: true, force: true });
    await mkdir(dist, { recursive: true });
    const body = links.map((href) => `<a href="${href}" rel="noopener noreferrer">x</a>`).join('\n');
    await writeFile(
      join(dist, 'index.html'),
      `<!doctype html><html><head><title>t</title><link rel="canonical" href="https://site.example/">${head}</head><body>${body}<a href="/">home</a></body></html>`,
    );
    return dist;
  }
  const readStatus = async (file: string) => JSON.parse(await readFile(file, 'utf8')) as StatusFile;

  it('checks every external link of a built site and writes the status file and both reports', async () => {
    const dist = await site('dist', [
      `${origin}/ok`,
      `${origin}/moved#frag`,
      `${origin}/missing`,
      `${origin}/hang`,
      refusedNamed,
      'https://site.example/self/',
    ]);
    const out = join(dir, 'reports');
    const statusFile = join(dir, 'status-1.json');
    const { code, stderr } = await runScript([
      '--dist',
      dist,
      '--out',
      out,
      '--status-file',
      statusFile,
      '--timeout',
      '1000',
      '--retries',
      '0',
      '--deadline',
      '8000',
    ]);
    expect(stderr).toContain('not checking https://site.example');
    expect(stderr).toContain('checked 5/5, 3 not OK');
    expect(stderr).not.toContain('\r');
    expect(stderr).toContain(`FAIL ${origin}/missing → client error 404`);
    expect(code).toBe(0);
    const report = JSON.parse(await readFile(join(out, 'external-links.json'), 'utf8')) as MonitorReport;
    const byUrl = Object.fromEntries(report.links.map((l) => [l.url, l.class]));
    expect(byUrl).toEqual({
      [`${origin}/ok`]: 'ok',
      [`${origin}/moved`]: 'redirected',
      [`${origin}/missing`]: 'client-error',
      [`${origin}/hang`]: 'timeout',
      [refusedNamed]: 'refused',
    });
    expect(report.links.find((l) => l.class === 'ok')?.pages).toEqual(['/']);
    const today = report.startedAt.slice(0, 10);
    expect(await readFile(join(out, 'external-links.md'), 'utf8')).toContain(`# External links, ${today}`);
    const status = await readStatus(statusFile);
    expect(Object.keys(status)).toEqual(
      [refusedNamed, `${origin}/hang`, `${origin}/missing`, `${origin}/moved`, `${origin}/ok`].sort(),
    );
    expect(status[`${origin}/ok`]).toEqual({
      checked: today,
      class: 'ok',
      status: 200,
      finalUrl: `${origin}/ok`,
      detail: null,
      failingSince: null,
      lastOk: today,
      archive: null,
    });
    expect(status[`${origin}/moved`]).toMatchObject({ class: 'redirected', finalUrl: `${origin}/ok`, lastOk: today });
    expect(status[`${origin}/missing`]).toMatchObject({
      class: 'client-error',
      status: 404,
      failingSince: today,
      lastOk: null,
      archive: null,
    });
    expect(status[refusedNamed]).toMatchObject({ class: 'refused', detail: 'ECONNREFUSED', failingSince: today });
  });

  it('merges a second run into the first: history kept, archived copies looked up once, from the API given', async () => {
    const statusFile = join(dir, 'status-history.json');
    // An older history: /missing has failed since January; a link no longer on the site keeps its entry.
    const gone = {
      checked: '2026-01-05',
      class: 'ok',
      status: 200,
      finalUrl: 'https://gone.example/',
      detail: null,
      failingSince: null,
      lastOk: '2026-01-05',
      archive: null,
    };
    const old = {
      ...gone,
      class: 'client-error',
      status: 404,
      finalUrl: `${origin}/missing`,
      failingSince: '2026-01-05',
      lastOk: '2025-12-01',
    };
    await writeFile(statusFile, JSON.stringify({ 'https://gone.example/': gone, [`${origin}/missing`]: old }));
    const links = [`${origin}/ok`, `${origin}/missing`, `${origin}/toggle`];
    const dist = await site('dist-history', links);
    const args = ['--dist', dist, '--out', join(dir, 'r-history'), '--status-file', statusFile, '--retries', '0'];
    const env = { LINK_MONITOR_ARCHIVE_API: `${archiveOrigin}/wayback/available` };
    archiveQueries.length = 0;

    const first = await runScript(args, env);
    expect(first.code, first.stderr).toBe(0);
    const one = await readStatus(statusFile);
    const today = one[`${origin}/ok`]!.checked;
    expect(one['https://gone.example/']).toEqual(gone);
    expect(one[`${origin}/toggle`]).toMatchObject({ class: 'ok', lastOk: today, failingSince: null });
    expect(one[`${origin}/missing`]).toMatchObject({
      checked: today,
      failingSince: '2026-01-05',
      lastOk: '2025-12-01',
      archive: { url: `https://web.archive.org/web/20261130081500/${origin}/missing`, date: '2026-11-30' },
    });
    // Asked for the snapshot closest to the day the link last worked.
    expect(archiveQueries.map((q) => [q.get('url'), q.get('timestamp')])).toEqual([[`${origin}/missing`, '20251201']]);
    expect(first.stderr).toContain('archived copies: 1 of 1 failing links without one');

    // The second run: /toggle now answers 404 (the fake server answers 200 only the first time).
    archiveQueries.length = 0;
    const second = await runScript(args, env);
    expect(second.code, second.stderr).toBe(0);
    const two = await readStatus(statusFile);
    expect(two[`${origin}/toggle`]).toMatchObject({
      class: 'client-error',
      status: 404,
      failingSince: today,
      lastOk: today,
      archive: { date: '2026-11-30' },
    });
    expect(two[`${origin}/missing`]).toEqual(one[`${origin}/missing`]);
    expect(two['https://gone.example/']).toEqual(gone);
    expect(archiveQueries.map((q) => q.get('url'))).toEqual([`${origin}/toggle`]);
  });

  it('reports an unparsable URL in a <link> and goes on', async () => {
    const dist = await site('dist-bad-link', [`${origin}/ok`], '<link rel="alternate" href="http://[::1">');
    const statusFile = join(dir, 'status-bad.json');
    const { code, stderr } = await runScript([
      '--dist',
      dist,
      '--out',
      join(dir, 'r-bad'),
      '--status-file',
      statusFile,
    ]);
    expect(code, stderr).toBe(0);
    expect(stderr).toContain('not checking https://site.example');
    expect(Object.keys(await readStatus(statusFile))).toEqual([`${origin}/ok`]);
  });

  it('--strict fails on a broken link; a bad option or status file is a usage error', async () => {
    const dist = await site('dist-strict', [`${origin}/missing`]);
    expect(
      (await runScript(['--dist', dist, '--out', join(dir, 'r2'), '--status-file', join(dir, 's2.json'), '--strict']))
        .code,
    ).toBe(1);
    const bad = await runScript(['--dist', dist, '--timeout', 'soon']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--timeout must be a whole number');
    const none = await runScript(['--dist', join(dir, 'nothing-built')]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('run `npm run build` first');
    await writeFile(join(dir, 'broken-status.json'), JSON.stringify({ [`${origin}/x`]: { checked: 'yesterday' } }));
    const broken = await runScript(['--dist', dist, '--status-file', join(dir, 'broken-status.json')]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain(
      `The status file cannot be read: ${join(dir, 'broken-status.json')}: "${origin}/x"`,
    );
  });

  it('ends within its time limit however many links hang, and records nothing it did not reach', async () => {
    const dist = await site(
      'dist-hang',
      Array.from({ length: 12 }, (_, i) => `${origin}/hang?n=${i}`),
    );
    const statusFile = join(dir, 'status-hang.json');
    const { code, stderr } = await runScript([
      '--dist',
      dist,
      '--out',
      join(dir, 'r3'),
      '--status-file',
      statusFile,
      '--timeout',
      '60000',
      '--deadline',
      '700',
    ]);
    expect(code).toBe(0);
    expect(stderr).toContain('(stopped at the time limit)');
    const report = JSON.parse(await readFile(join(dir, 'r3', 'external-links.json'), 'utf8')) as MonitorReport;
    expect(report.timedOut).toBe(true);
    expect(report.counts['not-checked']).toBe(12);
    expect(await readStatus(statusFile)).toEqual({});
  });

  it('on a terminal, rewrites one progress line in place instead of printing a line per step', async () => {
    const dist = await site('dist-tty', [`${origin}/ok`, `${origin}/missing`, `${origin}/moved`]);
    const args = [
      join(ROOT, 'node_modules/.bin/node'),
      join(ROOT, 'scripts/check-external-links.ts'),
      ...RESOLVE,
      ...[
        '--dist',
        dist,
        '--out',
        join(dir, 'r4'),
        '--status-file',
        join(dir, 's4.json'),
        '--retries',
        '0',
        '--archive-api',
        'none',
      ],
    ];
    // util-linux `script` runs the command on a pseudo-terminal, so its stderr is a TTY; CI unset, as at a desk.
    const out = await new Promise<string>((ok) => {
      const env = { ...process.env, CI: '', SITE_URL: '', LINK_MONITOR_ALLOW_LOOPBACK: '1' };
      const child = spawn('script', ['-qec', args.map((a) => `'${a}'`).join(' '), '/dev/null'], { cwd: dir, env });
      let text = '';
      child.stdout.on('data', (d) => (text += d));
      child.on('close', () => ok(text));
    });
    expect(out).toContain('\r\x1b[Kchecked 1/3, ');
    expect(out).toContain('\r\x1b[Kchecked 3/3, 1 not OK\r\n'); // the last one ends the line
    expect(out).not.toMatch(/^checked \d/m); // no plain progress lines
    expect(out).toContain(`FAIL ${origin}/missing`);
  });

  it('without the test-only allowance, refuses the loopback fake servers', async () => {
    const dist = await site('dist-no-loopback', [`${origin}/ok`]);
    const statusFile = join(dir, 'status-no-loopback.json');
    const before = srv.requests.length;
    const { code } = await runScript(['--dist', dist, '--out', join(dir, 'r5'), '--status-file', statusFile], {
      LINK_MONITOR_ALLOW_LOOPBACK: '',
    });
    expect(code).toBe(0);
    expect((await readStatus(statusFile))[`${origin}/ok`]).toMatchObject({ class: 'blocked', detail: '127.0.0.1' });
    expect(srv.requests.length).toBe(before);
  });
});
