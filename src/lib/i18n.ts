import common from './strings/common.ts';
import editorial from './strings/editorial.ts';
import lookup from './strings/lookup.ts';
import monitor from './strings/monitor.ts';
import province from './strings/province.ts';
import sources from './strings/sources.ts';
import start from './strings/start.ts';

/** Languages: zh-CN at the site root, English under /en/. */
export const LANGS = ['zh-cn', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'zh-cn';

/** The BCP 47 tag for `lang` and `hreflang` attributes. */
export const HTML_LANG: Record<Lang, string> = { 'zh-cn': 'zh-CN', en: 'en' };
/** The key into a `{ zh, en }` content field. */
const TEXT_KEY: Record<Lang, 'zh' | 'en'> = { 'zh-cn': 'zh', en: 'en' };
export const LANG_NAMES: Record<Lang, string> = { 'zh-cn': '中文', en: 'English' };
/** The BCP 47 tag of text written in a content language (`zh` or `en`, as a source's `language` gives it). */
export const TEXT_HTML_LANG: Record<'zh' | 'en', string> = { zh: 'zh-CN', en: 'en' };

/** The site's other language (there are two). */
export function otherLang(lang: Lang): Lang {
  return LANGS.find((l) => l !== lang)!;
}

/** The `[...lang]` route parameter for a language: undefined puts the default language at the root. */
export function langParam(lang: Lang): string | undefined {
  return lang === DEFAULT_LANG ? undefined : lang;
}

/** Picks the language's text from a `{ zh, en }` pair. */
export function pick<T>(value: { zh: T; en: T }, lang: Lang): T {
  return value[TEXT_KEY[lang]];
}

// The string table, one module per area of the site (src/lib/strings/): every word the UI shows.
const strings = {
  ...common,
  ...province,
  ...sources,
  ...start,
  ...lookup,
  ...monitor,
  ...editorial,
} as const;

export type StringKey = keyof typeof strings;

/** The label of a link kind or host type, e.g. `enumLabel(lang, 'kind', 'form-file')`. */
export function enumLabel(
  lang: Lang,
  group: 'kind' | 'host' | 'strength' | 'era' | 'method' | 'lang',
  value: string,
): string {
  const key = `${group}_${value.replace(/-/g, '_')}` as StringKey;
  if (!(key in strings)) throw new Error(`No label for ${group} "${value}" in src/lib/i18n.ts`);
  return t(lang, key);
}

/** A UI string in the given language. */
export function t(lang: Lang, key: StringKey): string {
  return strings[key][TEXT_KEY[lang]];
}

/** A UI string with `{name}` placeholders filled in, e.g. `tf(lang, 'checkedOn', { date })`. */
export function tf(lang: Lang, key: StringKey, vars: Record<string, string | number>): string {
  return t(lang, key).replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** Every key and its two texts, for the test that no key is missing a language. */
export function stringTable(): Readonly<Record<string, { zh: string; en: string }>> {
  return strings;
}
