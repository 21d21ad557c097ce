/** The filing-number lookup and the header search's no-JavaScript text. */
import type { StringTable } from './types.ts';

// lookup_* keys with {placeholders} are the lookup script's messages (src/lib/icp-number-messages.ts): the page
// carries its language's texts, filled in the browser as text.
export default {
  lookup_empty: {
    zh: '请输入备案号，例如 京ICP备12345678号-1。',
    en: 'Enter a filing number, e.g. 京ICP备12345678号-1.',
  },
  lookup_icpLicence: {
    zh: '“{found}”是 ICP 经营许可证号（“ICP证”），不是备案号（“ICP备”）。许可证是另一回事；如果网站还显示一个“ICP备”开头的号码，请查那个号码。',
    en: '“{found}” is an ICP operating licence (“ICP证”), not a filing number (“ICP备”). A licence is a different thing; if the site also shows a number with “ICP备”, look up that one.',
  },
  lookup_telecomLicence: {
    zh: '“{found}”是增值电信业务经营许可证号，不是 ICP 备案号。备案号的样子是 京ICP备12345678号，可以在网站页脚找找。',
    en: '“{found}” is a value-added telecom business licence, not an ICP filing number. A filing number looks like 京ICP备12345678号; look for one in the site footer.',
  },
  lookup_publicSecurity: {
    zh: '“{found}”是公安机关互联网备案号（“公网安备”），属于公安部的另一套系统，不在通信管理局注销。请查网站页脚里“ICP备”开头的号码。',
    en: '“{found}” is a public-security filing (“公网安备”): a separate system, run by the Ministry of Public Security and not deregistered at a communications administration. Look for the number with “ICP备” in the site footer.',
  },
  lookup_outsideSystem: {
    zh: '“{prefix}”代表{region}，不是 31 个备案省份之一。ICP 备案由内地 31 个省、自治区、直辖市的通信管理局办理，香港、澳门、台湾不在这个系统内。',
    en: '“{prefix}” stands for {region}, which is not one of the 31 filing provinces. ICP filings are issued by the communications administrations of the 31 mainland provinces; Hong Kong, Macao and Taiwan are outside this system.',
  },
  lookup_region_hong_kong: { zh: '香港', en: 'Hong Kong' },
  lookup_region_macao: { zh: '澳门', en: 'Macao' },
  lookup_region_taiwan: { zh: '台湾', en: 'Taiwan' },
  lookup_placeholderPrefix: {
    zh: '“{prefix}”不是备案号首字：本站的研究笔记只在示例占位文字中见过“{prefix}ICP备”。这个省份的备案号以“{standard}”开头。',
    en: '“{prefix}” is not a prefix character: this site’s research notes have seen “{prefix}ICP备” only in placeholder text. That province’s filing numbers start with “{standard}”.',
  },
  lookup_unknownPrefix: {
    zh: '“{found}”的第一个字“{prefix}”不是 31 个备案号首字之一。请对照网站页脚重新复制，或在下面的表格里找到你的省份。',
    en: 'The first character of “{found}”, “{prefix}”, is not one of the 31 prefix characters. Copy the number again from the site footer, or find your province in the table.',
  },
  lookup_missingPrefix: {
    zh: '“{found}”缺少开头的备案号首字：备案号以一个字开头，例如“京ICP备……”，这个字就是省份。请对照网站页脚重新复制。',
    en: '“{found}” is missing its first character: a filing number starts with the prefix character, as in 京ICP备…. Copy it again from the site footer.',
  },
  lookup_malformed_no_serial: {
    zh: '“{found}”缺少编号：“ICP备”后面应当是一串数字，再加“号”，例如 京ICP备12345678号。',
    en: '“{found}” has no serial: “ICP备” is followed by digits and then “号”, as in 京ICP备12345678号.',
  },
  lookup_malformed_serial_length: {
    zh: '“{found}”的编号位数不对。备案号的编号通常是 8 位数字，或 4 位年份加 6 位数字（如 2021034567）。请对照网站页脚重新复制。',
    en: 'The serial in “{found}” has the wrong number of digits. Serials have 8 digits, or a 4-digit year plus 6 digits (e.g. 2021034567). Copy it again from the site footer.',
  },
  lookup_malformed_site_number: {
    zh: '“{found}”末尾的网站序号不对：“-N”表示该主体的第 N 个网站，从 1 开始。',
    en: 'The website number at the end of “{found}” is not valid: “-N” means the entity’s N-th website, counting from 1.',
  },
  lookup_malformed_missing_bei: {
    zh: '“{found}”在“ICP”后面少了一个字：备案号是“ICP备”，经营许可证是“ICP证”。请对照网站页脚重新复制。',
    en: '“{found}” is missing a character after “ICP”: a filing number has “ICP备”, an operating licence “ICP证”. Copy it again from the site footer.',
  },
  lookup_unrecognized: {
    zh: '这不像 ICP 备案号。备案号的样子是 京ICP备12345678号 或 京ICP备12345678号-1：备案号首字、“ICP备”、数字、“号”。',
    en: 'This does not look like an ICP filing number. A filing number looks like 京ICP备12345678号 or 京ICP备12345678号-1: a prefix character, “ICP备”, digits, “号”.',
  },
  lookup_domain: {
    zh: '“{found}”是域名，不是备案号。请在工信部备案系统的公共查询中查这个域名，找到它的备案号：备案号的第一个字就是省份。如果域名在其他单位的备案下，要到那个备案所在省的通信管理局办理注销。',
    en: '“{found}” is a domain, not a filing number. Look the domain up in the MIIT filing system’s public query to find its filing number: the first character of the filing number is the province. If the domain is held by another entity’s filing, deregister at the communications administration of the province where that filing was made.',
  },
  lookup_domainLink: { zh: '工信部备案系统（公共查询）', en: 'MIIT filing system (public query)' },
  lookup_variant: {
    zh: '“{prefix}ICP备”见于部分较早的{name}网站，但本站的研究笔记未能证实它是正式的备案号首字；{name}的备案号首字是“{standard}”。请到工信部备案系统核对这个号码。',
    en: '“{prefix}ICP备” appears on some older {name} sites, but this site’s research notes could not confirm it as an official prefix character; {name}’s prefix character is “{standard}”. Check the number in the MIIT filing system.',
  },
  lookup_serial: {
    zh: '编号 {serial} 有 {n} 位，而资料中的编号是 8 位，或 4 位年份加 6 位。省份仍以第一个字为准，但请核对号码是否复制完整。',
    en: 'The serial {serial} has {n} digits; the sources show 8, or a 4-digit year plus 6. The first character still gives the province, but check that the number was copied in full.',
  },
  lookup_filedIn: { zh: '备案省份', en: 'Filed in' },
  lookup_number: { zh: '备案号', en: 'Filing number' },
  lookup_site: { zh: '网站序号', en: 'Website number' },
  lookup_provinceLink: {
    zh: '在{name}注销：表格、链接和当地说明',
    en: 'Deregister in {name}: forms, links and local notes',
  },
  lookup_prefixTableLink: { zh: '31 个备案号首字一览', en: 'The 31 prefix characters' },
  lookup_methodSeparator: { zh: '、', en: ' / ' },
  lookup_formLabel: { zh: '备案号查询', en: 'Look up a filing number' },
  lookup_inputLabel: { zh: '备案号', en: 'ICP filing number' },
  lookup_inputHint: {
    zh: '从网站页脚复制，例如 京ICP备12345678号-1。',
    en: 'Copy it from the footer of the site, e.g. 京ICP备12345678号-1.',
  },
  lookup_button: { zh: '查询', en: 'Look up' },
  lookup_noscript: {
    zh: '没有 JavaScript 时，查询会打开备案号查询页：请在页面下方的“31 个备案号首字”表中找到备案号的第一个字，它就是省份。',
    en: 'Without JavaScript, the lookup opens the lookup page: find the first character of your filing number in its table of the 31 prefix characters; that character is the province.',
  },
  lookup_noscriptPage: {
    zh: '查询需要 JavaScript。不用它也能找到省份：在下面的“31 个备案号首字”表中找到备案号的第一个字。',
    en: 'The lookup needs JavaScript. You can find the province without it: find the first character of your filing number in the table of the 31 prefix characters below.',
  },
  lookup_searchNoscript: {
    zh: '站内搜索需要 JavaScript。下面列出全部 31 个省份和它们下辖的城市：用浏览器的“在页面中查找”（Ctrl+F 或 ⌘F）找到你的省份或城市。',
    en: 'Site search needs JavaScript. All 31 provinces and their cities are listed below: use your browser’s find in page (Ctrl+F or ⌘F) to find your province or city.',
  },
  // The lookup page.
  lookup_pageDescription: {
    zh: '备案号的第一个字就是网站备案所在的省份，也就是办理注销的通信管理局。粘贴备案号查询，或在 31 个备案号首字表中找到它的第一个字。',
    en: 'The first character of an ICP filing number names the province where the site was filed, and so the communications administration where you deregister it. Paste the number, or find its first character in the table of the 31 prefix characters.',
  },
  lookup_formatTitle: { zh: '怎样看懂备案号', en: 'How to read a filing number' },
  lookup_termSeparator: { zh: '：', en: ': ' },
  lookup_listSeparator: { zh: '、', en: ', ' },
  lookup_anatomyPrefix: {
    zh: '网站备案所在的省份（这里是北京），到这个省的通信管理局办理注销。',
    en: 'the province where the site was filed (here Beijing). Deregister at that province’s communications administration.',
  },
  lookup_anatomyBei: {
    zh: 'ICP 备案。如果是“ICP证”，那是经营许可证，不是备案号。',
    en: 'an ICP filing (备案). ICP证 would be an operating licence instead.',
  },
  lookup_anatomySerial: {
    zh: '办理备案的主体（单位或个人）的编号。较早的编号是 8 位数字，近年的是 4 位年份加数字，例如 蜀ICP备2026007879号-1。',
    en: 'the serial of the entity (the company or person) that filed. Older serials have 8 digits; recent ones a 4-digit year plus digits, e.g. 蜀ICP备2026007879号-1.',
  },
  lookup_anatomySite: {
    zh: '该主体的第 3 个网站。没有这一段的是主体备案号。',
    en: 'the entity’s third website. A number without it is the entity’s own number.',
  },
  lookup_prefixTableIntro: {
    zh: '找到备案号的第一个字，点进省份页面查看当地的注销方式。',
    en: 'Find the first character of your filing number; its province page shows how to deregister there.',
  },
  lookup_prefixTableCaption: { zh: '按地区排列。来源：', en: 'Sorted by region. Source: ' },
  lookup_notFilingsTitle: { zh: '不是备案号的号码', en: 'Numbers that are not filing numbers' },
  lookup_notLicence: {
    zh: '增值电信业务经营许可证号，和备案是两回事。',
    en: 'operating licences for value-added telecom services, a different thing from a filing.',
  },
  lookup_notPublicSecurity: {
    zh: '公安机关互联网备案号，属于公安部的另一套系统，不在通信管理局注销。',
    en: 'a public-security filing, a separate system run by the Ministry of Public Security. It is not deregistered at the communications administration.',
  },
  lookup_notChuan: {
    zh: '见于部分较早的四川网站，但未能证实是正式的备案号首字；四川的备案号首字是“蜀”。查询时按四川处理，并标明未经证实。',
    en: 'appears on some older Sichuan sites, but is not confirmed as an official prefix character; Sichuan’s prefix character is 蜀. The lookup reads it as Sichuan and marks it unconfirmed.',
  },
  lookup_notGan: {
    zh: '只在示例占位文字中出现过；甘肃的备案号首字是“陇”。',
    en: 'seen only in placeholder text; Gansu’s prefix character is 陇.',
  },
  lookup_notOutside: {
    zh: '香港、澳门、台湾不在上面 31 个省份之列，没有备案号首字。',
    en: 'Hong Kong, Macao and Taiwan are not among the 31 provinces above and have no prefix character.',
  },
  // The home page.
  home_audience: {
    zh: '适用于无法通过接入服务商在线注销备案，或域名被其他单位的备案占用的网站所有者。',
    en: 'For website owners whose filing cannot be cancelled online through their hosting provider, or whose domain is held by another entity’s filing.',
  },
  home_start: { zh: '哪种情况适合你？', en: 'Which case is yours?' },
  home_firstCharacter: {
    zh: '备案号的第一个字就是省份：“京ICP备……”是北京，“蜀ICP备……”是四川。',
    en: 'The first character of your filing number is the province: 京ICP备… is Beijing, 蜀ICP备… is Sichuan.',
  },
  home_noNumber: { zh: '没有备案号？按地区选择省份', en: 'Don’t have the number? Pick your province by region' },
  home_stepsTitle: { zh: '办理步骤一览', en: 'The steps at a glance' },
  home_step1: {
    zh: '找到网站备案所在省的通信管理局。',
    en: 'Find the communications administration of the province where the site was filed.',
  },
  home_step2: {
    zh: '下载注销备案申请表并打印（有网上入口的省份在网上办理）。',
    en: 'Download its deregistration form and print it (or use its website, where it has one).',
  },
  home_step3: { zh: '按申请表的要求填写。', en: 'Fill in the form as it instructs.' },
  home_step4: {
    zh: '把申请表和所需证件一起提交给通信管理局。',
    en: 'Submit it, with the documents it asks for, to the communications administration.',
  },
  home_procedureLink: {
    zh: '完整步骤：开始之前、办理步骤、之后会怎样',
    en: 'The full procedure: before you start, the steps, what happens next',
  },
  home_pickTitle: { zh: '或按地区选择省份', en: 'Or pick your province by region' },
  home_allProvinces: { zh: '全部省份一览表（含当地说明）', en: 'All provinces in one table, with local notes' },
  // The province index.
  index_description: {
    zh: '全部 31 个省级通信管理局，按地区分组：备案号首字、注销方式、当地说明和下辖城市。',
    en: 'All 31 provincial communications administrations, grouped by region: the prefix character, how to deregister there, local notes and cities.',
  },
  index_lead: {
    zh: '到网站备案所在省的通信管理局办理注销。备案号的第一个字就是省份：“京ICP备……”是北京。',
    en: 'Deregister at the communications administration of the province where the site was filed. The first character of the filing number names it: 京ICP备… is Beijing.',
  },
  index_prefixColumn: { zh: '备案号首字', en: 'Prefix character' },
  index_cities: { zh: '下辖城市（{n} 个）', en: 'Cities ({n})' },
  index_notes: { zh: '当地说明（{n} 条）', en: 'Local notes ({n})' },
  index_districts: { zh: '下辖区县（{n} 个）', en: 'Districts and counties ({n})' },
} as const satisfies StringTable;
