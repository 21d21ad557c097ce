import { z } from 'astro/zod';
import { urlPolicyProblems } from '../lib/url-policy';

/** Text that must exist in both languages: a note in one language only is an error. */
export const localized = z.strictObject({
  zh: z.string().trim().min(1, 'Chinese text (zh) is empty'),
  en: z.string().trim().min(1, 'English text (en) is empty'),
});

/** Ids of entries in content/sources/ (file name without extension). */
export const sourceId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a source id is lower-case kebab-case, e.g. "aliyun-2019"');

export const isoDate = z.union([
  z.date().transform((d) => d.toISOString().slice(0, 10)),
  z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date is YYYY, YYYY-MM or YYYY-MM-DD'),
]);

/** A URL as published in a source, after cleaning; the schema refuses what the URL policy refuses. */
export const cleanUrl = z.string().superRefine((value, ctx) => {
  for (const problem of urlPolicyProblems(value)) {
    if (problem.level === 'error') ctx.addIssue({ code: 'custom', message: `${problem.message}: ${value}` });
  }
});
