/** The sources page: every source graded, dated, and where they disagree. */
import type { StringTable } from './types.ts';

export default {
  sources_description: {
    zh: '本站每条信息和链接的来源：可信程度（官方、服务商文档、第三方）、日期、从各来源采用的内容，以及来源之间的出入。',
    en: 'The sources behind every fact and link on this site: how strong each is (official, provider doc, third-party), its date, what was taken from it, and where they disagree.',
  },
  sources_lead: {
    zh: '本站的每条信息和每个链接都来自以下资料。资料之间有出入时，两种说法都列出。',
    en: 'Every fact and link on this site comes from one of these sources. Where they disagree, the site shows both.',
  },
  sources_strengthLegend: {
    zh: '官方：政府网站的页面。服务商文档：云服务商或主机商自己的帮助文档。第三方：其他任何人，包括转载的官方表格。',
    en: 'Official: a government page. Provider doc: a cloud or hosting provider’s own documentation. Third-party: anyone else, copies of official forms included.',
  },
  sources_strength: { zh: '可信程度', en: 'Strength' },
  sources_era: { zh: '描述的系统', en: 'Describes' },
  era_current_long: {
    zh: '2020 年 8 月以后的备案系统（或与系统无关）',
    en: 'the filing system since August 2020 (or no system)',
  },
  era_historical_long: { zh: '2020 年 8 月以前的旧备案系统', en: 'the old filing system, before August 2020' },
  lang_zh: { zh: '中文', en: 'Chinese' },
  lang_en: { zh: '英文', en: 'English' },
  sources_seedsDiffer: {
    zh: '两份种子资料由不同服务商在不同时间发布。两组链接都是当时真实发布过的链接；本站两组都列出，并分别注明来源。',
    en: 'The two seed pages were published at different times by different providers. Both sets of links are real published links of their time; the site shows both and labels each.',
  },
  sources_hosts: {
    zh: '主机名：阿里云使用 *.beian.miit.gov.cn，京东云使用更早的 *cainfo.miitbeian.gov.cn。',
    en: 'Hosts: Alibaba Cloud uses *.beian.miit.gov.cn, JD Cloud the older *cainfo.miitbeian.gov.cn.',
  },
  sources_ids: {
    zh: '部分省份的页面编号不同（例如黑龙江 id=51 与 id=39，福建 id=14 与 id=6）。',
    en: 'Page ids differ for some provinces (e.g. Heilongjiang id=51 vs id=39, Fujian id=14 vs id=6).',
  },
  sources_kinds: {
    zh: '上海：裸 IP 地址（阿里云）与网上办理网站（京东云）。湖南：表格页面与网上办事大厅。江西、宁夏：通知页面与表格下载页面。',
    en: 'Shanghai: a bare IP address (Alibaba Cloud) against an online site (JD Cloud). Hunan: a form page against an online hall. Jiangxi and Ningxia: notice pages against form download pages.',
  },
  sources_cleaned: {
    zh: '{n} 个链接去掉了过期的 ;jsessionid=… 会话参数；各省页面都列出原始链接。',
    en: 'In {n} links a stale ;jsessionid=… session id was removed; each province page shows the link as published.',
  },
  sources_jdDamage: {
    zh: '京东云：“„ÄÅ”是错误解码的“、”（分隔符，不影响链接）；“Jinlin”是 Jilin（吉林）的拼写错误；其宁夏表格副本的主机名含下划线，不是有效域名，因此不列出；最后一个链接把 www.miitbeian.gov.cn 包在服务商站内的相对地址里，本站改用工信部备案系统的现行地址。',
    en: 'JD Cloud: "„ÄÅ" is a mis-decoded "、" (a separator, no link was affected); "Jinlin" is a typo for Jilin; its Ningxia form copy has a host with an underscore, which is not a valid DNS name, so it is not shown; its final link wraps www.miitbeian.gov.cn in a provider-relative URL, which this site replaces with the MIIT filing system’s current address.',
  },
  sources_aliyunPassword: {
    zh: '阿里云：找回备案密码的链接是服务商文档站内的相对地址，在本站无法打开，因此不列出。',
    en: 'Alibaba Cloud: its link for recovering the filing password is relative to the provider’s own documentation and cannot be followed from here, so it is not shown.',
  },
  sources_disagreeing: {
    zh: '两份资料给出不同链接的省份：{total} 个中的 {n} 个。',
    en: 'Provinces where the two sources give different links: {n} of {total}.',
  },
} as const satisfies StringTable;
