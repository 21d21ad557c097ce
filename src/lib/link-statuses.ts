import { getEntry } from 'astro:content';
import { linkKey, type LinkStatus } from './link-status';

/** The status file's entry for `url` (content/link-status/links.json), or null when it has none. */
export async function statusOf(url: string): Promise<LinkStatus | null> {
  const key = linkKey(url);
  const entry = key ? await getEntry('linkStatus', key) : undefined;
  return entry?.data ?? null;
}
