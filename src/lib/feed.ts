import { escapeHtml } from './html';
/** The changes feed: an Atom document (RFC 4287) with the newest changes in the pages' change histories. */

/** How many changes a feed carries: a reader polls it, so it needs the recent ones; each page keeps its whole history. */
const FEED_ENTRY_LIMIT = 100;

export interface FeedEntry {
  /** The page that changed (absolute URL). */
  url: string;
  title: string;
  /** YYYY-MM-DD */
  date: string;
  note: string;
}

export interface Feed {
  /** The feed's own address (absolute): also its id. */
  self: string;
  /** The site's home page in the feed's language (absolute). */
  home: string;
  lang: string;
  title: string;
  subtitle: string;
  author: string;
  entries: readonly FeedEntry[];
  /** The most entries to keep, newest first (FEED_ENTRY_LIMIT unless given). */
  limit?: number;
}

const instant = (date: string) => `${date}T00:00:00Z`;

/**
 * Entries newest first (a stable order for equal dates: page, then the order the history lists them). Each entry's
 * id is the page's address with the change's date and its place among that page's changes of that day, so it stays
 * the same from one build to the next while the history only grows. Only the newest `limit` entries are kept.
 */
export function atomFeed(feed: Feed): string {
  const seen = new Map<string, number>();
  const entries = feed.entries.map((e) => {
    const key = `${e.url} ${e.date}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return { ...e, id: `${e.url}#change-${e.date}${n > 1 ? `-${n}` : ''}` };
  });
  entries.sort((a, b) => (a.date === b.date ? 0 : a.date < b.date ? 1 : -1));
  entries.length = Math.min(entries.length, feed.limit ?? FEED_ENTRY_LIMIT);
  const updated = entries[0]?.date ?? '1970-01-01';
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeHtml(feed.lang)}">`,
    `  <id>${escapeHtml(feed.self)}</id>`,
    `  <title>${escapeHtml(feed.title)}</title>`,
    `  <subtitle>${escapeHtml(feed.subtitle)}</subtitle>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeHtml(feed.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeHtml(feed.home)}"/>`,
    `  <updated>${instant(updated)}</updated>`,
    `  <author><name>${escapeHtml(feed.author)}</name></author>`,
    ...entries.flatMap((e) => [
      '  <entry>',
      `    <id>${escapeHtml(e.id)}</id>`,
      `    <title>${escapeHtml(e.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeHtml(e.url)}"/>`,
      `    <updated>${instant(e.date)}</updated>`,
      `    <summary>${escapeHtml(e.note)}</summary>`,
      '  </entry>',
    ]),
    '</feed>',
    '',
  ];
  return lines.join('\n');
}
