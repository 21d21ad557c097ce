/**
 * What the filing-number lookup says, in both languages. Kept apart from i18n.ts because the lookup script
 * ships these to the browser; everything here is plain strings and small functions, with no other imports.
 */
import type { Lang } from './i18n';
import type { IcpNotFiling, MalformedReason, OutsideRegion, PrefixVariant, SerialStyle } from './icp-number';

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

type Pair = { zh: string; en: string };
const pick = (pair: Pair, lang: Lang): string => (lang === 'en' ? pair.en : pair.zh);
const quote = (text: string): string => `“${text}”`;

const REGION_NAMES: Record<OutsideRegion, Pair> = {
  'hong-kong': { zh: '香港', en: 'Hong Kong' },
  macao: { zh: '澳门', en: 'Macao' },
  taiwan: { zh: '台湾', en: 'Taiwan' },
};

const MALFORMED: Record<MalformedReason, (found: string) => Pair> = {
  'no-serial': (f) => ({
    zh: `${f} 缺少编号：“ICP备”后面应当是一串数字，再加“号”，例如 京ICP备12345678号。`,
    en: `${f} has no serial: “ICP备” is followed by digits and then “号”, as in 京ICP备12345678号.`,
  }),
  'serial-length': (f) => ({
    zh: `${f} 的编号位数不对。备案号的编号通常是 8 位数字，或 4 位年份加 6 位数字（如 2021034567）。请对照网站页脚重新复制。`,
    en: `The serial in ${f} has the wrong number of digits. Serials have 8 digits, or a 4-digit year plus 6 digits (e.g. 2021034567). Copy it again from the site footer.`,
  }),
  'site-number': (f) => ({
    zh: `${f} 末尾的网站序号不对：“-N”表示该主体的第 N 个网站，从 1 开始。`,
    en: `The website number at the end of ${f} is not valid: “-N” means the entity's N-th website, counting from 1.`,
  }),
  'missing-bei': (f) => ({
    zh: `${f} 在“ICP”后面少了一个字：备案号是“ICP备”，经营许可证是“ICP证”。请对照网站页脚重新复制。`,
    en: `${f} is missing a character after “ICP”: a filing number has “ICP备”, an operating licence “ICP证”. Copy it again from the site footer.`,
  }),
};

/** Why the input is not a readable filing number, in one or two sentences. */
export function problemMessage(result: IcpNotFiling<unknown>, lang: Lang): string {
  const found = result.found ? quote(result.found) : '';
  const prefix = result.prefix ?? '';
  switch (result.problem) {
    case 'empty':
      return pick({ zh: '请输入备案号，例如 京ICP备12345678号-1。', en: 'Enter a filing number, e.g. 京ICP备12345678号-1.' }, lang);
    case 'icp-licence':
      return pick({
        zh: `${found} 是 ICP 经营许可证号（“ICP证”），不是备案号（“ICP备”）。许可证是另一回事；如果网站还显示一个“ICP备”开头的号码，请查那个号码。`,
        en: `${found} is an ICP operating licence (“ICP证”), not a filing number (“ICP备”). A licence is a different thing; if the site also shows a number with “ICP备”, look up that one.`,
      }, lang);
    case 'telecom-licence':
      return pick({
        zh: `${found} 是增值电信业务经营许可证号，不是 ICP 备案号。备案号的样子是 京ICP备12345678号，可以在网站页脚找找。`,
        en: `${found} is a value-added telecom business licence, not an ICP filing number. A filing number looks like 京ICP备12345678号; look for one in the site footer.`,
      }, lang);
    case 'public-security':
      return pick({
        zh: `${found} 是公安机关互联网备案号（“公网安备”），属于公安部的另一套系统，不在通信管理局注销。请查网站页脚里“ICP备”开头的号码。`,
        en: `${found} is a public-security filing (“公网安备”): a separate system, run by the Ministry of Public Security and not deregistered at a communications administration. Look for the number with “ICP备” in the site footer.`,
      }, lang);
    case 'outside-system': {
      const region = pick(REGION_NAMES[result.region ?? 'hong-kong'], lang);
      return pick({
        zh: `“${prefix}”代表${region}，不是 31 个备案省份之一。ICP 备案由内地 31 个省、自治区、直辖市的通信管理局办理，香港、澳门、台湾不在这个系统内。`,
        en: `“${prefix}” stands for ${region}, which is not one of the 31 filing provinces. ICP filings are issued by the communications administrations of the 31 mainland provinces; Hong Kong, Macao and Taiwan are outside this system.`,
      }, lang);
    }
    case 'placeholder-prefix': {
      const standard = result.suggestion?.prefix ?? '';
      return pick({
        zh: `“${prefix}”不是备案号的省份简称：本站的研究笔记只在示例占位文字中见过“${prefix}ICP备”。这个省份的备案号以“${standard}”开头。`,
        en: `“${prefix}” is not a filing prefix: this site's research notes have seen “${prefix}ICP备” only in placeholder text. That province's filing numbers start with “${standard}”.`,
      }, lang);
    }
    case 'unknown-prefix':
      return pick({
        zh: `${found} 的第一个字“${prefix}”不是 31 个省份简称之一。请对照网站页脚重新复制，或在下面的表格里找到你的省份。`,
        en: `The first character of ${found}, “${prefix}”, is not one of the 31 province characters. Copy the number again from the site footer, or find your province in the table.`,
      }, lang);
    case 'missing-prefix':
      return pick({
        zh: `${found} 缺少开头的省份简称：备案号以一个字开头，例如“京ICP备……”，这个字就是省份。请对照网站页脚重新复制。`,
        en: `${found} is missing its first character: a filing number starts with the province character, as in 京ICP备…. Copy it again from the site footer.`,
      }, lang);
    case 'malformed':
      return pick(MALFORMED[result.reason ?? 'no-serial'](found), lang);
    case 'unrecognized':
      return pick({
        zh: '这不像 ICP 备案号。备案号的样子是 京ICP备12345678号 或 京ICP备12345678号-1：省份简称、“ICP备”、数字、“号”。',
        en: 'This does not look like an ICP filing number. A filing number looks like 京ICP备12345678号 or 京ICP备12345678号-1: a province character, “ICP备”, digits, “号”.',
      }, lang);
  }
}

/** The warning shown with a result read from a variant prefix (川). */
export function variantMessage(variant: PrefixVariant, provinceName: string, lang: Lang): string {
  return pick({
    zh: `“${variant.prefix}ICP备”见于部分较早的${provinceName}网站，但本站的研究笔记未能证实它是正式的省份简称；${provinceName}的简称是“${variant.standard}”。请到工信部备案系统核对这个号码。`,
    en: `“${variant.prefix}ICP备” appears on some older ${provinceName} sites, but this site's research notes could not confirm it as an official prefix; ${provinceName}'s prefix is “${variant.standard}”. Check the number in the MIIT filing system.`,
  }, lang);
}

/** A note for a serial whose length the sources do not show. */
export function serialMessage(style: SerialStyle, serial: string, lang: Lang): string | null {
  if (style !== 'unusual') return null;
  return pick({
    zh: `编号 ${serial} 有 ${serial.length} 位，而资料中的编号是 8 位，或 4 位年份加 6 位。省份仍以第一个字为准，但请核对号码是否复制完整。`,
    en: `The serial ${serial} has ${serial.length} digits; the sources show 8, or a 4-digit year plus 6. The first character still gives the province, but check that the number was copied in full.`,
  }, lang);
}

/** Labels of the result block. */
export const LABELS = {
  filedIn: { zh: '备案省份', en: 'Filed in' },
  administration: { zh: '通信管理局', en: 'Administration' },
  howToDeregister: { zh: '注销方式', en: 'How to deregister' },
  number: { zh: '备案号', en: 'Filing number' },
  site: { zh: '网站序号', en: 'Website number' },
  unconfirmed: { zh: '未经证实', en: 'Unconfirmed' },
  source: { zh: '来源', en: 'Source' },
} as const satisfies Record<string, Pair>;

export function label(key: keyof typeof LABELS, lang: Lang): string {
  return pick(LABELS[key], lang);
}

/** The link to the province page: "Deregister in Beijing: forms, links and local notes". */
export function provinceLinkText(provinceName: string, lang: Lang): string {
  return pick({ zh: `在${provinceName}注销：表格、链接和当地说明`, en: `Deregister in ${provinceName}: forms, links and local notes` }, lang);
}
