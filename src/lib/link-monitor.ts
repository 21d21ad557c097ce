/**
 * The external link monitor's core: checks URLs over the network and classifies each one.
 * HEAD first, GET when HEAD is refused; redirects followed by hand so the chain is recorded and loops are
 * caught; retries with exponential backoff on 5xx, timeouts and network errors; bounded concurrency overall
 * and per host; a hard limit for the whole run. Run by scripts/check-external-links.ts.
 * Uses only Node's built-in fetch (undici): no dependencies.
 */

export const LINK_CLASSES = [
  'ok',
  'redirected',
  'client-error',
  'server-error',
  'redirect-loop',
  'too-many-redirects',
  'timeout',
  'dns-failure',
  'refused',
  'tls-error',
  'network-error',
  'not-checked',
] as const;
export type LinkClass = (typeof LINK_CLASSES)[number];

/** What a class means to a reader: the page works, the page is gone, or we could not reach the server. */
export type LinkGroup = 'ok' | 'broken' | 'unreachable' | 'unknown';
export const CLASS_GROUP: Record<LinkClass, LinkGroup> = {
  ok: 'ok',
  redirected: 'ok',
  'client-error': 'broken',
  'server-error': 'broken',
  'redirect-loop': 'broken',
  'too-many-redirects': 'broken',
  timeout: 'unreachable',
  'dns-failure': 'unreachable',
  refused: 'unreachable',
  'tls-error': 'unreachable',
  'network-error': 'unreachable',
  'not-checked': 'unknown',
};

export interface Hop {
  url: string;
  method: 'HEAD' | 'GET';
  status: number;
  /** The absolute URL the Location header points to. */
  location: string;
}

export interface LinkResult {
  url: string;
  class: LinkClass;
  group: LinkGroup;
  /** The last HTTP status seen, if any. */
  status: number | null;
  finalUrl: string;
  redirects: Hop[];
  /** Requests made for the last hop, counting retries (HEAD and its GET fallback count as one attempt). */
  attempts: number;
  /** The error code or a short reason, for everything that is not a plain status. */
  detail: string | null;
  ms: number;
  checkedAt: string;
}

export interface MonitorOptions {
  /** Per request, milliseconds. */
  timeoutMs: number;
  /** Extra attempts after the first, for 5xx, timeouts and network errors. */
  retries: number;
  /** The first retry waits this long; each further one twice as long. */
  backoffMs: number;
  concurrency: number;
  perHost: number;
  /** The whole run, milliseconds: links not done by then are "not-checked". */
  deadlineMs: number;
  maxRedirects: number;
  userAgent: string;
}

export const DEFAULT_OPTIONS: MonitorOptions = {
  timeoutMs: 10_000,
  retries: 2,
  backoffMs: 500,
  concurrency: 8,
  perHost: 2,
  deadlineMs: 120_000,
  maxRedirects: 10,
  userAgent: 'Mozilla/5.0 (compatible; icp-deregistration-guide link monitor)',
};

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'EAI_NODATA']);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
const TLS_CODE = /^(?:ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|HOSTNAME_MISMATCH|ERR_OSSL_)/;

function errorCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const e = error as { code?: unknown; errors?: unknown[] };
  if (typeof e.code === 'string') return e.code;
  // Happy-eyeballs connects to several addresses and reports an AggregateError of their failures.
  if (Array.isArray(e.errors)) for (const inner of e.errors) {
    const code = errorCode(inner);
    if (code) return code;
  }
  return null;
}

/** Maps a fetch failure to a class. `fetch failed` hides the real error in `cause`. */
export function classifyError(error: unknown): { class: LinkClass; detail: string } {
  const err = error as { name?: string; message?: string; cause?: unknown };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return { class: 'timeout', detail: 'no response within the time limit' };
  const cause = err?.cause ?? error;
  const code = errorCode(cause) ?? errorCode(error);
  const message = (cause as { message?: string })?.message ?? err?.message ?? String(error);
  if (code && DNS_CODES.has(code)) return { class: 'dns-failure', detail: code };
  if (code === 'ECONNREFUSED') return { class: 'refused', detail: code };
  if (code && TIMEOUT_CODES.has(code)) return { class: 'timeout', detail: code };
  if ((code && TLS_CODE.test(code)) || /certificate|ssl|tls/i.test(message)) return { class: 'tls-error', detail: code ?? message };
  return { class: 'network-error', detail: code ?? message };
}

const NOT_CHECKED = 'the run reached its time limit first';

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });

type HopOutcome = { status: number; method: 'HEAD' | 'GET'; location: string | null } | { error: unknown };

async function request(url: string, method: 'HEAD' | 'GET', options: MonitorOptions, deadline: AbortSignal): Promise<HopOutcome> {
  try {
    const response = await fetch(url, {
      method,
      redirect: 'manual',
      signal: AbortSignal.any([AbortSignal.timeout(options.timeoutMs), deadline]),
      headers: { 'user-agent': options.userAgent, accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
    });
    // Only the status matters: do not download the body.
    await response.body?.cancel().catch(() => {});
    return { status: response.status, method, location: response.headers.get('location') };
  } catch (error) {
    return { error };
  }
}

/** One hop: HEAD, and GET when the server refuses or mishandles HEAD (405, 501, and many answer 403/404/5xx). */
async function hop(url: string, options: MonitorOptions, deadline: AbortSignal): Promise<HopOutcome> {
  const head = await request(url, 'HEAD', options, deadline);
  // A network error would only repeat with GET; a status may be HEAD's alone.
  if ('error' in head || head.status < 400 || deadline.aborted) return head;
  return request(url, 'GET', options, deadline);
}

/** 5xx and network trouble may pass; a name that does not exist or a bad certificate will not. */
function retryable(outcome: HopOutcome): boolean {
  if (!('error' in outcome)) return outcome.status >= 500;
  const { class: cls, detail } = classifyError(outcome.error);
  return !(cls === 'tls-error' || (cls === 'dns-failure' && detail !== 'EAI_AGAIN'));
}

/** Checks one URL to its end: follows redirects, retries what may be passing trouble. */
export async function checkUrl(url: string, options: MonitorOptions, deadline: AbortSignal = new AbortController().signal): Promise<LinkResult> {
  const started = performance.now();
  const redirects: Hop[] = [];
  const seen = new Set([url]);
  let current = url;
  let attempts = 0;
  const finish = (cls: LinkClass, status: number | null, detail: string | null): LinkResult => ({
    url,
    class: cls,
    group: CLASS_GROUP[cls],
    status,
    finalUrl: current,
    redirects,
    attempts,
    detail,
    ms: Math.round(performance.now() - started),
    checkedAt: new Date().toISOString(),
  });

  for (;;) {
    let outcome: HopOutcome;
    attempts = 0;
    for (;;) {
      attempts++;
      outcome = await hop(current, options, deadline);
      if (!retryable(outcome) || attempts > options.retries || deadline.aborted) break;
      await sleep(options.backoffMs * 2 ** (attempts - 1), deadline);
    }
    if ('error' in outcome) {
      // Aborted by the run's limit (not by this request's own timeout): we learnt nothing about the link.
      if (deadline.aborted && (outcome.error as { name?: string })?.name === 'AbortError') {
        return finish('not-checked', redirects.at(-1)?.status ?? null, NOT_CHECKED);
      }
      const { class: cls, detail } = classifyError(outcome.error);
      return finish(cls, redirects.at(-1)?.status ?? null, detail);
    }
    const { status, location } = outcome;
    if (status >= 300 && status < 400 && status !== 304) {
      if (!location) return finish('server-error', status, `${status} without a Location header`);
      let next: string;
      try {
        next = new URL(location, current).href;
      } catch {
        return finish('server-error', status, `${status} to an unusable Location: ${location}`);
      }
      redirects.push({ url: current, method: outcome.method, status, location: next });
      if (seen.has(next)) {
        current = next;
        return finish('redirect-loop', status, `redirect loop back to ${next}`);
      }
      if (redirects.length > options.maxRedirects) return finish('too-many-redirects', status, `more than ${options.maxRedirects} redirects`);
      seen.add(next);
      current = next;
      continue;
    }
    if (status >= 200 && status < 300) return finish(redirects.length ? 'redirected' : 'ok', status, null);
    if (status >= 500) return finish('server-error', status, null);
    return finish('client-error', status, null);
  }
}

export interface MonitorRun {
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  /** True when the run hit its time limit before every link was done. */
  timedOut: boolean;
  results: LinkResult[];
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

/**
 * Checks every URL, at most `concurrency` at a time and `perHost` per host (by the URL's own host; the hops
 * of a redirect chain are not counted against their hosts). `onResult` sees each result as it lands.
 */
export async function runMonitor(
  urls: readonly string[],
  options: MonitorOptions,
  onResult: (result: LinkResult, done: number, total: number) => void = () => {},
): Promise<MonitorRun> {
  const startedAt = new Date();
  const started = performance.now();
  const controller = new AbortController();
  const deadlineTimer = setTimeout(() => controller.abort(), options.deadlineMs);
  const queue = [...new Set(urls)];
  const total = queue.length;
  const results: LinkResult[] = [];
  const perHost = new Map<string, number>();
  let active = 0;

  await new Promise<void>((resolveAll) => {
    const pump = () => {
      if (controller.signal.aborted) {
        // Nothing new starts after the limit; in-flight requests were aborted and will land as not-checked.
        while (queue.length) {
          const url = queue.shift()!;
          const result = notChecked(url);
          results.push(result);
          onResult(result, results.length, total);
        }
      }
      while (active < options.concurrency && queue.length) {
        const index = queue.findIndex((u) => (perHost.get(hostOf(u)) ?? 0) < options.perHost);
        if (index === -1) break;
        const [url] = queue.splice(index, 1) as [string];
        const host = hostOf(url);
        perHost.set(host, (perHost.get(host) ?? 0) + 1);
        active++;
        checkUrl(url, options, controller.signal)
          .catch((error: unknown) => ({ ...notChecked(url), class: 'network-error' as const, group: 'unreachable' as const, detail: String(error) }))
          .then((result) => {
            active--;
            perHost.set(host, (perHost.get(host) ?? 1) - 1);
            results.push(result);
            onResult(result, results.length, total);
            pump();
          });
      }
      if (active === 0 && queue.length === 0) resolveAll();
    };
    controller.signal.addEventListener('abort', pump, { once: true });
    pump();
  });
  clearTimeout(deadlineTimer);
  const order = new Map(urls.map((u, i) => [u, i]));
  results.sort((a, b) => (order.get(a.url) ?? 0) - (order.get(b.url) ?? 0));
  return {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    durationMs: Math.round(performance.now() - started),
    timedOut: controller.signal.aborted,
    results,
  };
}

function notChecked(url: string): LinkResult {
  return {
    url,
    class: 'not-checked',
    group: 'unknown',
    status: null,
    finalUrl: url,
    redirects: [],
    attempts: 0,
    detail: NOT_CHECKED,
    ms: 0,
    checkedAt: new Date().toISOString(),
  };
}

export function countByClass(results: readonly LinkResult[]): Record<LinkClass, number> {
  const counts = Object.fromEntries(LINK_CLASSES.map((c) => [c, 0])) as Record<LinkClass, number>;
  for (const r of results) counts[r.class]++;
  return counts;
}

/** The report file the monitor writes and the site reads (reports/external-links.json). */
export interface MonitorReport {
  version: 1;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  timedOut: boolean;
  options: MonitorOptions;
  counts: Record<LinkClass, number>;
  links: (LinkResult & { pages: string[] })[];
}

export function buildReport(run: MonitorRun, options: MonitorOptions, pages: ReadonlyMap<string, Iterable<string>>): MonitorReport {
  return {
    version: 1,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    durationMs: run.durationMs,
    timedOut: run.timedOut,
    options,
    counts: countByClass(run.results),
    links: run.results.map((r) => ({ ...r, pages: [...(pages.get(r.url) ?? [])].sort() })),
  };
}

const CLASS_TEXT: Record<LinkClass, string> = {
  ok: 'OK',
  redirected: 'redirected',
  'client-error': 'client error',
  'server-error': 'server error',
  'redirect-loop': 'redirect loop',
  'too-many-redirects': 'too many redirects',
  timeout: 'timeout',
  'dns-failure': 'DNS failure',
  refused: 'connection refused',
  'tls-error': 'TLS error',
  'network-error': 'network error',
  'not-checked': 'not checked',
};

function describeResult(r: LinkResult): string {
  const status = r.status !== null ? ` ${r.status}` : '';
  const detail = r.detail ? ` (${r.detail})` : '';
  const to = r.redirects.length ? ` → ${r.finalUrl}` : '';
  return `${CLASS_TEXT[r.class]}${status}${detail}${to}`;
}

/** The readable summary (reports/external-links.md): counts, then every link that is not OK with its pages. */
export function summaryMarkdown(report: MonitorReport): string {
  const lines = [
    `# External links, ${report.startedAt.slice(0, 10)}`,
    '',
    `Checked ${report.links.length} external links from ${report.startedAt} to ${report.finishedAt} (${(report.durationMs / 1000).toFixed(1)} s)${report.timedOut ? ', stopped at the time limit' : ''}.`,
    '',
    '| Status | Links |',
    '| --- | ---: |',
    ...LINK_CLASSES.filter((c) => report.counts[c] > 0).map((c) => `| ${CLASS_TEXT[c]} | ${report.counts[c]} |`),
    '',
  ];
  const groups: [LinkGroup, string][] = [
    ['broken', 'Broken (the server answered, the page is not there)'],
    ['unreachable', 'Unreachable (no answer from the server)'],
    ['unknown', 'Not checked'],
    ['ok', 'Working'],
  ];
  for (const [group, title] of groups) {
    const links = report.links.filter((l) => l.group === group);
    if (!links.length) continue;
    lines.push(`## ${title}: ${links.length}`, '');
    for (const l of links) {
      lines.push(`- ${l.url}: ${describeResult(l)}${l.pages.length ? `; on ${l.pages.join(', ')}` : ''}`);
      for (const h of l.redirects) lines.push(`  - ${h.method} ${h.url} → ${h.status} → ${h.location}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** One line per finished link, for logs. */
export function resultLine(r: LinkResult): string {
  return `${r.group === 'ok' ? 'ok  ' : 'FAIL'} ${r.url} → ${describeResult(r)}`;
}
