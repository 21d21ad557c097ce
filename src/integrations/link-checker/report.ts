/** Turns a CheckResult into the build log's lines and the JSON report. */
import type { CheckResult, LinkProblem, SiteConfig } from './check-site.ts';

/** `page → link → reason`, one line per problem, grouped under a "page (count)" heading. */
export function problemLines(problems: readonly LinkProblem[]): string[] {
  const lines: string[] = [];
  let current: string | null = null;
  const perPage = new Map<string, number>();
  for (const p of problems) perPage.set(p.page, (perPage.get(p.page) ?? 0) + 1);
  for (const p of problems) {
    if (p.page !== current) {
      current = p.page;
      const n = perPage.get(p.page) ?? 0;
      lines.push(`${p.page} (${n} ${n === 1 ? 'problem' : 'problems'}, ${p.file || 'config'})`);
    }
    const times = p.occurrences > 1 ? ` (${p.occurrences}×)` : '';
    lines.push(`  ${p.page} → ${p.link} → ${p.reason} [${p.rule}, ${p.where}, line ${p.line}]${times}`);
  }
  return lines;
}

/** "insecure: 38, bare-ip: 1": warnings are counted per rule in the log and listed in full in the JSON. */
function countByRule(problems: readonly LinkProblem[]): string {
  const counts = new Map<string, number>();
  for (const p of problems) counts.set(p.rule, (counts.get(p.rule) ?? 0) + 1);
  return [...counts].map(([rule, n]) => `${rule}: ${n}`).join(', ');
}

export function summaryLine(result: CheckResult, ms: number): string {
  const { stats, errors, warnings } = result;
  const pages = new Set(errors.map((e) => e.page)).size;
  const head = `${stats.pages} pages, ${stats.links} links (${stats.internal} internal, ${stats.external} external) checked in ${Math.round(ms)} ms`;
  const err = `${errors.length} ${errors.length === 1 ? 'error' : 'errors'}${errors.length ? ` on ${pages} ${pages === 1 ? 'page' : 'pages'}` : ''}`;
  const warn = `${warnings.length} ${warnings.length === 1 ? 'warning' : 'warnings'}${warnings.length ? ` (${countByRule(warnings)})` : ''}`;
  const allowed = result.allowed.length ? `, ${result.allowed.length} allowed by the allow-list` : '';
  return `${head}: ${err}, ${warn}${allowed}`;
}

export interface JsonReport {
  generatedAt: string;
  durationMs: number;
  config: SiteConfig;
  stats: CheckResult['stats'];
  errors: LinkProblem[];
  warnings: LinkProblem[];
  allowed: CheckResult['allowed'];
  external: { url: string; pages: string[] }[];
}

export function jsonReport(result: CheckResult, config: SiteConfig, ms: number, now = new Date()): JsonReport {
  return {
    generatedAt: now.toISOString(),
    durationMs: Math.round(ms),
    config,
    stats: result.stats,
    errors: result.errors,
    warnings: result.warnings,
    allowed: result.allowed,
    external: [...result.external]
      .map(([url, pages]) => ({ url, pages: [...pages].sort() }))
      .sort((a, b) => (a.url < b.url ? -1 : 1)),
  };
}
