/** An address as a printout shows it: Unicode host names (域名.信息, not xn--…) and path, not percent-escapes. */
import { domainToUnicode } from 'node:url';

export function printableUrl(href: string): string {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return href;
  }
  if (url.protocol === 'mailto:') return safeDecode(url.pathname);
  const host = domainToUnicode(url.hostname) || url.hostname;
  const port = url.port ? `:${url.port}` : '';
  const rest = safeDecode(url.pathname + url.search + url.hash);
  return `${url.protocol}//${host}${port}${rest === '/' ? '' : rest}`;
}

/** Decodes what is text; an escape that does not decode (a lone %, a broken UTF-8 sequence) stays as written. */
function safeDecode(text: string): string {
  return text.replace(/(%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      const decoded = decodeURIComponent(run);
      // Spaces and controls would make the printed address ambiguous.
      return /[\s\p{Cc}]/u.test(decoded) ? run : decoded;
    } catch {
      return run;
    }
  });
}

/**
 * Whether a link needs its address printed after it: not when its text already is the address (as written, or
 * readable), so each address is printed once.
 */
export function printHref(href: string | undefined, text: string): string | undefined {
  if (!href || !/^(https?|mailto):/i.test(href)) return undefined;
  const shown = text
    .replace(/<[^>]*>/g, '')
    .replace(/&amp;/g, '&')
    .trim();
  const printed = printableUrl(href);
  const bare = (s: string) => s.replace(/^(https?:\/\/|mailto:)/i, '').replace(/\/$/, '');
  return bare(shown) === bare(href) || bare(shown) === bare(printed) ? undefined : printed;
}

// A URL, or a host name of two or more labels ending in a letters-only top-level label ("oss-cn-hangzhou.aliyuncs.com").
const ADDRESS =
  /(?:https?:\/\/[^\s，。；、（）()"“”]+|(?<![\p{L}\p{N}_.-])(?:[a-z0-9_-]+\.){1,}[a-z]{2,}(?![\p{L}\p{N}_.-]))/giu;

/** Text split into prose and addresses, so a template can keep addresses out of the search index. */
export function splitAddresses(text: string): { text: string; address: boolean }[] {
  const parts: { text: string; address: boolean }[] = [];
  let at = 0;
  for (const m of text.matchAll(ADDRESS)) {
    // "e.g" and "i.e": no label of one letter before a short ending is a host.
    if (!m[0].includes('/') && /^[a-z]\.[a-z]{1,2}$/i.test(m[0])) continue;
    if (m.index > at) parts.push({ text: text.slice(at, m.index), address: false });
    parts.push({ text: m[0], address: true });
    at = m.index + m[0].length;
  }
  if (at < text.length) parts.push({ text: text.slice(at), address: false });
  return parts;
}
