import type { Lang } from './i18n';

// One formatter for the whole build: toLocaleString would build a new one on every call.
const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' });

/** "2019-08" → "2019 年 8 月" / "August 2019"; a bare year stays a year. */
export function formatDate(value: string, lang: Lang): string {
  const [y, m, d] = value.split('-').map(Number);
  if (lang === 'zh-cn') return `${y} 年${m ? ` ${m} 月` : ''}${d ? ` ${d} 日` : ''}`;
  if (!m) return String(y);
  const month = MONTH.format(Date.UTC(y!, m - 1, d || 1));
  return d ? `${d} ${month} ${y}` : `${month} ${y}`;
}

/** The year of a date string, for "as published by … (2019)". */
export function yearOf(value: string | null): string | null {
  return value ? value.slice(0, 4) : null;
}
