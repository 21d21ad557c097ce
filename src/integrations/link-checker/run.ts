/**
 * One run of the link checker on a build's output: check, write the JSON report, and say what to log. Called by the
 * integration (index.ts) inside `astro build`, or by scripts/check-links.ts once Astro has exited (see index.ts).
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ALLOW } from './allowlist.ts';
import { checkSite, type AllowEntry, type SiteConfig } from './check-site.ts';
import { readSite } from './read-site.ts';
import { jsonReport, problemLines, summaryLine } from './report.ts';

export interface LinkCheckRun {
  /** The build's output directory. */
  dir: string;
  config: SiteConfig;
  /** Where the JSON report goes (an absolute path). */
  report: string;
}

export interface LinkCheckOutcome {
  /** The summary line, for the log. */
  summary: string;
  /** When links are broken: the block that lists them, and the build's error message. */
  broken?: { lines: string; message: string };
}

export function runLinkCheck(run: LinkCheckRun, allow: readonly AllowEntry[] = ALLOW): LinkCheckOutcome {
  const started = performance.now();
  const result = checkSite(readSite(run.dir), run.config, allow);
  const ms = performance.now() - started;
  mkdirSync(dirname(run.report), { recursive: true });
  // Write then rename: parallel builds (tests) never see a half-written report.
  const tmp = `${run.report}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(jsonReport(result, run.config, ms), null, 2)}\n`);
  renameSync(tmp, run.report);

  const summary = `${summaryLine(result, ms)}; report: ${run.report}`;
  const n = result.errors.length;
  if (n === 0) return { summary };
  const links = `${n} broken ${n === 1 ? 'link' : 'links'}`;
  return {
    summary,
    broken: {
      lines: `${links}:\n${problemLines(result.errors).join('\n')}`,
      message: `link-checker: ${links} (listed above and in ${run.report})`,
    },
  };
}

/** What the build says after the list of broken links. */
export const BROKEN_LINK_HINT =
  'Fix the link, or add an explicit, reasoned entry to src/integrations/link-checker/allowlist.ts.';
