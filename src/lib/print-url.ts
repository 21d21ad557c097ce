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
  const shown = text.replace(/<[^>]*>/g, '').replace(/&amp;/g, '&').trim();
  const printed = printableUrl(href);
  const bare = (s: string) => s.replace(/^(https?:\/\/|mailto:)/i, '').replace(/\/$/, '');
  return bare(shown) === bare(href) || bare(shown) === bare(printed) ? undefined : printed;
}
