/** External link statuses, as shown beside each link (src/components/LinkStatus.astro). */
import type { StringTable } from './types.ts';

export default {
  linkStatusNotChecked: { zh: '尚未检查', en: 'Not checked yet' },
  linkStatusOk: { zh: '{date} 检查：可以打开', en: 'Checked {date}: it answered' },
  linkStatusFailing: { zh: '自 {since} 起无法打开', en: 'Not reachable since {since}' },
  linkStatusFailingDetail: { zh: '（{reason}；{date} 检查）', en: ' ({reason}; checked {date})' },
  linkStatusUnsure: { zh: '{date} 检查：{reason}', en: 'Checked {date}: {reason}' },
  linkArchive: { zh: '网页存档', en: 'Archived copy' },
  linkArchiveNote: {
    zh: '（web.archive.org，{date}；在中国大陆可能打不开）',
    en: ' (web.archive.org, {date}; may not open in mainland China)',
  },
  // Why a link failed, or why the check could not tell: one per monitor class (scripts/link-monitor/).
  linkReason_client_error: { zh: '服务器返回 HTTP {status}', en: 'the server answered HTTP {status}' },
  linkReason_server_error: { zh: '服务器出错，HTTP {status}', en: 'server error, HTTP {status}' },
  linkReason_bad_redirect: { zh: '跳转到浏览器无法打开的地址', en: 'it redirects to an address a browser cannot open' },
  linkReason_redirect_loop: { zh: '循环跳转', en: 'a redirect loop' },
  linkReason_too_many_redirects: { zh: '跳转次数过多', en: 'too many redirects' },
  linkReason_invalid_url: { zh: '网址无效', en: 'not a valid address' },
  linkReason_timeout: { zh: '服务器无响应', en: 'no answer from the server' },
  linkReason_dns_failure: { zh: '域名无法解析', en: 'the domain name does not resolve' },
  linkReason_refused: { zh: '连接被拒绝', en: 'the connection was refused' },
  linkReason_tls_error: { zh: 'TLS 证书错误', en: 'a TLS or certificate error' },
  linkReason_network_error: { zh: '网络错误', en: 'a network error' },
  linkReason_rate_limited: {
    zh: '服务器要求稍后再试（HTTP 429），未能确认',
    en: 'the server asked us to come back later (HTTP 429), so it is not confirmed',
  },
  linkReason_odd_status: {
    zh: '服务器的回应不寻常（HTTP {status}），未能确认',
    en: 'the server gave an unusual answer (HTTP {status}), so it is not confirmed',
  },
  linkReason_blocked: {
    zh: '指向非公网地址 {detail}，未检查',
    en: 'it leads to a non-public address, {detail}, so it was not checked',
  },
} as const satisfies StringTable;
