import { z } from 'astro/zod';
import { localized, isoDate } from './common';

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
  url: z.url({ protocol: /^https?$/ }).nullable(),
  /** A copy in the repository, relative to the project root. */
  copy: z.string().optional(),
  kind: z.enum(['seed', 'primary', 'secondary', 'design']),
  summary: localized,
  /** What the site takes from this source. */
  used: localized,
});
export type Source = z.infer<typeof sourceSchema>;
