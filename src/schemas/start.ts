import { z } from 'astro/zod';
import { isoDate, localized, sourceId } from './common';

/** A node id of the guide: a question in content/start/questions.yaml or an outcome file's name. */
const nodeId = z
  .string()
  .regex(/^[a-z]+(?:-[a-z]+)*$/, 'a guide node id is lower-case kebab-case, e.g. "other-entity"');

/** One question of the "which case is yours?" guide: each answer is a link to the next question or an outcome. */
export const questionSchema = z.strictObject({
  question: localized,
  hint: localized.optional(),
  answers: z.array(z.strictObject({ label: localized, hint: localized.optional(), next: nodeId })).min(2),
});
export type Question = z.infer<typeof questionSchema>;

/** An outcome page, one MDX file per language (content/start/outcomes/<lang>/<id>.mdx). */
export const outcomeSchema = z.strictObject({
  title: z.string().min(1),
  description: z.string().min(1),
  /** The procedure section to read next: its heading's anchor on this language's procedure page. */
  procedure: z.string().min(1),
  sources: z.array(sourceId).min(1),
  updated: isoDate,
});
