/**
 * What the filing-number lookup says. The words are the string table's lookup_* keys (src/lib/strings/lookup.ts):
 * the page carries its own language's texts (`lookupMessages`), so the browser gets one language and no table.
 * No imports but types: this module ships to the browser.
 */
import type { IcpNotFiling, PrefixVariant, SerialStyle } from './icp-number';

/** What the lookup script knows about a province: built from the registry at build time, in the page's language. */
export interface LookupProvince {
  slug: string;
  href: string;
  name: string;
  /** The Chinese name, shown after the English one. */
  zh: string;
  admin: string;
  methods: string;
}

/** The string-table keys (less `lookup_`) the script needs, and the common labels it shows. */
const MESSAGE_KEYS = [
  'empty',
  'icpLicence',
  'telecomLicence',
  'publicSecurity',
  'outsideSystem',
  'region_hong_kong',
  'region_macao',
  'region_taiwan',
  'placeholderPrefix',
  'unknownPrefix',
  'missingPrefix',
  'malformed_no_serial',
  'malformed_serial_length',
  'malformed_site_number',
  'malformed_missing_bei',
  'unrecognized',
  'domain',
  'domainLink',
  'variant',
  'serial',
  'filedIn',
  'number',
  'site',
  'provinceLink',
  'prefixTableLink',
] as const;
const LABEL_KEYS = ['administration', 'howToDeregister', 'unconfirmed', 'source'] as const;
export type Messages = Record<(typeof MESSAGE_KEYS)[number] | (typeof LABEL_KEYS)[number], string>;

/** The messages, from the string table: `messagesFrom((key) => t(lang, key))` at build time. */
export function messagesFrom(text: (key: string) => string): Messages {
  return Object.fromEntries([
    ...MESSAGE_KEYS.map((k) => [k, text(`lookup_${k}`)]),
    ...LABEL_KEYS.map((k) => [k, text(k)]),
  ]) as Messages;
}

/** A message with its `{name}` placeholders filled in. */
export function fillMessage(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

type ProblemKey = Exclude<IcpNotFiling<unknown>['problem'], 'malformed' | 'outside-system'>;
const PROBLEM_KEYS: Record<ProblemKey, keyof Messages> = {
  empty: 'empty',
  'icp-licence': 'icpLicence',
  'telecom-licence': 'telecomLicence',
  'public-security': 'publicSecurity',
  'placeholder-prefix': 'placeholderPrefix',
  'unknown-prefix': 'unknownPrefix',
  'missing-prefix': 'missingPrefix',
  domain: 'domain',
  unrecognized: 'unrecognized',
};

/** Why the input is not a readable filing number, in one or two sentences. */
export function problemMessage(result: IcpNotFiling<unknown>, m: Messages): string {
  const vars = { found: result.found ?? '', prefix: result.prefix ?? '', standard: result.suggestion?.prefix ?? '' };
  if (result.problem === 'malformed')
    return fillMessage(m[`malformed_${(result.reason ?? 'no-serial').replace(/-/g, '_')}` as keyof Messages], vars);
  if (result.problem === 'outside-system') {
    const region = m[`region_${(result.region ?? 'hong-kong').replace(/-/g, '_')}` as keyof Messages];
    return fillMessage(m.outsideSystem, { ...vars, region });
  }
  return fillMessage(m[PROBLEM_KEYS[result.problem]], vars);
}

/** The warning shown with a result read from a variant prefix (川). */
export function variantMessage(variant: PrefixVariant, provinceName: string, m: Messages): string {
  return fillMessage(m.variant, { prefix: variant.prefix, standard: variant.standard, name: provinceName });
}

/** A note for a serial whose length the sources do not show. */
export function serialMessage(style: SerialStyle, serial: string, m: Messages): string | null {
  return style === 'unusual' ? fillMessage(m.serial, { serial, n: serial.length }) : null;
}
