/**
 * The link checker's pure core: given the emitted files and the HTML of every page, every problem with
 * every link. No file system, no Astro: the integration (index.ts) reads the build output and calls this.
 *
 * Link policy (also in README.md):
 * - Internal links (relative, root-relative, or absolute to `site`) must land on an emitted file, inside
 *   `base`, written the way `trailingSlash` / `build.format` say; a `#fragment` must name an `id` (or an
 *   <a name>) on the target page, compared after percent-decoding.
 * - External URLs must pass src/lib/url-policy.ts: errors fail the build, warnings (http://, bare IPs) do not.
 * - Every external http(s) <a>/<area> carries rel="noopener noreferrer": the target page gets no handle on
 *   this one and learns nothing of where the reader came from.
 */
import { urlPolicyProblems, type PolicyProblem } from '../../lib/url-policy.ts';
import { detached, extractPage, lineIndex, type ExtractedLink } from './extract.ts';

type TrailingSlash = 'always' | 'never' | 'ignore';
type BuildFormat = 'directory' | 'file' | 'preserve';

export interface SiteConfig {
  /** Astro `base`, e.g. "/" or "/guide/". */
  base: string;
  /** Astro `site`, e.g. "https://example.org"; links to this origin are internal. */
  site?: string | undefined;
  trailingSlash: TrailingSlash;
  format: BuildFormat;
}

export interface SiteInput {
  /** Every emitted file, as a POSIX path relative to the output directory ("provinces/beijing/index.html"). */
  files: ReadonlySet<string>;
  /**
   * Every HTML file and its text, keyed like `files` (a Map will do). Each page is read once, in order, and not
   * kept: at 10,000 pages, holding them all would cost more memory than the rest of the build.
   */
  pages: Iterable<readonly [string, string]>;
}

type Rule =
  | PolicyProblem['rule']
  | 'missing-page'
  | 'missing-asset'
  | 'missing-anchor'
  | 'outside-base'
  | 'trailing-slash'
  | 'bad-encoding'
  | 'rel'
  | 'unused-allow';

export interface LinkProblem {
  level: 'error' | 'warning';
  rule: Rule;
  /** The page's URL path ("/guide/provinces/"). */
  page: string;
  /** The emitted file the page came from. */
  file: string;
  /** The link exactly as written in the attribute (entity-decoded). */
  link: string;
  /** Where it was: "a[href]", "img[srcset]", "meta[og:url]". */
  where: string;
  reason: string;
  /** First line the link is on, and how many times the page repeats it. */
  line: number;
  occurrences: number;
}

/**
 * An explicit exception. Each one names the rule it waives and says why; an entry that no longer matches
 * anything is itself reported (as a warning), so the list cannot silently outlive its reason.
 */
export interface AllowEntry {
  rule: Rule;
  /** The link as written, or a pattern for it. */
  link: string | RegExp;
  /** Only on this page (URL path); every page if omitted. */
  page?: string;
  reason: string;
}

export interface CheckResult {
  errors: LinkProblem[];
  warnings: LinkProblem[];
  /** Problems an allow-list entry waived, with the entry's reason. */
  allowed: (LinkProblem & { allowReason: string })[];
  stats: { pages: number; links: number; internal: number; external: number };
  /** Every distinct external URL and the pages that link to it: the external monitor's work list. */
  external: Map<string, Set<string>>;
}

// Resolution needs an origin; without `site` configured, a reserved name that no real link can use.
const PLACEHOLDER_ORIGIN = 'https://link-checker.invalid';

/** Whether a tag's URL is fetched as a subresource (an asset) rather than followed as a link. */
const LINK_TAGS = new Set(['a', 'area', 'link', 'form', 'meta']);

function normalizeBase(base: string): string {
  let b = base.startsWith('/') ? base : `/${base}`;
  if (!b.endsWith('/')) b += '/';
  return b;
}

/** The URL path a page is served at, from its emitted file ("en/index.html" → "/en/", "404.html" → "/404.html"). */
export function pageUrlPath(file: string, base: string): string {
  const b = normalizeBase(base);
  if (file === 'index.html') return b;
  if (file.endsWith('/index.html')) return b + file.slice(0, -'index.html'.length);
  return b + file;
}

function decode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

interface Finding {
  level: 'error' | 'warning';
  rule: Rule;
  reason: string;
}

/** What an internal URL points at: a file, or why it points at nothing. */
export function resolveInternal(
  url: URL,
  config: SiteConfig,
  files: ReadonlySet<string>,
): { file: string; finding?: Finding } | { file: null; finding: Finding } {
  const base = normalizeBase(config.base);
  const path = decode(url.pathname);
  if (path === null) {
    return {
      file: null,
      finding: { level: 'error', rule: 'bad-encoding', reason: `the path ${url.pathname} has broken percent-encoding` },
    };
  }
  let rel: string;
  if (path.startsWith(base)) rel = path.slice(base.length);
  else if (path === base.slice(0, -1)) rel = '';
  else
    return {
      file: null,
      finding: { level: 'error', rule: 'outside-base', reason: `${path} is outside the site's base ${base}` },
    };

  const looksLikePage = rel === '' || rel.endsWith('/') || rel.endsWith('.html') || !/\.[a-z0-9]+$/i.test(rel);
  const missing = (): { file: null; finding: Finding } => ({
    file: null,
    finding: looksLikePage
      ? {
          level: 'error',
          rule: 'missing-page',
          reason: `no page at ${path} (the build emitted no ${rel === '' || rel.endsWith('/') ? `${rel}index.html` : `${rel}, ${rel}.html or ${rel}/index.html`})`,
        }
      : { level: 'error', rule: 'missing-asset', reason: `no file at ${path} (the build emitted no ${rel})` },
  });

  if (rel === '' || rel.endsWith('/')) {
    const dirIndex = `${rel}index.html`;
    const asFile = rel === '' ? null : `${rel.slice(0, -1)}.html`;
    const file = files.has(dirIndex)
      ? dirIndex
      : asFile && config.format !== 'directory' && files.has(asFile)
        ? asFile
        : null;
    if (!file) return missing();
    if (config.trailingSlash === 'never' && rel !== '') {
      return {
        file,
        finding: {
          level: 'error',
          rule: 'trailing-slash',
          reason: `${path} ends in a slash but trailingSlash is "never": link to ${path.slice(0, -1)}`,
        },
      };
    }
    return { file };
  }
  if (files.has(rel)) return { file: rel };
  if (files.has(`${rel}.html`)) return { file: `${rel}.html` };
  if (files.has(`${rel}/index.html`)) {
    const file = `${rel}/index.html`;
    if (config.trailingSlash === 'always') {
      return {
        file,
        finding: {
          level: 'error',
          rule: 'trailing-slash',
          reason: `the page is at ${path}/ and trailingSlash is "always": link to ${path}/`,
        },
      };
    }
    return { file };
  }
  return missing();
}

/** A link resolved against its page: the URL without its fragment, and the fragment. */
interface Resolved {
  /** Same origin as the site, over http(s). */
  internal: boolean;
  /** http: or https: */
  web: boolean;
  href: string;
  fragment: string;
}

/** Resolves a link's value against the page's base URL; null when it is not a well-formed URL. */
export function resolveLink(value: string, baseUrl: URL, origin: string): Resolved | null {
  let url: URL;
  try {
    url = new URL(value, baseUrl);
  } catch {
    return null;
  }
  const web = url.protocol === 'http:' || url.protocol === 'https:';
  const fragment = url.hash.slice(1);
  url.hash = '';
  return { internal: web && url.origin === origin, web, href: url.href, fragment };
}

/**
 * The key under which a link's resolution can be shared between pages, or null when it depends on the page's own
 * path. An absolute http(s) URL means the same everywhere; a path from the root ("/sources/", or "//host/") the same
 * on every page with the same http(s) base origin (null: the page's base is not http(s)). Anything else ("../x/",
 * "#top", "https:x") is resolved on its page.
 */
export function cacheKey(value: string, baseOrigin: string | null): string | null {
  if (value.startsWith('/')) return baseOrigin === null ? null : `${baseOrigin} ${value}`;
  return /^https?:\/\/[^/\\]/i.test(value) ? value : null;
}

function describe(link: ExtractedLink): string {
  return link.tag === 'meta' ? `meta[${link.attr}]` : `${link.tag}[${link.attr}]`;
}

function matchesAllow(entry: AllowEntry, problem: LinkProblem): boolean {
  if (entry.rule !== problem.rule) return false;
  if (entry.page !== undefined && entry.page !== problem.page) return false;
  return typeof entry.link === 'string' ? entry.link === problem.link : entry.link.test(problem.link);
}

export function checkSite(input: SiteInput, config: SiteConfig, allow: readonly AllowEntry[] = []): CheckResult {
  const base = normalizeBase(config.base);
  const origin = config.site ? new URL(config.site).origin : PLACEHOLDER_ORIGIN;

  // One pass over the pages. A #fragment is checked against the anchors of its target page once that page has
  // been read: at once if it has (or is this page), otherwise after the pass.
  const anchorsOf = new Map<string, ReadonlySet<string>>();
  type At = Omit<LinkProblem, 'level' | 'rule' | 'reason'>;
  const later: { targetFile: string; fragment: string; at: At; offset: number }[] = [];
  // Where on its page each problem is, so that problems on one line keep the order of the links.
  const offsets = new WeakMap<LinkProblem, number>();
  // Both caches are keyed by what the answer depends on, so site-wide navigation is checked once.
  const targetCache = new Map<string, ReturnType<typeof resolveInternal>>();
  const externalCache = new Map<string, PolicyProblem[]>();
  const resolvedCache = new Map<string, Resolved | null>();
  const external = new Map<string, Set<string>>();
  const found = new Map<string, LinkProblem>();
  const stats = { pages: 0, links: 0, internal: 0, external: 0 };

  // `at` is a function: a repeat of a problem already found only counts, without finding its line again.
  const record = (file: string, link: string, offset: number, finding: Finding, at: () => At) => {
    const key = `${file}\n${link}\n${finding.rule}`;
    const seen = found.get(key);
    if (seen) return void seen.occurrences++;
    const problem = { ...finding, ...at() };
    found.set(detached(key), problem); // built from `link`, the key would keep the page's HTML alive
    offsets.set(problem, offset);
  };

  /** A missing-anchor finding, or null when the fragment names an element of `anchors`. */
  const anchorFinding = (targetFile: string, fragment: string, anchors: ReadonlySet<string>): Finding | null => {
    const decoded = decode(fragment);
    if (anchors.has(fragment) || (decoded !== null && anchors.has(decoded))) return null;
    return {
      level: 'error',
      rule: 'missing-anchor',
      reason: `no element with id "${decoded ?? fragment}" on ${pageUrlPath(targetFile, base)}`,
    };
  };

  for (const [file, html] of input.pages) {
    stats.pages++;
    const page = extractPage(html);
    anchorsOf.set(file, page.anchors);
    const pagePath = pageUrlPath(file, base);
    const pageUrl = new URL(pagePath, origin);
    let baseUrl = pageUrl;
    if (page.baseHref !== null) {
      try {
        baseUrl = new URL(page.baseHref, pageUrl);
      } catch {
        // A broken <base> is reported like any other link below.
      }
    }
    const lineAt = lineIndex(html);
    // Problems outlive the page: their copy of the link must not keep the page's HTML alive.
    const where = (link: ExtractedLink) => ({
      page: pagePath,
      file,
      link: detached(link.value),
      where: describe(link),
      line: lineAt(link.offset),
      occurrences: 1,
    });
    const report = (link: ExtractedLink, finding: Finding) =>
      record(file, link.value, link.offset, finding, () => where(link));

    const baseOrigin = baseUrl.protocol === 'http:' || baseUrl.protocol === 'https:' ? baseUrl.origin : null;
    for (const link of page.links) {
      stats.links++;
      const value = link.value;
      if (/^data:/i.test(value) && !LINK_TAGS.has(link.tag)) continue; // inline images are not links
      // The same navigation and source links are on every page: what a link resolves to is worked out once for
      // every link whose meaning does not depend on the page (cacheKey), and parsed afresh for the others.
      const key = cacheKey(value, baseOrigin);
      let resolved = key === null ? undefined : resolvedCache.get(key);
      if (resolved === undefined) {
        resolved = resolveLink(value, baseUrl, origin);
        // Kept for the whole check, so detached like the other caches' keys and values: none may hold on to the page.
        if (key !== null)
          resolvedCache.set(
            detached(key),
            resolved && { ...resolved, href: detached(resolved.href), fragment: detached(resolved.fragment) },
          );
      }
      if (resolved === null) {
        report(link, { level: 'error', rule: 'malformed', reason: 'not a well-formed URL' });
        continue;
      }
      if (resolved.internal) {
        stats.internal++;
        const fragment = resolved.fragment;
        // Keys are detached: a URL that is already normal hands back the very string it was given, part of the page.
        let target = targetCache.get(resolved.href);
        if (!target)
          targetCache.set(
            detached(resolved.href),
            (target = resolveInternal(new URL(resolved.href), config, input.files)),
          );
        if (target.finding) report(link, target.finding);
        if (target.file && fragment && target.file.endsWith('.html') && fragment.toLowerCase() !== 'top') {
          const anchors = anchorsOf.get(target.file);
          if (!anchors) later.push({ targetFile: target.file, fragment, at: where(link), offset: link.offset });
          else {
            const finding = anchorFinding(target.file, fragment, anchors);
            if (finding) report(link, finding);
          }
        }
        continue;
      }
      stats.external++;
      let problems = externalCache.get(value);
      if (!problems) {
        problems = urlPolicyProblems(detached(value));
        externalCache.set(detached(value), problems);
      }
      for (const p of problems) report(link, { level: p.level, rule: p.rule, reason: p.message });
      const web = resolved.web;
      if (web && link.rel && !(link.rel.includes('noopener') && link.rel.includes('noreferrer'))) {
        const rel = link.rel.length ? `rel="${link.rel.join(' ')}"` : 'no rel';
        report(link, {
          level: 'error',
          rule: 'rel',
          reason: `external link with ${rel}: it must carry rel="noopener noreferrer"`,
        });
      }
      if (web && !problems.some((p) => p.level === 'error')) {
        let pages = external.get(resolved.href);
        if (!pages) external.set(detached(resolved.href), (pages = new Set()));
        pages.add(pagePath);
      }
    }
  }
  for (const { targetFile, fragment, at, offset } of later) {
    const anchors = anchorsOf.get(targetFile);
    const finding = anchors && anchorFinding(targetFile, fragment, anchors);
    if (finding) record(at.file, at.link, offset, finding, () => at);
  }

  const errors: LinkProblem[] = [];
  const warnings: LinkProblem[] = [];
  const allowed: CheckResult['allowed'] = [];
  const used = new Set<AllowEntry>();
  for (const problem of found.values()) {
    const entry = allow.find((e) => matchesAllow(e, problem));
    if (entry) {
      used.add(entry);
      allowed.push({ ...problem, allowReason: entry.reason });
    } else {
      (problem.level === 'error' ? errors : warnings).push(problem);
    }
  }
  const order = (a: LinkProblem, b: LinkProblem) =>
    a.page < b.page ? -1 : a.page > b.page ? 1 : a.line - b.line || (offsets.get(a) ?? 0) - (offsets.get(b) ?? 0);
  errors.sort(order);
  warnings.sort(order);
  // Stale allow-list entries go last: they belong to no page.
  for (const entry of allow) {
    if (used.has(entry)) continue;
    warnings.push({
      level: 'warning',
      rule: 'unused-allow',
      page: entry.page ?? '*',
      file: '',
      link: String(entry.link),
      where: 'allow-list',
      reason: `allow-list entry for rule "${entry.rule}" matches nothing any more; remove it (${entry.reason})`,
      line: 0,
      occurrences: 0,
    });
  }
  return { errors, warnings, allowed, stats, external };
}
