/**
 * What an external URL on this site must look like. Used twice: by the content schema
 * (a bad URL never enters the registry) and by the build-time link checker (none reaches a page).
 */
import { addressRange } from './ip-address.ts';

type PolicyLevel = 'error' | 'warning';
export interface PolicyProblem {
  level: PolicyLevel;
  rule:
    | 'malformed'
    | 'protocol'
    | 'credentials'
    | 'session-id'
    | 'invisible'
    | 'host'
    | 'non-public-host'
    | 'bare-ip'
    | 'insecure';
  message: string;
}

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** Query or path parameters that carry a server session: they expire and leak. Compared without `-` and `_`. */
const SESSION_PARAMS = ['jsessionid', 'phpsessid', 'sessionid', 'sessid', 'sid', 'cfid', 'cftoken'];
// Exact names (so `side=` or `sidebar=` pass); classic ASP appends random letters: ASPSESSIONIDQQGQGQRA.
const SESSION_PARAM_PATTERN = new RegExp(`^(?:(?:${SESSION_PARAMS.join('|')})|aspsessionid[a-z]*)$`, 'i');

/**
 * Invisible format characters: zero-width spaces and joiners, direction marks, bidi embeddings, overrides and
 * isolates, and the byte-order mark. In a link or a name they hide text or make it display reversed (U+202E).
 */
const INVISIBLE_FORMAT_CHARS = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/;

/** "U+202E at character 12" for the first invisible format character in `text`, or undefined. */
export function invisibleCharacter(text: string): string | undefined {
  const at = text.search(INVISIBLE_FORMAT_CHARS);
  if (at < 0) return undefined;
  const code = text.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0');
  return `U+${code} at character ${at + 1}`;
}

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const DNS_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** True for a host name that DNS can carry: letters, digits and hyphens in labels of ≤ 63, an alphabetic or punycode TLD. */
export function isValidDnsName(hostname: string): boolean {
  if (hostname.length === 0 || hostname.length > 253) return false;
  const labels = hostname.replace(/\.$/, '').split('.');
  if (labels.length < 2) return false;
  if (!labels.every((label) => DNS_LABEL.test(label))) return false;
  const tld = labels[labels.length - 1] ?? '';
  return /^[a-z]{2,63}$/.test(tld) || /^xn--[a-z0-9-]+$/.test(tld);
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

const isSessionParam = (name: string) => SESSION_PARAM_PATTERN.test(name.trim().replace(/[-_]/g, ''));

function hasSessionId(url: URL, raw: string): boolean {
  // ;jsessionid=… lives in the path, before the query: a servlet container's URL rewriting. Also found
  // percent-encoded (%3Bjsessionid%3D), which a server decodes back to the same thing.
  const path = safeDecode(raw.replace(/[?#].*$/s, ''));
  for (const [, name] of path.matchAll(/;([^;=/?#]*)=/g)) if (isSessionParam(name!)) return true;
  for (const key of url.searchParams.keys()) if (isSessionParam(key)) return true;
  return false;
}

/**
 * A host that is not on the public internet: an IP in a loopback, private, link-local, CGNAT… range (the URL parser has
 * already turned spellings such as `2130706433` or `0x7f.1` into `127.0.0.1`), or a name under `.localhost` (bare `localhost` fails the DNS-name rule).
 */
function nonPublicHostProblem(url: URL): PolicyProblem | null {
  const host = url.hostname;
  const range = addressRange(host);
  if (range !== null && range !== 'public') {
    return { level: 'error', rule: 'non-public-host', message: `the host ${host} is not a public address (${range})` };
  }
  if (/\.localhost\.?$/i.test(host)) {
    return { level: 'error', rule: 'non-public-host', message: `the host ${host} is this computer (localhost)` };
  }
  return null;
}

/** Every way `raw` breaks the external-URL policy; an empty list means it is fine. */
export function urlPolicyProblems(raw: string): PolicyProblem[] {
  // First: the URL parser drops some (U+200B in a host) or refuses others, and the whitespace rule would call U+FEFF whitespace.
  const invisible = invisibleCharacter(raw) ?? invisibleCharacter(safeDecode(raw));
  if (invisible) {
    return [
      { level: 'error', rule: 'invisible', message: `the URL contains an invisible format character (${invisible})` },
    ];
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return [{ level: 'error', rule: 'malformed', message: 'not a well-formed absolute URL' }];
  }
  const problems: PolicyProblem[] = [];
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) {
    return [
      {
        level: 'error',
        rule: 'protocol',
        message: `protocol ${url.protocol} is not allowed (http, https, mailto only)`,
      },
    ];
  }
  // The URL parser forgives what a reader copying the link would not: `http:/host`, backslashes, and tabs
  // or newlines, which it silently deletes. The published form must already be the real one.
  if (/[\s\\]/.test(raw) || /[\u0000-\u001f\u007f]/.test(raw)) {
    return [
      { level: 'error', rule: 'malformed', message: 'the URL contains whitespace, a control character or a backslash' },
    ];
  }
  if (url.protocol !== 'mailto:' && !/^https?:\/\/[^/]/i.test(raw)) {
    return [
      {
        level: 'error',
        rule: 'malformed',
        message: 'an http(s) URL must start with "http://" or "https://" and a host',
      },
    ];
  }
  if (url.protocol === 'mailto:') {
    if (!/^[^@\s]+@[^@\s]+$/.test(safeDecode(url.pathname))) {
      problems.push({ level: 'error', rule: 'malformed', message: 'mailto: without a valid address' });
    }
    return problems;
  }
  if (url.username || url.password) {
    problems.push({ level: 'error', rule: 'credentials', message: 'the URL carries a user name or password' });
  }
  if (hasSessionId(url, raw)) {
    problems.push({
      level: 'error',
      rule: 'session-id',
      message: 'the URL carries a session id (e.g. ;jsessionid=), which expires',
    });
  }
  const host = url.hostname;
  const nonPublic = nonPublicHostProblem(url);
  if (nonPublic) problems.push(nonPublic);
  else if (IPV4.test(host) || host.startsWith('[')) {
    problems.push({ level: 'warning', rule: 'bare-ip', message: `the host is a bare IP address (${host})` });
  } else if (!isValidDnsName(host)) {
    problems.push({ level: 'error', rule: 'host', message: `the host "${host}" is not a valid DNS name` });
  }
  if (url.protocol === 'http:') {
    problems.push({ level: 'warning', rule: 'insecure', message: 'plain http:// (no TLS)' });
  }
  return problems;
}
