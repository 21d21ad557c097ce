import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { provinceSchema } from './schemas/province';
import { sourceSchema } from './schemas/source';
import { procedureSchema } from './schemas/procedure';
import { nationalLinkSchema } from './schemas/national';

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
  // National links the province pages and the procedure share, keyed by id (e.g. notice-list).
  national: defineCollection({
    loader: file(`${root}/national.yaml`),
    schema: nationalLinkSchema,
  }),
};
