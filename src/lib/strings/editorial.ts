/** Metadata, feeds, 404 suggestions, print, "report a problem". */
import type { StringTable } from './types.ts';

export default {
  reportProblem: { zh: '报告本页的问题', en: 'Report a problem with this page' },
  editPage: { zh: '编辑本页', en: 'Edit this page' },
  // The new issue's title and body; {title} and {url} are the page's.
  issueTitle: { zh: '页面问题：{title}', en: 'Problem on “{title}”' },
  issueBody: {
    zh: '页面：{url}\n\n哪里有问题（失效的链接、错误的信息……），正确的应该是什么，出处在哪里：\n',
    en: 'Page: {url}\n\nWhat is wrong (a dead link, a mistake…), what is right, and where that is published:\n',
  },
  feedLink: { zh: '修改记录订阅（Atom）', en: 'Changes feed (Atom)' },
  feedTitle: { zh: 'ICP 备案注销指南：修改记录', en: 'ICP Filing Deregistration Guide: changes' },
  feedSubtitle: {
    zh: '本站各页面的修改记录：办理步骤和各省页面。',
    en: 'What changed on this site: the procedure and the province pages.',
  },
  feedEntryTitle: { zh: '{page}（{date}）', en: '{page} ({date})' },
  printAddress: { zh: '本页地址：', en: 'Page address: ' },
  printedOn: { zh: '打印日期：', en: 'Printed on ' },
  // The print date, filled in the browser ({month} is the English month name).
  printDateFormat: { zh: '{y} 年 {m} 月 {d} 日', en: '{d} {month} {y}' },
  notFoundLookup: { zh: '备案号查询', en: 'Look up a filing number' },
  notFoundSuggest: { zh: '你要找的可能是：', en: 'Did you mean:' },
  ogImageAlt: {
    zh: 'ICP 备案注销指南：在备案所在省的通信管理局线下注销 ICP 备案',
    en: 'ICP Filing Deregistration Guide: cancel a Chinese ICP filing offline at the provincial communications administration',
  },
} as const satisfies StringTable;
