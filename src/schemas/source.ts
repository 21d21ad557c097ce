import { z } from 'astro/zod';
import { cleanUrl, localized, isoDate } from './common';

/** Where copies of sources live, relative to the project root. */
export const COPIES_PREFIX = 'content/sources/copies/';

export const sourceSchema = z.strictObject({
  title: z.string().min(1),
  /** A short label for citations, e.g. "Alibaba Cloud 2019". */
  short: localized,
  publisher: localized,
  language: z.enum(['zh', 'en']),
  /** Approximate publication date; `null` when unknown (say so rather than guess). */
  date: isoDate.nullable(),
  dateNote: localized.optional(),
  /** Where the source can be read; `null` when it was received as a file or its address is not recorded. */
  url: cleanUrl.refine((url) => /^https?:/i.test(url), 'a source address is an http:// or https:// URL').nullable(),
  /** A copy in the repository, relative to the project root; the loader checks that the file exists. */
  copy: z
    .string()
    .refine((path) => path.startsWith(COPIES_PREFIX) && /^[^/\\.][^/\\]*$/.test(path.slice(COPIES_PREFIX.length)), {
      message: `a copy is a file in ${COPIES_PREFIX}, named without "/" or a leading "."`,
    })
    .optional(),
  kind: z.enum(['seed', 'primary', 'secondary', 'design']),
  summary: localized,
  /** What the site takes from this source. */
  used: localized,
});
export type Source = z.infer<typeof sourceSchema>;
