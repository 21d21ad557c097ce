/**
 * Archived copies of dead pages: the Internet Archive's availability API gives the closest snapshot of a URL
 * (https://archive.org/help/wayback_api.php). The site only links to it; it requests nothing from the archive.
 */
import { fetch } from 'undici';
import type { ArchivedCopy } from '../../src/lib/link-status.ts';
import { guardedAgent, systemResolver, type Resolver } from './guard.ts';

export const DEFAULT_ARCHIVE_API = 'https://archive.org/wayback/available';

/** The snapshot the API answered with, if it is a readable, successful capture on web.archive.org. */
export function parseAvailability(body: unknown): ArchivedCopy | null {
  const closest = (body as { archived_snapshots?: { closest?: Record<string, unknown> } })?.archived_snapshots?.closest;
  if (!closest || closest['available'] !== true) return null;
  if (closest['status'] !== undefined && String(closest['status']) !== '200') return null;
  const stamp = String(closest['timestamp'] ?? '');
  let url: URL;
  try {
    url = new URL(String(closest['url']));
  } catch {
    return null;
  }
  if (!/^\d{14}$/.test(stamp) || url.hostname !== 'web.archive.org') return null;
  url.protocol = 'https:'; // the API still answers with http:// addresses
  return { url: url.href, date: `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}` };
}

export interface ArchiveOptions {
  api: string;
  timeoutMs: number;
  concurrency: number;
  allowLoopback: boolean;
  userAgent: string;
}

/**
 * The closest snapshot for each URL, `near` a date (YYYY-MM-DD, the last time it worked) where one is given.
 * A URL the API has no snapshot for, or that the lookup could not reach, is left out (and asked again next run).
 */
export async function lookupArchives(
  targets: readonly { url: string; near: string | null }[],
  options: ArchiveOptions,
  signal: AbortSignal,
  resolver: Resolver = systemResolver,
): Promise<Map<string, ArchivedCopy>> {
  const agent = guardedAgent({ resolver, allowLoopback: options.allowLoopback, connectTimeoutMs: options.timeoutMs });
  const found = new Map<string, ArchivedCopy>();
  const queue = [...targets];
  const worker = async () => {
    for (let target = queue.shift(); target && !signal.aborted; target = queue.shift()) {
      const query = new URL(options.api);
      query.searchParams.set('url', target.url);
      if (target.near) query.searchParams.set('timestamp', target.near.replace(/-/g, ''));
      try {
        const response = await fetch(query, {
          dispatcher: agent,
          signal: AbortSignal.any([AbortSignal.timeout(options.timeoutMs), signal]),
          headers: { 'user-agent': options.userAgent, accept: 'application/json' },
        });
        const copy = response.ok ? parseAvailability(await response.json()) : null;
        if (copy) found.set(target.url, copy);
      } catch {
        // No answer, or not JSON: no copy this time.
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  await agent.destroy().catch(() => {});
  return found;
}
