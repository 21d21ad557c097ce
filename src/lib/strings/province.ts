/** Province pages: the task first (steps, links to try), then the details and the 2019 material. */
import type { StringTable } from './types.ts';

export default {
  province_title: { zh: '在{name}注销 ICP 备案', en: 'Deregister an ICP filing in {name}' },
  province_description: {
    zh: '在{admin}注销 ICP 备案：到哪里找申请表、怎样提交、当地规定和 2019 年资料中的旧链接，均注明来源。',
    en: 'Deregistering an ICP filing at the {admin}: where the form is, how to submit it, local rules and the old links of 2019, each with its source.',
  },
  province_who: {
    zh: '书面注销适用于空壳备案、别人的备案占用你的域名，或没有服务商能办理的情况；自己的备案请先找服务商在线注销。',
    en: 'For a shell filing, another entity’s filing on your domain, or when no provider can act. For your own filing, ask your provider first.',
  },
  province_whichCase: { zh: '哪种情况适合你？', en: 'Which case is yours?' },
  province_steps: { zh: '办理步骤', en: 'Steps' },
  province_stepForm: { zh: '下载{name}的注销申请表。', en: 'Download {name}’s deregistration form.' },
  province_stepFormHow: {
    zh: '在工信部备案管理系统的“通知公告”里，填写省份“{name}”和关键字“注销”搜索，打开通知，单击文档名称下载。',
    en: 'In the MIIT filing system’s notice list (通知公告), search for the province ({zh}) and the keyword 注销, open the notice and click the document’s name.',
  },
  province_openNoticeList: { zh: '打开通知公告列表', en: 'Open the notice list' },
  province_stepFill: {
    zh: '按申请表的填表须知填写，并准备它要求的材料。',
    en: 'Fill it in as its notes (填表须知) say, and prepare the documents it asks for.',
  },
  province_stepSubmit: {
    zh: '按填表须知的要求，把申请表和材料提交给{admin}。',
    en: 'Submit the form and documents to the {admin}, as its notes say.',
  },
  province_noSpecifics: {
    zh: '2020 年 8 月新系统启用以后的资料中，没有专门针对{name}的说明；以上是资料给出的各省通用办法。',
    en: 'No source since the new system of August 2020 says anything specific to {name}; the steps above are the route the sources give for every province.',
  },
  province_linksToTry: { zh: '要用到的链接（按建议顺序）', en: 'Links to use, in the order to try them' },
  province_noCurrentLinks: {
    zh: '资料中没有这个省份 2020 年以后的专门链接。',
    en: 'The sources give no link of its own for this province since 2020.',
  },
  province_warningTitle: { zh: '注销之前', en: 'Before you deregister' },
  province_warnUndo: { zh: '注销后不能撤销。', en: 'A deregistration cannot be undone.' },
  province_warnOffline: { zh: '注销后网站将无法访问。', en: 'The website stops being reachable.' },
  province_warnSuffix: {
    zh: '未经工信部批复的域名后缀，注销后不能再次备案。',
    en: 'A domain suffix that MIIT has not approved cannot be filed again once deregistered.',
  },
  province_warnMore: { zh: '详见办理步骤', en: 'More in the procedure' },
  province_currentNotes: { zh: '当地说明（2020 年以后的资料）', en: 'Local notes (sources since 2020)' },
  province_noCurrentNotes: {
    zh: '2020 年以后的资料中没有这个省份的当地说明。',
    en: 'No source since 2020 has local notes for this province.',
  },
  province_alsoWritten: { zh: '其他写法', en: 'Also written' },
  province_details: { zh: '省份信息', en: 'About this province' },
  province_historical: {
    zh: '2019 年资料中的链接（旧系统，很可能已失效）',
    en: 'Links published in 2019 (old system, probably gone)',
  },
  province_historicalIntro: {
    zh: '2020 年 8 月工信部启用新的备案系统之前，服务商的帮助页面给出了以下链接和说明。旧系统的页面很可能已经无法打开，这里保留它们，供核对和查找线索。',
    en: 'Before MIIT replaced the filing system in August 2020, providers’ help pages gave these links and notes. The old system’s pages are probably gone; they are kept here for checking and as leads.',
  },
  province_historicalNotes: { zh: '2019 年资料中的说明', en: 'Notes in the 2019 material' },
  province_pageSources: { zh: '本页依据的资料', en: 'The sources of this page' },
  province_onlyThirdParty: { zh: '只有第三方资料这样说', en: 'only a third-party source says so' },
  province_formatExample: { zh: '（格式示例，不是真实备案号）', en: '(the format; not a real number)' },
  province_lookup: { zh: '查询备案号', en: 'Look up a filing number' },
  province_fullProcedure: {
    zh: '需要准备什么、怎样办理、之后会怎样：见办理步骤。',
    en: 'What to prepare, the steps and what happens after: see the procedure.',
  },
  strength_official: { zh: '官方', en: 'official' },
  strength_provider: { zh: '服务商文档', en: 'provider doc' },
  strength_third_party: { zh: '第三方', en: 'third-party' },
  era_historical: { zh: '旧系统资料', en: 'old system' },
} as const satisfies StringTable;
