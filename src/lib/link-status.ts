/**
 * The external links' statuses as the site shows them: the monitor's classes, what each means to a reader, the URL
 * key both sides use, and the words on the page. The statuses themselves are content (content/link-status/), written
 * by the monitor (scripts/link-monitor/) and read by the build through the `linkStatus` collection.
 */
import { t, tf, type Lang, type StringKey } from './i18n.ts';

/** Every class a check can end in, except `not-checked` (the run ran out of time first), which is never recorded. */
export const RECORDED_CLASSES = [
  'ok',
  'redirected',
  'rate-limited',
  'odd-status',
  'blocked',
  'client-error',
  'server-error',
  'bad-redirect',
  'redirect-loop',
  'too-many-redirects',
  'invalid-url',
  'timeout',
  'dns-failure',
  'refused',
  'tls-error',
  'network-error',
] as const;
export const LINK_CLASSES = [...RECORDED_CLASSES, 'not-checked'] as const;
type RecordedClass = (typeof RECORDED_CLASSES)[number];
export type LinkClass = (typeof LINK_CLASSES)[number];

/**
 * What a class means to a reader: the page works; the server answered that it is not there; no answer; or the check
 * could not tell (asked to come back later, an odd answer, an address the monitor will not visit, out of time).
 */
export type LinkGroup = 'ok' | 'broken' | 'unreachable' | 'unknown';
export const CLASS_GROUP: Record<LinkClass, LinkGroup> = {
  ok: 'ok',
  redirected: 'ok',
  'rate-limited': 'unknown',
  'odd-status': 'unknown',
  blocked: 'unknown',
  'client-error': 'broken',
  'server-error': 'broken',
  'bad-redirect': 'broken',
  'redirect-loop': 'broken',
  'too-many-redirects': 'broken',
  'invalid-url': 'broken',
  timeout: 'unreachable',
  'dns-failure': 'unreachable',
  refused: 'unreachable',
  'tls-error': 'unreachable',
  'network-error': 'unreachable',
  'not-checked': 'unknown',
};

/** Broken or unreachable: the reader cannot use the link. */
export function isFailing(cls: LinkClass): boolean {
  const group = CLASS_GROUP[cls];
  return group === 'broken' || group === 'unreachable';
}

/** A snapshot in the Internet Archive. */
export interface ArchivedCopy {
  url: string;
  /** The snapshot's date, YYYY-MM-DD. */
  date: string;
}

/** One link's entry in the status file (src/schemas/link-status.ts checks it). Dates are YYYY-MM-DD, UTC. */
export interface LinkStatus {
  /** The last check's date and outcome. */
  checked: string;
  class: RecordedClass;
  /** The last HTTP status seen, if any. */
  status: number | null;
  /** Where the redirects ended. */
  finalUrl: string;
  /** The error code, or for `blocked` the address refused. */
  detail: string | null;
  /** The first check of the current run of failures; null while it works. */
  failingSince: string | null;
  /** The last check at which it worked. */
  lastOk: string | null;
  /** The closest archived copy, looked up when the link fails. */
  archive: ArchivedCopy | null;
}

/** The key both the monitor and the site use for a URL: parsed, fragment dropped. */
export function linkKey(url: string): string | null {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href;
  } catch {
    return null;
  }
}

export interface StatusWords {
  tone: 'ok' | 'warn' | 'unknown';
  /** The sentence, with its dates already in it. */
  text: string;
  /** An archived copy to offer, for a failing link that has one. */
  archive: { url: string; label: string; note: string } | null;
}

function reason(lang: Lang, status: LinkStatus): string {
  const key = `linkReason_${status.class.replace(/-/g, '_')}` as StringKey;
  return tf(lang, key, { status: status.status ?? '', detail: status.detail ?? '' });
}

/** "2026-12-07 检查：可以打开", "Not reachable since 2026-11-30 (…; checked 2026-12-07)", "尚未检查". */
export function statusWords(lang: Lang, status: LinkStatus | undefined): StatusWords {
  if (!status) return { tone: 'unknown', text: t(lang, 'linkStatusNotChecked'), archive: null };
  const date = status.checked;
  if (CLASS_GROUP[status.class] === 'ok')
    return { tone: 'ok', text: tf(lang, 'linkStatusOk', { date }), archive: null };
  if (!isFailing(status.class))
    return {
      tone: 'unknown',
      text: tf(lang, 'linkStatusUnsure', { date, reason: reason(lang, status) }),
      archive: null,
    };
  const since = status.failingSince ?? date;
  const text =
    tf(lang, 'linkStatusFailing', { since }) +
    tf(lang, 'linkStatusFailingDetail', { reason: reason(lang, status), date });
  const archive = status.archive && {
    url: status.archive.url,
    label: t(lang, 'linkArchive'),
    note: tf(lang, 'linkArchiveNote', { date: status.archive.date }),
  };
  return { tone: 'warn', text, archive };
}
