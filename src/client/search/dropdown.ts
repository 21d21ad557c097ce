/**
 * The header search box, loaded the first time the box is focused or typed in: results as you type in a panel
 * under the box. ArrowDown/ArrowUp move through the results (real focus on real links), Enter opens one,
 * Esc closes the panel and returns to the box; Enter in the box opens the search page.
 */
import {
  configFrom,
  debounce,
  fill,
  moveWithArrows,
  quoted,
  renderHits,
  searchInStages,
  warmUp,
  type Outcome,
} from './engine';

const SHOWN = 6;

export function attach(form: HTMLFormElement, input: HTMLInputElement): void {
  const panel = form.querySelector<HTMLElement>('[data-search-panel]')!;
  const list = form.querySelector<HTMLElement>('[data-search-results]')!;
  const status = form.querySelector<HTMLElement>('[data-search-status]')!;
  const empty = form.querySelector<HTMLElement>('[data-search-empty]')!;
  const all = form.querySelector<HTMLAnchorElement>('[data-search-all]')!;
  const d = form.dataset;
  const config = configFrom(d);
  let seq = 0;

  const pageUrl = (q: string) => `${d['searchPage']}?q=${encodeURIComponent(q)}`;
  // No aria-expanded: a search field (role searchbox) may not carry it; the live region announces the results.
  const open = () => {
    panel.hidden = false;
  };
  const close = () => {
    panel.hidden = true;
  };
  const links = () =>
    [...panel.querySelectorAll<HTMLAnchorElement>('a')].filter((a) => !a.closest('[hidden]:not([data-search-panel])'));

  const update = async () => {
    const q = input.value;
    const mine = ++seq;
    if (!q.trim()) {
      list.replaceChildren();
      status.textContent = '';
      close();
      return;
    }
    let stage = 0;
    const show = (outcome: Outcome, final: boolean) => {
      if (mine !== seq) return; // a newer query is on its way
      const more = stage++ > 0;
      renderHits(list, outcome.hits, 'site-search-hit-', more);
      if (final) list.dataset['query'] = q;
      empty.hidden = outcome.total > 0;
      if (outcome.total === 0)
        empty.querySelector('[data-search-empty-text]')!.replaceChildren(...fill(d['msgNone']!, { q: quoted(q) }));
      all.hidden = outcome.total <= SHOWN;
      all.href = pageUrl(q);
      all.replaceChildren(...fill(d['msgAll']!, { n: String(outcome.total) }));
      status.replaceChildren(
        ...fill(outcome.total === 1 ? d['msgOne']! : outcome.total === 0 ? d['msgZero']! : d['msgMany']!, {
          n: String(outcome.total),
        }),
      );
      if (!more) open(); // Pagefind's later hits never reopen a panel closed since (Esc, a click elsewhere)
    };
    try {
      await searchInStages(config, q, {}, SHOWN, show);
    } catch {
      if (mine === seq) status.textContent = d['msgError'] ?? '';
    }
  };
  const later = debounce(update, 120);

  input.addEventListener('input', later);
  // Coming back to the box from elsewhere shows the last results again (not after Esc, which closed them).
  input.addEventListener('focus', (event) => {
    const fromInside = event.relatedTarget instanceof Node && form.contains(event.relatedTarget);
    if (!fromInside && input.value.trim() && list.childElementCount + (empty.hidden ? 0 : 1) > 0) open();
  });
  // Focus means a search is coming: fetch the names index now, and Pagefind after it unless a query is pending.
  warmUp(config);
  if (input.value.trim()) void update();

  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      if (panel.hidden) return; // the browser's own Esc clears the box
      event.preventDefault();
      close();
      input.focus();
      return;
    }
    const wasHidden = panel.hidden;
    if (wasHidden && event.key === 'ArrowDown') open(); // the results of the last query, again
    if (!moveWithArrows(event, input, links()) && wasHidden) close();
  });
  // Tabbing out of the search box or clicking elsewhere closes the panel.
  form.addEventListener('focusout', (event) => {
    if (event.relatedTarget instanceof Node && !form.contains(event.relatedTarget)) close();
  });
  document.addEventListener('pointerdown', (event) => {
    if (!(event.target instanceof Node && form.contains(event.target))) close();
  });
}
