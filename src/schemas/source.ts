import { z } from 'astro/zod';
import { cleanUrl, localized, isoDate } from './common';

/** Where copies of sources live, relative to the project root. */
export const COPIES_PREFIX = 'content/sources/copies/';

/** official: a government page; provider: a cloud or hosting provider's own documentation; third-party: anyone else. */
const SOURCE_STRENGTHS = ['official', 'provider', 'third-party'] as const;

/** Whether a document describes the filing system in use since August 2020 (or no system at all) or the one before. */
const ERAS = ['current', 'historical'] as const;
export const era = z.enum(ERAS);

export const sourceSchema = z
  .strictObject({
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
    strength: z.enum(SOURCE_STRENGTHS),
    era,
    summary: localized,
    /** What the site takes from this source. */
    used: localized,
  })
  // Without a date the reader needs the clue that dates it, or the words "date unknown".
  .superRefine((source, ctx) => {
    if (source.date === null && source.dateNote === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['dateNote'],
        message: 'a source with date: null needs a dateNote (the date clue, or "date unknown")',
      });
    }
  });
export type Source = z.infer<typeof sourceSchema>;
