/**
 * content/link-status/links.json: every link's last finding and its history, committed so that a commit always
 * builds the same pages. The monitor merges each run into it; the build reads it through the `linkStatus` collection.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { CLASS_GROUP, isFailing, linkKey, type ArchivedCopy, type LinkStatus } from '../../src/lib/link-status.ts';
import { linkStatusIdProblem, linkStatusSchema } from '../../src/schemas/link-status.ts';
import type { LinkResult } from './monitor.ts';

export const DEFAULT_STATUS_FILE = 'content/link-status/links.json';

export type StatusFile = Record<string, LinkStatus>;

/** Reads and validates the file; a missing file is an empty history. Throws, naming the entry, on a bad one. */
export function readStatusFile(path: string): StatusFile {
  if (!existsSync(path)) return {};
  const data = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  const out: StatusFile = {};
  for (const [key, raw] of Object.entries(data)) {
    const idProblem = linkStatusIdProblem(key);
    const parsed = linkStatusSchema.safeParse(raw);
    if (idProblem || !parsed.success) throw new Error(`${path}: ${idProblem ?? `"${key}": ${parsed.error?.message}`}`);
    out[key] = parsed.data;
  }
  return out;
}

/** The file's text: keys sorted, two-space JSON, so a run changes only the lines of links that changed. */
export function statusFileText(statuses: StatusFile): string {
  const sorted = Object.fromEntries(
    Object.keys(statuses)
      .sort()
      .map((k) => [k, statuses[k]]),
  );
  return `${JSON.stringify(sorted, null, 2)}\n`;
}

/** Writes beside the file, then renames: a run stopped half-way never leaves half a file. */
export function writeAtomically(path: string, text: string): void {
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
}

export function writeStatusFile(path: string, statuses: StatusFile): void {
  writeAtomically(path, statusFileText(statuses));
}

/**
 * A run's results merged into the history. A link the run did not reach (`not-checked`) keeps its entry as it was;
 * `failingSince` survives until the link works again; `lastOk` and a recorded archived copy survive every run.
 * Links no longer on the site keep their entries too: the history is the point.
 */
export function mergeResults(
  previous: StatusFile,
  results: readonly LinkResult[],
  archives: ReadonlyMap<string, ArchivedCopy> = new Map(),
): StatusFile {
  const next: StatusFile = { ...previous };
  for (const r of results) {
    const key = linkKey(r.url);
    if (!key || r.class === 'not-checked') continue;
    const date = r.checkedAt.slice(0, 10);
    const before = previous[key];
    const ok = CLASS_GROUP[r.class] === 'ok';
    next[key] = {
      checked: date,
      class: r.class,
      status: r.status,
      finalUrl: r.finalUrl,
      detail: r.detail,
      failingSince: ok ? null : isFailing(r.class) ? (before?.failingSince ?? date) : (before?.failingSince ?? null),
      lastOk: ok ? date : (before?.lastOk ?? null),
      archive: archives.get(key) ?? before?.archive ?? null,
    };
  }
  return next;
}

/** The failing links of a run that have no archived copy yet, with the date to look near (when they last worked). */
export function archiveTargets(
  merged: StatusFile,
  results: readonly LinkResult[],
): { url: string; near: string | null }[] {
  const targets: { url: string; near: string | null }[] = [];
  for (const r of results) {
    const key = linkKey(r.url);
    const entry = key ? merged[key] : undefined;
    if (key && entry && isFailing(entry.class) && !entry.archive) targets.push({ url: key, near: entry.lastOk });
  }
  return targets;
}
