import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { provinceSchema } from './schemas/province';
import { sourceSchema } from './schemas/source';
import { procedureSchema } from './schemas/procedure';
import { outcomeSchema, questionSchema } from './schemas/start';
import { nationalLinkSchema } from './schemas/national';
import { linkStatusSchema } from './schemas/link-status';
import { linkStatusLoader } from './loaders/link-status';

// Tests and the benchmark point the build at another content tree.
const root = process.env.ICP_CONTENT_DIR ?? './content';

export const collections = {
  // The id is the file path, not the slug, so a duplicate slug reaches registryProblems() instead of silently overwriting.
  provinces: defineCollection({
    loader: glob({ pattern: '*.{yaml,yml}', base: `${root}/provinces`, generateId: ({ entry }) => entry }),
    schema: provinceSchema,
  }),
  sources: defineCollection({
    loader: glob({ pattern: '*.{yaml,yml}', base: `${root}/sources` }),
    schema: sourceSchema,
  }),
  procedure: defineCollection({
    loader: glob({ pattern: '*.{md,mdx}', base: `${root}/procedure` }),
    schema: procedureSchema,
  }),
  // The "which case is yours?" guide: its questions in one file, each outcome a page per language.
  startQuestions: defineCollection({ loader: file(`${root}/start/questions.yaml`), schema: questionSchema }),
  startOutcomes: defineCollection({
    loader: glob({ pattern: '*/*.{md,mdx}', base: `${root}/start/outcomes` }),
    schema: outcomeSchema,
  }),
  // National links the province pages and the procedure share, keyed by id (e.g. notice-list).
  national: defineCollection({
    loader: file(`${root}/national.yaml`),
    schema: nationalLinkSchema,
  }),
  // The external link monitor's findings, committed: the build reads statuses from here only.
  linkStatus: defineCollection({
    loader: linkStatusLoader(`${root}/link-status/links.json`),
    schema: linkStatusSchema,
  }),
};
