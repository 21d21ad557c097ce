/** Languages: zh-CN at the site root, English under /en/. */
export const LANGS = ['zh-cn', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'zh-cn';

/** The BCP 47 tag for `lang` and `hreflang` attributes. */
export const HTML_LANG: Record<Lang, string> = { 'zh-cn': 'zh-CN', en: 'en' };
/** The key into a `{ zh, en }` content field. */
export const TEXT_KEY: Record<Lang, 'zh' | 'en'> = { 'zh-cn': 'zh', en: 'en' };
export const LANG_NAMES: Record<Lang, string> = { 'zh-cn': '中文', en: 'English' };

/** The `[...lang]` route parameter for a language: undefined puts the default language at the root. */
export function langParam(lang: Lang): string | undefined {
  return lang === DEFAULT_LANG ? undefined : lang;
}

/** Picks the language's text from a `{ zh, en }` pair. */
export function pick<T>(value: { zh: T; en: T }, lang: Lang): T {
  return value[TEXT_KEY[lang]];
}

const strings = {
  siteName: { zh: 'ICP 备案注销指南', en: 'ICP Filing Deregistration Guide' },
  siteTagline: {
    zh: '在备案所在省的通信管理局线下注销 ICP 备案：找到你的省份、表格和当地规定。',
    en: 'Cancel a Chinese ICP filing offline, at the communications administration of the province where it was filed: find your province, its form and its local rules.',
  },
  skipToContent: { zh: '跳到正文', en: 'Skip to content' },
  navHome: { zh: '首页', en: 'Home' },
  navProcedure: { zh: '办理步骤', en: 'Procedure' },
  navProvinces: { zh: '各省通信管理局', en: 'Provinces' },
  navSources: { zh: '资料来源', en: 'Sources' },
  navMain: { zh: '主导航', en: 'Main' },
  languageSwitch: { zh: '语言', en: 'Language' },
  province: { zh: '省份', en: 'Province' },
  prefix: { zh: '备案号简称', en: 'Prefix' },
  prefixLong: { zh: '备案号首字', en: 'ICP prefix character' },
  region: { zh: '地区', en: 'Region' },
  administration: { zh: '通信管理局', en: 'Administration' },
  howToDeregister: { zh: '注销方式', en: 'How to deregister' },
  methodForm: { zh: '书面申请表', en: 'Paper form' },
  methodOnline: { zh: '网上办理', en: 'Online' },
  localNotes: { zh: '当地说明', en: 'Local notes' },
  none: { zh: '无', en: 'None' },
  links: { zh: '注销链接', en: 'Deregistration links' },
  link: { zh: '链接', en: 'Link' },
  kind: { zh: '类型', en: 'Kind' },
  hostType: { zh: '托管方', en: 'Hosted by' },
  source: { zh: '来源', en: 'Source' },
  sources: { zh: '资料来源', en: 'Sources' },
  cleaned: { zh: '已清理', en: 'Cleaned' },
  asPublished: { zh: '原文', en: 'As published' },
  unconfirmed: { zh: '未经证实', en: 'Unconfirmed' },
  droppedLinks: { zh: '未收录的链接', en: 'Links not shown' },
  sourcesDisagree: {
    zh: '各份资料给出的注销链接不同，下面全部列出，并注明各自的来源。',
    en: 'The sources give different deregistration links; all are listed below, each with its source.',
  },
  linksMoveTitle: { zh: '政府网站的链接会变动', en: 'Government links move' },
  updated: { zh: '最后更新', en: 'Last updated' },
  changeHistory: { zh: '修改记录', en: 'Change history' },
  allProvinces: { zh: '全部省份', en: 'All provinces' },
  findProvince: { zh: '找到你的省份', en: 'Find your province' },
  notFoundTitle: { zh: '找不到这个页面', en: 'Page not found' },
  notFoundBody: {
    zh: '这个地址没有页面。可以从首页或省份列表重新开始。',
    en: 'There is no page at this address. Start again from the home page or the list of provinces.',
  },
  backToProvinces: { zh: '返回省份列表', en: 'Back to all provinces' },
  onThisPage: { zh: '本页内容', en: 'On this page' },
  opensExternal: { zh: '（外部网站）', en: '(external site)' },
  date: { zh: '日期', en: 'Date' },
  dateUnknown: { zh: '日期不详', en: 'date unknown' },
  publisher: { zh: '发布者', en: 'Publisher' },
  language: { zh: '语言', en: 'Language' },
  takenFrom: { zh: '本站采用的内容', en: 'What this site takes from it' },
  address: { zh: '地址', en: 'Address' },
  noAddress: { zh: '未记录网址', en: 'address not recorded' },
  discrepancies: { zh: '资料之间的出入', en: 'Where the sources disagree' },
  kind_form_download_page: { zh: '表格下载页', en: 'Form download page' },
  kind_form_file: { zh: '表格文件', en: 'Form file' },
  kind_online_portal: { zh: '网上办理入口', en: 'Online portal' },
  kind_article_page: { zh: '通知页面', en: 'Article page' },
  kind_administration_site: { zh: '通信管理局网站', en: 'Administration website' },
  host_government: { zh: '政府网站', en: 'Government site' },
  host_provider_copy: { zh: '服务商保存的副本', en: "Provider's copy" },
  isoCode: { zh: 'ISO 3166-2 代码', en: 'ISO 3166-2 code' },
  exampleNumber: { zh: '备案号示例', en: 'Example filing number' },
  methodsDiffer: { zh: '（各资料说法不同）', en: '(the sources differ)' },
  fallbackTitle: { zh: '链接打不开时', en: 'If a link does not work' },
  procedureLink: { zh: '完整办理步骤', en: 'The full procedure' },
  citiesTitle: { zh: '下辖城市', en: 'Cities in this province' },
  footerTruth: {
    zh: '本站每条信息都注明来源。政府网站链接可能已失效，请以工信部备案系统为准。',
    en: 'Every fact on this site names its source. Government links may have moved; the MIIT filing system is the authority.',
  },
  // The search UI (src/components/search/messages.ts); {n} and {q} are filled in the browser as text.
  search_label: { zh: '搜索', en: 'Search' },
  search_button: { zh: '搜索', en: 'Search' },
  search_placeholder: { zh: '省份、城市或备案号首字', en: 'Province, city or prefix' },
  search_hint: {
    zh: '输入时显示结果，按向下方向键逐条浏览，按 Esc 关闭。在任何页面按 / 回到这里。',
    en: 'Results appear as you type; use the down arrow to move through them and Esc to close. Press / on any page to come back here.',
  },
  search_results: { zh: '搜索结果', en: 'Search results' },
  search_one: { zh: '1 个结果', en: '1 result' },
  search_many: { zh: '{n} 个结果', en: '{n} results' },
  search_zero: { zh: '没有结果', en: 'No results' },
  search_none: { zh: '没有找到与“{q}”相关的页面。', en: 'Nothing found for “{q}”.' },
  search_browse: { zh: '浏览全部省份', en: 'Browse all provinces' },
  search_all: { zh: '查看全部 {n} 个结果', en: 'See all {n} results' },
  search_error: { zh: '搜索暂时无法使用，请浏览全部省份。', en: 'Search is not available right now; browse all provinces instead.' },
  search_pageTitle: { zh: '搜索', en: 'Search' },
  search_pageDescription: {
    zh: '按省份、城市、备案号首字或表格中的字句搜索各省的注销办法。',
    en: 'Search the provinces’ deregistration pages by province, city, filing-number prefix or a phrase from a form.',
  },
  search_pageLabel: { zh: '搜索省份、城市、备案号首字或字句', en: 'Search for a province, city, filing-number prefix or phrase' },
  search_allRegions: { zh: '全部地区', en: 'All regions' },
  search_allMethods: { zh: '全部方式', en: 'Any way' },
  search_noscript: {
    zh: '搜索需要 JavaScript。不用搜索也能找到省份：',
    en: 'Search needs JavaScript. You can find your province without it:',
  },
} as const satisfies Record<string, { zh: string; en: string }>;

export type StringKey = keyof typeof strings;

/** The label of a link kind or host type, e.g. `enumLabel(lang, 'kind', 'form-file')`. */
export function enumLabel(lang: Lang, group: 'kind' | 'host', value: string): string {
  const key = `${group}_${value.replace(/-/g, '_')}` as StringKey;
  if (!(key in strings)) throw new Error(`No label for ${group} "${value}" in src/lib/i18n.ts`);
  return t(lang, key);
}

/** A UI string in the given language. */
export function t(lang: Lang, key: StringKey): string {
  return strings[key][TEXT_KEY[lang]];
}
