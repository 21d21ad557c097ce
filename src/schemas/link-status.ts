import { z } from 'astro/zod';
import { linkKey, RECORDED_CLASSES } from '../lib/link-status.ts';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD');
const archiveUrl = z.string().refine((v) => {
  try {
    const u = new URL(v);
    return u.protocol === 'https:' && u.hostname === 'web.archive.org';
  } catch {
    return false;
  }
}, 'an archived copy is an https://web.archive.org/ URL');

/** One link's entry in content/link-status/links.json, keyed by its URL (src/lib/link-status.ts, LinkStatus). */
export const linkStatusSchema = z.strictObject({
  checked: day,
  class: z.enum(RECORDED_CLASSES),
  status: z.number().int().min(0).max(999).nullable(),
  finalUrl: z.string().min(1),
  detail: z.string().nullable(),
  failingSince: day.nullable(),
  lastOk: day.nullable(),
  archive: z
    .strictObject({
      url: archiveUrl,
      date: day,
    })
    .nullable(),
});

/** The whole file: each link's entry under its URL. */
export const linkStatusFileSchema = z.record(z.string(), linkStatusSchema);

/** An entry's id must be its URL key (fragment dropped, normalised), so the page finds it. */
export function linkStatusIdProblem(id: string): string | null {
  const key = linkKey(id);
  if (key === null) return `"${id}" is not a URL`;
  if (key !== id) return `"${id}" is not in its normal form; write it as "${key}"`;
  return null;
}
