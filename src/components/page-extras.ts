/**
 * On every page, a few lines that need the browser: the language switch carries the query (?q= on the search page)
 * and the #anchor to the other language, and a printout carries the page's address and the day it was printed.
 */
import { formatDate } from '../lib/format';
import type { Lang } from '../lib/i18n';

const switches = [...document.querySelectorAll<HTMLAnchorElement>('a[data-lang-switch]')];
const plain = new Map(switches.map((a) => [a, a.getAttribute('href') ?? '']));

function syncSwitches(): void {
  for (const [a, href] of plain) a.setAttribute('href', href + location.search + location.hash);
}
syncSwitches();
// The search page rewrites its URL with replaceState, which fires no event: look again when the switch is used.
for (const a of switches) for (const type of ['pointerdown', 'focus', 'click']) a.addEventListener(type, syncSwitches);
addEventListener('hashchange', syncSwitches);
addEventListener('popstate', syncSwitches);

// Collapsed sections print open (CSS does it where ::details-content is supported; this, everywhere else).
let opened: HTMLDetailsElement[] = [];
addEventListener('beforeprint', () => {
  opened = [...document.querySelectorAll<HTMLDetailsElement>('details:not([open])')];
  for (const d of opened) d.open = true;
});
addEventListener('afterprint', () => {
  for (const d of opened) d.open = false;
  opened = [];
});

addEventListener('beforeprint', () => {
  const stamp = document.querySelector<HTMLElement>('[data-print-stamp]');
  if (!stamp) return;
  const url = stamp.querySelector('[data-print-url]')!;
  if (!url.textContent) url.textContent = location.href; // the 404 has no address of its own
  const now = new Date();
  const iso = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  const time = stamp.querySelector('time')!;
  time.dateTime = iso;
  time.textContent = formatDate(iso, stamp.dataset['lang'] as Lang);
  stamp.querySelector<HTMLElement>('[data-print-date]')!.hidden = false;
});
