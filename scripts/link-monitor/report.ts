/** The run's own report (reports/external-links.json and .md): every detail of one run, for the maintainer. */
import { LINK_CLASSES, type LinkClass, type LinkGroup } from '../../src/lib/link-status.ts';
import { countByClass, type LinkResult, type MonitorOptions, type MonitorRun } from './monitor.ts';

/** reports/external-links.json: the run, not the history (that is content/link-status/links.json). */
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

export function buildReport(
  run: MonitorRun,
  options: MonitorOptions,
  pages: ReadonlyMap<string, Iterable<string>>,
): MonitorReport {
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
  'rate-limited': 'rate limited',
  'odd-status': 'unusual status',
  blocked: 'blocked (non-public address)',
  'client-error': 'client error',
  'server-error': 'server error',
  'bad-redirect': 'bad redirect',
  'redirect-loop': 'redirect loop',
  'too-many-redirects': 'too many redirects',
  'invalid-url': 'invalid URL',
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
    ['unknown', 'Not confirmed or not checked'],
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
