/**
 * Reads an ICP filing number (ICP 备案号) out of whatever a user pastes, and says which province filed it.
 *
 * Format (sources: tencent-icp-number, openeasm-icp-api, site-footers): province character + "ICP备" + entity
 * serial + "号", and "-N" for the entity's N-th website: 京ICP备16020626号, 京ICP备16020626号-8. Older serials
 * have 8 digits, recent ones a 4-digit year plus digits (蜀ICP备2026007879号-1).
 *
 * The province comes from the prefix table the caller passes (built from the registry), never from a table here.
 * Pure and total: it never throws, and it scans the input a bounded number of times, so long pastes stay fast.
 */

/** How the entity serial looks: 8 digits, a 4-digit year plus 6 digits, or some other length we still accept. */
export type SerialStyle = 'classic' | 'year' | 'unusual';

/** A prefix that is not one of the 31 but is seen in the wild, and what the sources say about it. */
export interface PrefixVariant {
  /** The character as written, e.g. 川. */
  prefix: string;
  /** The province's standard prefix, e.g. 蜀. */
  standard: string;
  /** unconfirmed: accepted, but not confirmed as official. placeholder: only seen in placeholder text, refused. */
  status: 'unconfirmed' | 'placeholder';
  /** The id of the file in content/sources/ that records it. */
  source: string;
}

/**
 * Variant prefixes, only where a source mentions them (research notes, "Number formats"):
 * 川ICP备 on some older Sichuan sites, unconfirmed as official; 甘ICP备 only in placeholders (Gansu is 陇).
 */
const PREFIX_VARIANTS: Readonly<Record<string, PrefixVariant>> = {
  川: { prefix: '川', standard: '蜀', status: 'unconfirmed', source: 'research-notes' },
  甘: { prefix: '甘', standard: '陇', status: 'placeholder', source: 'research-notes' },
};

/** Hong Kong, Macao and Taiwan: not among the 31 provinces whose administrations issue ICP filings. */
type OutsideRegion = 'hong-kong' | 'macao' | 'taiwan';
const OUTSIDE_SYSTEM: Readonly<Record<string, OutsideRegion>> = {
  港: 'hong-kong',
  澳: 'macao',
  台: 'taiwan',
  臺: 'taiwan',
};

/** A filing number that was read. `province` is the caller's table entry for the prefix. */
interface IcpFiling<T> {
  ok: true;
  /** The prefix as written (川 for the Sichuan variant). */
  prefix: string;
  province: T;
  /** The entity (主体) serial, digits only: "12345678". */
  entitySerial: string;
  /** The N of "-N", the entity's N-th website; null for an entity number. */
  siteNumber: number | null;
  serialStyle: SerialStyle;
  /** The entity's number: 京ICP备12345678号. */
  entityNumber: string;
  /** The number as it should be written: 京ICP备12345678号-3. */
  normalized: string;
  /** Set when the prefix is a variant (川), so the caller can say it is unconfirmed. */
  variant: PrefixVariant | null;
}

type IcpProblem =
  | 'empty' // nothing but whitespace
  | 'icp-licence' // 京ICP证030173号: an ICP operating licence
  | 'telecom-licence' // 浙B2-20080224: a value-added telecom licence
  | 'public-security' // 京公网安备11000002000001号: the Ministry of Public Security's filing
  | 'outside-system' // 港ICP备…: Hong Kong, Macao, Taiwan
  | 'placeholder-prefix' // 甘ICP备…: seen only in placeholders
  | 'unknown-prefix' // some other character before ICP备
  | 'missing-prefix' // ICP备12345678号 with no province character
  | 'domain' // example.com, https://www.example.com/x: a domain, whose filing the public query finds
  | 'malformed' // the ICP备 part is there but the rest is not a filing number
  | 'unrecognized'; // nothing that looks like any of these

type MalformedReason =
  | 'no-serial' // 京ICP备号
  | 'serial-length' // 京ICP备123号
  | 'site-number' // 京ICP备12345678号-0
  | 'missing-bei'; // 京ICP12345678号

/** Input that is not a readable ICP filing number, with what it is instead. */
export interface IcpNotFiling<T> {
  ok: false;
  problem: IcpProblem;
  reason?: MalformedReason;
  /** The prefix character as written, where there is one. */
  prefix?: string;
  /** The part of the input the problem is about, normalized (e.g. 京公网安备11000002000001号). */
  found?: string;
  /** For outside-system: which region the prefix names. */
  region?: OutsideRegion;
  /** For a variant or a look-alike: the province the user probably means. */
  suggestion?: { prefix: string; province: T };
}

export type IcpResult<T> = IcpFiling<T> | IcpNotFiling<T>;

/** Serial lengths accepted: the sources show 8 and 10; a little either side is accepted and marked unusual. */
const SERIAL_MIN = 6;
const SERIAL_MAX = 12;
const SITE_MAX_DIGITS = 4;
/** How many "ICP" mentions one input is searched for a filing number. */
const MAX_CANDIDATES = 100;
/** Whitespace allowed between the parts of a number ("京 ICP 备 12345678 号"), bounded to keep the scan linear. */
const GAP = '[\\s\\u200b\\u200c\\u200d\\ufeff]{0,3}';

// Dashes people paste in place of "-", and traditional forms of 备/号/证.
const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g;
const TRADITIONAL: Readonly<Record<string, string>> = { 備: '备', 號: '号', 證: '证' };
const TRADITIONAL_RE = /[備號證]/g;

const ICP_RE = new RegExp(`ICP${GAP}([备证])?`, 'giu');
const AFTER_BEI = new RegExp(`${GAP}(\\d*)${GAP}(号?)(?:${GAP}-${GAP}(\\d+))?`, 'y');
const DIGITS_AFTER = new RegExp(`${GAP}(\\d+)`, 'y');
const PUBLIC_SECURITY_RE = new RegExp(`公网安备${GAP}(\\d*)${GAP}(号?)`, 'gu');
// Only the last class of a combined "A2.B1.B2-…" is matched: a repeated group here would backtrack quadratically.
const TELECOM_RE = new RegExp(`([AB][12])${GAP}-${GAP}(\\d{6,12})`, 'giu');
const HAN = /^\p{Script=Han}$/u;
// A URL's host, or a bare name with a dot and a top-level label of letters (example.com, 例子.中国, xn--fiqs8s).
const URL_HOST_RE = /\bhttps?:\/\/([^\s/?#:@]+)/iu;
const DOMAIN_RE =
  /(?:^|[^\p{L}\p{N}.@-])((?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,62}[\p{L}\p{N}])?\.){1,8}(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59}))(?![\p{L}\p{N}.-]*@)/iu;

const FULL_WIDTH = /[\uff01-\uff5e]/g;

/**
 * Full-width letters, digits and signs (ＩＣＰ１２３) become ASCII; then dashes and traditional forms.
 * Not NFKC: it would also rewrite unrelated characters, and expands some 18-fold (ﷺ), costing time on long input.
 */
function normalizeInput(input: string): string {
  return input
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(DASHES, '-')
    .replace(TRADITIONAL_RE, (c) => TRADITIONAL[c] ?? c);
}

/** The Han character just before `end`, skipping a little whitespace; '' when there is none. */
function hanBefore(text: string, end: number): string {
  let i = end;
  for (let skipped = 0; i > 0 && skipped < 3 && /\s/.test(text.charAt(i - 1)); skipped++) i--;
  if (i === 0) return '';
  const cp = text.charCodeAt(i - 1);
  // The character before may be the second half of a surrogate pair.
  const ch =
    cp >= 0xdc00 && cp <= 0xdfff && i >= 2 ? String.fromCodePoint(text.codePointAt(i - 2)!) : text.charAt(i - 1);
  return HAN.test(ch) ? ch : '';
}

function serialStyleOf(serial: string): SerialStyle {
  if (serial.length === 8) return 'classic';
  if (serial.length === 10 && /^(?:19|20)\d{2}/.test(serial)) return 'year';
  return 'unusual';
}

type Prefixed<T> = { ok: true; province: T; variant: PrefixVariant | null } | IcpNotFiling<T>;

/** What a prefix character means: a province, the accepted variant 川, or one of the prefix problems. */
function resolvePrefix<T>(prefix: string, table: ReadonlyMap<string, T>, found: string): Prefixed<T> {
  if (prefix === '') return { ok: false, problem: 'missing-prefix', found };
  const province = table.get(prefix);
  if (province !== undefined) return { ok: true, province, variant: null };
  const variant = Object.hasOwn(PREFIX_VARIANTS, prefix) ? PREFIX_VARIANTS[prefix] : undefined;
  const standard = variant ? table.get(variant.standard) : undefined;
  if (variant && standard !== undefined) {
    if (variant.status === 'unconfirmed') return { ok: true, province: standard, variant };
    return {
      ok: false,
      problem: 'placeholder-prefix',
      prefix,
      found,
      suggestion: { prefix: variant.standard, province: standard },
    };
  }
  const region = Object.hasOwn(OUTSIDE_SYSTEM, prefix) ? OUTSIDE_SYSTEM[prefix] : undefined;
  if (region) return { ok: false, problem: 'outside-system', prefix, found, region };
  return { ok: false, problem: 'unknown-prefix', prefix, found };
}

/** Reads the filing number around an "ICP备" match: the prefix before it, the serial and site number after. */
function readFiling<T>(text: string, icpStart: number, afterBei: number, table: ReadonlyMap<string, T>): IcpResult<T> {
  const prefix = hanBefore(text, icpStart);
  AFTER_BEI.lastIndex = afterBei;
  const m = AFTER_BEI.exec(text)!; // every part is optional, so it always matches
  const serial = m[1] ?? '';
  const hao = m[2] ?? '';
  const site = m[3];
  const found = `${prefix}ICP备${serial.slice(0, SERIAL_MAX + 1)}${hao}${site !== undefined ? `-${site.slice(0, SITE_MAX_DIGITS + 1)}` : ''}`;
  const where = resolvePrefix(prefix, table, found);
  const malformed = (reason: MalformedReason): IcpNotFiling<T> => ({
    ok: false,
    problem: 'malformed',
    reason,
    found,
    ...(prefix ? { prefix } : {}),
  });
  if (serial === '') return where.ok ? malformed('no-serial') : where;
  if (!where.ok) return where;
  if (serial.length < SERIAL_MIN || serial.length > SERIAL_MAX) return malformed('serial-length');
  let siteNumber: number | null = null;
  if (site !== undefined) {
    siteNumber = site.length <= SITE_MAX_DIGITS ? Number(site) : 0;
    if (siteNumber < 1) return malformed('site-number');
  }
  const entityNumber = `${prefix}ICP备${serial}号`;
  return {
    ok: true,
    prefix,
    province: where.province,
    entitySerial: serial,
    siteNumber,
    serialStyle: serialStyleOf(serial),
    entityNumber,
    normalized: siteNumber === null ? entityNumber : `${entityNumber}-${siteNumber}`,
    variant: where.variant,
  };
}

/**
 * Parses a pasted filing number. `prefixes` maps each province's prefix character (京, 蜀, …) to the caller's
 * province value, which is returned as `province`. Returns the first readable filing number in the input; if
 * there is none, the first problem found, in this order: ICP备 problems, ICP licence, telecom licence,
 * public-security filing, unrecognized.
 */
export function parseIcpNumber<T>(input: string, prefixes: ReadonlyMap<string, T>): IcpResult<T> {
  const text = normalizeInput(typeof input === 'string' ? input : '');
  if (text.trim() === '') return { ok: false, problem: 'empty' };

  let firstProblem: IcpNotFiling<T> | undefined;
  let licence: IcpNotFiling<T> | undefined;
  ICP_RE.lastIndex = 0;
  let candidates = 0;
  // A real paste holds a handful of "ICP" mentions; stopping after MAX_CANDIDATES keeps hostile input cheap.
  for (let m = ICP_RE.exec(text); m && candidates++ < MAX_CANDIDATES; m = ICP_RE.exec(text)) {
    const after = m.index + m[0].length;
    if (m[1] === '备') {
      const result = readFiling(text, m.index, after, prefixes);
      if (result.ok) return result;
      firstProblem ??= result;
    } else if (m[1] === '证') {
      DIGITS_AFTER.lastIndex = after;
      const digits = DIGITS_AFTER.exec(text)?.[1];
      if (digits !== undefined) {
        const prefix = hanBefore(text, m.index);
        licence ??= {
          ok: false,
          problem: 'icp-licence',
          found: `${prefix}ICP证${digits.slice(0, SERIAL_MAX)}号`,
          ...(prefix ? { prefix } : {}),
        };
      }
    } else {
      // "ICP" straight into digits: 备 or 证 is missing, so we cannot tell a filing from a licence.
      DIGITS_AFTER.lastIndex = after;
      const digits = DIGITS_AFTER.exec(text)?.[1];
      if (digits !== undefined) {
        const prefix = hanBefore(text, m.index);
        firstProblem ??= {
          ok: false,
          problem: 'malformed',
          reason: 'missing-bei',
          found: `${prefix}ICP${digits.slice(0, SERIAL_MAX)}`,
          ...(prefix ? { prefix } : {}),
        };
      }
    }
  }
  if (firstProblem) return firstProblem;
  if (licence) return licence;

  TELECOM_RE.lastIndex = 0;
  const telecom = TELECOM_RE.exec(text);
  if (telecom) {
    const prefix = hanBefore(text, telecom.index);
    return {
      ok: false,
      problem: 'telecom-licence',
      found: `${prefix}${(telecom[1] ?? '').toUpperCase()}-${telecom[2] ?? ''}`,
      ...(prefix ? { prefix } : {}),
    };
  }

  PUBLIC_SECURITY_RE.lastIndex = 0;
  const security = PUBLIC_SECURITY_RE.exec(text);
  if (security) {
    const prefix = hanBefore(text, security.index);
    return {
      ok: false,
      problem: 'public-security',
      found: `${prefix}公网安备${(security[1] ?? '').slice(0, 20)}${security[2] ?? ''}`,
      ...(prefix ? { prefix } : {}),
    };
  }
  const domain = domainIn(text);
  if (domain) return { ok: false, problem: 'domain', found: domain };
  return { ok: false, problem: 'unrecognized' };
}

/** The domain in a pasted URL or host name, lower case and without a trailing dot; null when there is none. */
function domainIn(text: string): string | null {
  const host = URL_HOST_RE.exec(text)?.[1] ?? DOMAIN_RE.exec(text.slice(0, 2000))?.[1];
  if (!host) return null;
  const name = host.toLowerCase().replace(/\.$/, '');
  // A host with a dot and a letter label at the end: 192.168.0.1 and 1.5 are not domains.
  return /\.(?:\p{L}{2,63}|xn--[a-z0-9-]+)$/u.test(name) ? name.slice(0, 253) : null;
}

/** The prefix table from a plain object, e.g. one read from a data-* attribute. Own keys only. */
export function prefixTable<T>(record: Readonly<Record<string, T>>): Map<string, T> {
  return new Map(Object.entries(record));
}
