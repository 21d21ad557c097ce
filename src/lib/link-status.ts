/**
 * The last known status of the site's external links, from the monitor's report
 * (npm run check:links:external writes reports/external-links.json). Read at build time; when there is
 * no report, nothing is shown. ICP_LINK_REPORT points the build at another report file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LinkClass, MonitorReport } from './link-monitor.ts';

export interface LinkStatus {
  class: LinkClass;
  status: number | null;
  /** The date of the check, YYYY-MM-DD (UTC). */
  date: string;
}

export const DEFAULT_LINK_REPORT = 'reports/external-links.json';

/** The key both the monitor and the site use for a URL: parsed, fragment dropped. */
export function linkKey(url: string): string | null {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href;
  } catch {
    return null;
  }
}

/** Parses a report into URL → status; "not-checked" entries say nothing and are left out. */
export function parseLinkReport(text: string, source = 'the link report'): Map<string, LinkStatus> {
  let report: MonitorReport;
  try {
    report = JSON.parse(text) as MonitorReport;
  } catch (error) {
    throw new Error(`${source} is not valid JSON (${(error as Error).message}); rerun npm run check:links:external or delete it`);
  }
  if (report?.version !== 1 || !Array.isArray(report.links)) {
    throw new Error(`${source} is not an external-links report (version 1); rerun npm run check:links:external or delete it`);
  }
  const map = new Map<string, LinkStatus>();
  for (const link of report.links) {
    const key = linkKey(link.url);
    if (!key || link.class === 'not-checked') continue;
    map.set(key, { class: link.class, status: link.status, date: link.checkedAt.slice(0, 10) });
  }
  return map;
}

// Keyed by the name as given: every link on every page asks, and resolving the path each time cost more than the rest.
const cache = new Map<string, Map<string, LinkStatus> | null>();

/** The statuses from the report file, or null when there is none. Read once per build. */
export function loadLinkStatuses(file = process.env['ICP_LINK_REPORT'] || DEFAULT_LINK_REPORT): Map<string, LinkStatus> | null {
  let statuses = cache.get(file);
  if (statuses === undefined) {
    const path = resolve(file);
    cache.set(file, (statuses = existsSync(path) ? parseLinkReport(readFileSync(path, 'utf8'), path) : null));
  }
  return statuses;
}

const LABELS: Record<Exclude<LinkClass, 'not-checked'>, { zh: string; en: string }> = {
  ok: { zh: '可以打开', en: 'working' },
  redirected: { zh: '可以打开（有跳转）', en: 'working (redirects)' },
  'client-error': { zh: '失效', en: 'broken' },
  'server-error': { zh: '服务器出错', en: 'server error' },
  'redirect-loop': { zh: '失效（循环跳转）', en: 'broken (redirect loop)' },
  'too-many-redirects': { zh: '失效（跳转过多）', en: 'broken (too many redirects)' },
  timeout: { zh: '无响应（超时）', en: 'no response (timed out)' },
  'dns-failure': { zh: '无法访问（域名无法解析）', en: 'unreachable (domain not found)' },
  refused: { zh: '无法访问（连接被拒绝）', en: 'unreachable (connection refused)' },
  'tls-error': { zh: '无法访问（TLS 证书错误）', en: 'unreachable (TLS or certificate error)' },
  'network-error': { zh: '无法访问（网络错误）', en: 'unreachable (network error)' },
};

/** "broken (HTTP 404)" / "失效（HTTP 404）": the class in words, with the status code where there is one. */
export function statusLabel(status: LinkStatus, lang: 'zh' | 'en'): string {
  if (status.class === 'not-checked') return '';
  const label = LABELS[status.class][lang];
  const code = status.status !== null && (status.class === 'client-error' || status.class === 'server-error') ? status.status : null;
  if (code === null) return label;
  return lang === 'zh' ? `${label}（HTTP ${code}）` : `${label} (HTTP ${code})`;
}
