/**
 * On every page, a few lines that need the browser: the language switch carries the query (?q= on the search page)
 * and the #anchor to the other language, and a printout carries the page's address and the day it was printed.
 */
const switches = [...document.querySelectorAll<HTMLAnchorElement>('a[data-lang-switch]')];
const plain = switches.map((a) => a.getAttribute('href')!.replace(/[?#].*$/, ''));
const sync = () => switches.forEach((a, i) => a.setAttribute('href', plain[i] + location.search + location.hash));
sync();
// The search page rewrites its URL with replaceState, which fires no event: look again when the switch is used.
for (const a of switches) for (const type of ['pointerdown', 'focus', 'click']) a.addEventListener(type, sync);
addEventListener('hashchange', sync);
addEventListener('popstate', sync);

addEventListener('beforeprint', () => {
  const stamp = document.querySelector<HTMLElement>('[data-print-stamp]');
  if (!stamp) return;
  const url = stamp.querySelector('[data-print-url]')!;
  url.textContent ||= location.href; // the 404 has no address of its own
  const now = new Date();
  const parts: Record<string, string | number> = {
    y: now.getFullYear(),
    m: now.getMonth() + 1,
    d: now.getDate(),
    month: now.toLocaleString('en-GB', { month: 'long' }),
  };
  const time = stamp.querySelector('time')!;
  time.dateTime = now.toISOString().slice(0, 10);
  time.textContent = stamp.dataset['dateFormat']!.replace(/\{(\w+)\}/g, (_, k: string) => String(parts[k]));
  stamp.querySelector<HTMLElement>('[data-print-date]')!.hidden = false;
});
