import type { Lang } from '../../lib/i18n';
import { localePath } from '../../lib/paths';

/** The search UI's words. Templates with {n} and {q} are filled in the browser as text, never as HTML. */
const MESSAGES = {
  label: { zh: '搜索', en: 'Search' },
  button: { zh: '搜索', en: 'Search' },
  placeholder: { zh: '省份、城市或备案号首字', en: 'Province, city or prefix' },
  hint: {
    zh: '输入时显示结果，按向下方向键逐条浏览，按 Esc 关闭。在任何页面按 / 回到这里。',
    en: 'Results appear as you type; use the down arrow to move through them and Esc to close. Press / on any page to come back here.',
  },
  results: { zh: '搜索结果', en: 'Search results' },
  one: { zh: '1 个结果', en: '1 result' },
  many: { zh: '{n} 个结果', en: '{n} results' },
  zero: { zh: '没有结果', en: 'No results' },
  none: { zh: '没有找到与“{q}”相关的页面。', en: 'Nothing found for “{q}”.' },
  browse: { zh: '浏览全部省份', en: 'Browse all provinces' },
  all: { zh: '查看全部 {n} 个结果', en: 'See all {n} results' },
  error: { zh: '搜索暂时无法使用，请浏览全部省份。', en: 'Search is not available right now; browse all provinces instead.' },
  pageTitle: { zh: '搜索', en: 'Search' },
  pageDescription: {
    zh: '按省份、城市、备案号首字或表格中的字句搜索各省的注销办法。',
    en: 'Search the provinces’ deregistration pages by province, city, filing-number prefix or a phrase from a form.',
  },
  pageLabel: { zh: '搜索省份、城市、备案号首字或字句', en: 'Search for a province, city, filing-number prefix or phrase' },
  allRegions: { zh: '全部地区', en: 'All regions' },
  allMethods: { zh: '全部方式', en: 'Any way' },
  noscript: {
    zh: '搜索需要 JavaScript。不用搜索也能找到省份：',
    en: 'Search needs JavaScript. You can find your province without it:',
  },
} as const;

export type SearchMessages = { [K in keyof typeof MESSAGES]: string };

export function searchMessages(lang: Lang): SearchMessages {
  const key = lang === 'en' ? 'en' : 'zh';
  return Object.fromEntries(Object.entries(MESSAGES).map(([k, v]) => [k, v[key]])) as SearchMessages;
}

/** The data-* attributes both search forms carry: where the two indexes are, and the words the script fills in. */
export function searchDataAttributes(lang: Lang, base: string): Record<string, string> {
  const m = searchMessages(lang);
  return {
    'data-bundle': `${base}pagefind/`,
    'data-base': base,
    'data-names': localePath(lang, '/search-names.json', base),
    'data-msg-one': m.one,
    'data-msg-many': m.many,
    'data-msg-zero': m.zero,
    'data-msg-none': m.none,
    'data-msg-all': m.all,
    'data-msg-error': m.error,
  };
}
