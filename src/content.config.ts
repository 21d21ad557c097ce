import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { provinceSchema } from './schemas/province';
import { sourceSchema, COPIES_PREFIX } from './schemas/source';
import { procedureSchema } from './schemas/procedure';
import { outcomeSchema, questionSchema } from './schemas/start';
import { nationalLinkSchema } from './schemas/national';
import { linkStatusFileSchema } from './schemas/link-status';
import { linkStatusLoader } from './loaders/link-status';
import { checkedGlob } from './loaders/checked-glob';
import type { ContentProblem } from './lib/content-checks';

// Tests and the benchmark point the build at another content tree.
const root = process.env.ICP_CONTENT_DIR ?? './content';

/** A source's `copy` must be a file in sources/copies/ of this content tree. */
function copyExists(data: unknown): ContentProblem[] {
  const copy = (data as { copy?: string }).copy;
  if (copy === undefined || existsSync(join(root, 'sources/copies', copy.slice(COPIES_PREFIX.length)))) return [];
  return [{ path: ['copy'], message: `no such file: ${copy}` }];
}

export const collections = {
  // The id is the file path, not the slug, so a duplicate slug reaches registryProblems() instead of silently overwriting.
  provinces: defineCollection({
    loader: checkedGlob(
      { pattern: '*.{yaml,yml}', base: `${root}/provinces`, generateId: ({ entry }) => entry },
      provinceSchema,
    ),
    schema: provinceSchema,
  }),
  sources: defineCollection({
    loader: checkedGlob({ pattern: '*.{yaml,yml}', base: `${root}/sources` }, sourceSchema, copyExists),
    schema: sourceSchema,
  }),
  procedure: defineCollection({
    loader: checkedGlob({ pattern: '*.{md,mdx}', base: `${root}/procedure` }, procedureSchema),
    schema: procedureSchema,
  }),
  // The "which case is yours?" guide: its questions in one file, each outcome a page per language.
  startQuestions: defineCollection({ loader: file(`${root}/start/questions.yaml`), schema: questionSchema }),
  startOutcomes: defineCollection({
    loader: checkedGlob({ pattern: '*/*.{md,mdx}', base: `${root}/start/outcomes` }, outcomeSchema),
    schema: outcomeSchema,
  }),
  // National links the province pages and the procedure share, keyed by id (e.g. notice-list).
  national: defineCollection({ loader: file(`${root}/national.yaml`), schema: nationalLinkSchema }),
  // The external link monitor's findings, committed: the build reads statuses from here only.
  linkStatus: defineCollection({
    loader: linkStatusLoader(`${root}/link-status/links.json`),
    schema: linkStatusFileSchema,
  }),
};
