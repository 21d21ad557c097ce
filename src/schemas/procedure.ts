import { z } from 'astro/zod';
import { isoDate, sourceId } from './common';

export const procedureSchema = z.strictObject({
  title: z.string().min(1),
  description: z.string().min(1),
  lang: z.enum(['zh-cn', 'en']),
  updated: isoDate,
  sources: z.array(sourceId).min(1),
  changes: z.array(z.strictObject({ date: isoDate, note: z.string().min(1) })).min(1),
});
