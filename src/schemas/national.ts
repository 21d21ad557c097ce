import { z } from 'astro/zod';
import { localized, sourceId } from './common';
import { cleanUrl } from './common';
import { LINK_KINDS } from './province';
import { era } from './source';

/** A national link that the province pages and the procedure share (content/national.yaml, keyed by id). */
export const nationalLinkSchema = z.strictObject({
  url: cleanUrl,
  kind: z.enum(LINK_KINDS),
  era,
  source: sourceId,
  label: localized,
});
export type NationalLink = z.infer<typeof nationalLinkSchema>;
