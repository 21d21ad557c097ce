/**
 * The external link monitor's core: checks URLs over the network and classifies each one.
 * HEAD first, GET when HEAD is refused, errs or times out; redirects followed by hand so the chain is recorded, loops
 * caught and every hop's address checked (guard.ts); retries with exponential backoff on 5xx, timeouts and network
 * errors, and after the server's Retry-After (429, 503) up to a bound; bounded concurrency overall and per host; a
 * hard limit for the whole run. Run by scripts/check-external-links.ts.
 */
import { fetch, type Agent } from 'undici';
import { CLASS_GROUP, LINK_CLASSES, type LinkClass, type LinkGroup } from '../../src/lib/link-status.ts';
import { BLOCKED_CODE, guardedAgent, systemResolver, type Resolver } from './guard.ts';

interface Hop {
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
  /** The error code or a short reason, for everything that is not a plain status; the address, for `blocked`. */
  detail: string | null;
  ms: number;
  checkedAt: string;
}

export interface MonitorOptions {
  /** Per request, milliseconds. */
  timeoutMs: number;
  /** Extra attempts after the first, for 429, 5xx, timeouts and network errors. */
  retries: number;
  /** The first retry waits this long; each further one twice as long. */
  backoffMs: number;
  /** The longest Retry-After the monitor waits for; a longer one ends the check at once. */
  maxRetryAfterMs: number;
  concurrency: number;
  perHost: number;
  /** The whole run, milliseconds: links not done by then are "not-checked". */
  deadlineMs: number;
  maxRedirects: number;
  userAgent: string;
  /** Test-only: the fake servers live on 127.0.0.1, which the monitor otherwise refuses. */
  allowLoopback: boolean;
}

export const DEFAULT_OPTIONS: MonitorOptions = {
  timeoutMs: 10_000,
  retries: 2,
  backoffMs: 500,
  maxRetryAfterMs: 20_000,
  concurrency: 8,
  perHost: 2,
  deadlineMs: 120_000,
  maxRedirects: 10,
  userAgent: 'Mozilla/5.0 (compatible; icp-deregistration-guide link monitor)',
  allowLoopback: false,
};

/** What the monitor uses from the outside world; the tests replace DNS and the clock's waits. */
export interface MonitorDeps {
  resolver: Resolver;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'EAI_NODATA']);
const TIMEOUT_CODES = new Set([
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);
const TLS_CODE =
  /^(?:ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|HOSTNAME_MISMATCH|ERR_OSSL_)/;

function errorCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const e = error as { code?: unknown; errors?: unknown[] };
  if (typeof e.code === 'string') return e.code;
  // Happy-eyeballs connects to several addresses and reports an AggregateError of their failures.
  if (Array.isArray(e.errors))
    for (const inner of e.errors) {
      const code = errorCode(inner);
      if (code) return code;
    }
  return null;
}

/** Maps a fetch failure to a class. `fetch failed` hides the real error in `cause`. */
export function classifyError(error: unknown): { class: LinkClass; detail: string } {
  const err = error as { name?: string; message?: string; cause?: unknown };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError')
    return { class: 'timeout', detail: 'no response within the time limit' };
  const cause = err?.cause ?? error;
  const code = errorCode(cause) ?? errorCode(error);
  const message = (cause as { message?: string })?.message ?? err?.message ?? String(error);
  if (code === BLOCKED_CODE) return { class: 'blocked', detail: (cause as { address: string }).address };
  if (code && DNS_CODES.has(code)) return { class: 'dns-failure', detail: code };
  if (code === 'ECONNREFUSED') return { class: 'refused', detail: code };
  if (code && TIMEOUT_CODES.has(code)) return { class: 'timeout', detail: code };
  if ((code && TLS_CODE.test(code)) || /certificate|ssl|tls/i.test(message))
    return { class: 'tls-error', detail: code ?? message };
  return { class: 'network-error', detail: code ?? message };
}

/** Retry-After in milliseconds (delta-seconds or an HTTP date), or null when absent or unreadable. */
export function retryAfterMs(value: string | null, now: number): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

const NOT_CHECKED = 'the run reached its time limit first';

const abortableSleep: MonitorDeps['sleep'] = (ms, signal) =>
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

type HopOutcome =
  { status: number; method: 'HEAD' | 'GET'; location: string | null; retryAfter: string | null } | { error: unknown };

interface Context {
  options: MonitorOptions;
  deps: MonitorDeps;
  agent: Agent;
  deadline: AbortSignal;
}

async function request(url: string, method: 'HEAD' | 'GET', ctx: Context): Promise<HopOutcome> {
  try {
    const response = await fetch(url, {
      method,
      redirect: 'manual',
      dispatcher: ctx.agent,
      signal: AbortSignal.any([AbortSignal.timeout(ctx.options.timeoutMs), ctx.deadline]),
      headers: { 'user-agent': ctx.options.userAgent, accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
    });
    // Only the status matters: do not download the body.
    await response.body?.cancel().catch(() => {});
    const { headers } = response;
    return {
      status: response.status,
      method,
      location: headers.get('location'),
      retryAfter: headers.get('retry-after'),
    };
  } catch (error) {
    return { error };
  }
}

/** Failures a GET might not share: HEAD's own time-out, reset or other error (not DNS, refusal, TLS or a block). */
const GET_AFTER_HEAD_ERROR = new Set<LinkClass>(['timeout', 'network-error']);

/** A status that may be HEAD's alone: 400 or more (405, 501, and many answer 403/404/5xx), or an odd 304. */
function getMightDiffer(head: Extract<HopOutcome, { status: number }>): boolean {
  // "Come back later" (429, or 503 with Retry-After) is about the client, not the method: do not ask again at once.
  if (head.status === 429 || (head.status === 503 && head.retryAfter !== null)) return false;
  return head.status >= 400 || head.status === 304;
}

/** One hop: HEAD, then GET when HEAD's answer may be HEAD's alone, or HEAD timed out, was reset or failed otherwise. */
async function hop(url: string, ctx: Context): Promise<HopOutcome> {
  const head = await request(url, 'HEAD', ctx);
  if (ctx.deadline.aborted) return head;
  if ('error' in head ? !GET_AFTER_HEAD_ERROR.has(classifyError(head.error).class) : !getMightDiffer(head)) return head;
  return request(url, 'GET', ctx);
}

/** How long to wait before trying a hop again, or null to stop. */
function retryDelay(outcome: HopOutcome, attempt: number, ctx: Context): number | null {
  const backoff = ctx.options.backoffMs * 2 ** (attempt - 1);
  if ('error' in outcome) {
    const { class: cls, detail } = classifyError(outcome.error);
    // A name that does not exist, a bad certificate or a refused address will not change on a retry.
    if (cls === 'tls-error' || cls === 'blocked' || (cls === 'dns-failure' && detail !== 'EAI_AGAIN')) return null;
    return backoff;
  }
  if (outcome.status !== 429 && (outcome.status < 500 || outcome.status > 599)) return null;
  if (outcome.status !== 429 && outcome.status !== 503) return backoff;
  const asked = retryAfterMs(outcome.retryAfter, Date.now());
  if (asked === null) return backoff;
  return asked <= ctx.options.maxRetryAfterMs ? asked : null;
}

const REDIRECT_CODES = new Set([301, 302, 303, 307, 308]);

/** Checks one URL to its end: follows redirects, retries what may be passing trouble. Never throws. */
async function check(url: string, ctx: Context): Promise<LinkResult> {
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

  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    // Reported, not thrown: the rest of the run goes on.
  }
  if (!parsed || !/^https?:$/.test(parsed.protocol)) return finish('invalid-url', null, 'not an absolute http(s) URL');

  for (;;) {
    let outcome: HopOutcome;
    attempts = 0;
    for (;;) {
      attempts++;
      outcome = await hop(current, ctx);
      if (attempts > ctx.options.retries || ctx.deadline.aborted) break;
      const delay = retryDelay(outcome, attempts, ctx);
      if (delay === null) break;
      await ctx.deps.sleep(delay, ctx.deadline);
    }
    if ('error' in outcome) {
      // Aborted by the run's limit (not by this request's own timeout): we learnt nothing about the link.
      if (ctx.deadline.aborted && (outcome.error as { name?: string })?.name === 'AbortError') {
        return finish('not-checked', redirects.at(-1)?.status ?? null, NOT_CHECKED);
      }
      const { class: cls, detail } = classifyError(outcome.error);
      return finish(cls, redirects.at(-1)?.status ?? null, detail);
    }
    const { status, location } = outcome;
    if (REDIRECT_CODES.has(status) || (status === 300 && location)) {
      if (!location) return finish('bad-redirect', status, `${status} without a Location header`);
      let next: URL;
      try {
        next = new URL(location, current);
      } catch {
        return finish('bad-redirect', status, `${status} to an unusable Location: ${location}`);
      }
      redirects.push({ url: current, method: outcome.method, status, location: next.href });
      // file:, javascript:, data:… no browser follows these from a web page, and no retry will change that.
      if (!/^https?:$/.test(next.protocol))
        return finish('bad-redirect', status, `${status} to a ${next.protocol} URL`);
      if (seen.has(next.href)) {
        current = next.href;
        return finish('redirect-loop', status, `redirect loop back to ${next.href}`);
      }
      if (redirects.length > ctx.options.maxRedirects)
        return finish('too-many-redirects', status, `more than ${ctx.options.maxRedirects} redirects`);
      seen.add(next.href);
      current = next.href;
      continue;
    }
    if (status >= 200 && status < 300) return finish(redirects.length ? 'redirected' : 'ok', status, null);
    if (status === 429)
      return finish('rate-limited', status, outcome.retryAfter ? `Retry-After: ${outcome.retryAfter}` : null);
    if (status >= 400 && status < 500) return finish('client-error', status, null);
    if (status >= 500 && status < 600) return finish('server-error', status, null);
    // 1xx as a final answer, 304 to a request that was not conditional, 300 without a choice, 999 and the like.
    return finish('odd-status', status, null);
  }
}

function context(options: MonitorOptions, deps: Partial<MonitorDeps>, deadline: AbortSignal): Context {
  const full: MonitorDeps = { resolver: systemResolver, sleep: abortableSleep, ...deps };
  const agent = guardedAgent({
    resolver: full.resolver,
    allowLoopback: options.allowLoopback,
    connectTimeoutMs: options.timeoutMs,
  });
  return { options, deps: full, agent, deadline };
}

/** Checks one URL (its own connection pool, closed afterwards). */
export async function checkUrl(
  url: string,
  options: MonitorOptions,
  deps: Partial<MonitorDeps> = {},
  deadline: AbortSignal = new AbortController().signal,
): Promise<LinkResult> {
  const ctx = context(options, deps, deadline);
  try {
    return await check(url, ctx);
  } finally {
    await ctx.agent.destroy().catch(() => {});
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
  deps: Partial<MonitorDeps> = {},
): Promise<MonitorRun> {
  const startedAt = new Date();
  const started = performance.now();
  const controller = new AbortController();
  const deadlineTimer = setTimeout(() => controller.abort(), options.deadlineMs);
  const ctx = context(options, deps, controller.signal);
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
        void check(url, ctx)
          .catch((error: unknown): LinkResult => ({
            ...notChecked(url),
            class: 'network-error',
            group: 'unreachable',
            detail: String(error),
          }))
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
  await ctx.agent.destroy().catch(() => {});
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
