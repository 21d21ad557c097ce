/**
 * The search page: the query and filters live in the URL (?q=…&region=…&method=…), so a search can be shared
 * and reloaded. Typing replaces the current history entry; a new query after Enter, a filter change or a
 * landing on a shared URL gets its own entry, so Back returns to the previous search.
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

const SHOWN = 50;

export function start(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const selects = [...form.querySelectorAll<HTMLSelectElement>('select[name]')];
  const root = form.closest('main') ?? document;
  const list = root.querySelector<HTMLElement>('[data-search-results]')!;
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const empty = root.querySelector<HTMLElement>('[data-search-empty]')!;
  const d = form.dataset;
  const config = configFrom(d);
  let seq = 0;

  const filters = () => Object.fromEntries(selects.map((s) => [s.name, s.value]));

  const readUrl = () => {
    const params = new URL(location.href).searchParams;
    input.value = params.get('q') ?? '';
    for (const s of selects) {
      const v = params.get(s.name) ?? '';
      s.value = [...s.options].some((o) => o.value === v) ? v : '';
    }
  };

  const writeUrl = (push: boolean) => {
    const url = new URL(location.href);
    if (input.value) url.searchParams.set('q', input.value);
    else url.searchParams.delete('q');
    for (const s of selects) {
      if (s.value) url.searchParams.set(s.name, s.value);
      else url.searchParams.delete(s.name);
    }
    if (url.href === location.href) return;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  };

  const update = async () => {
    const q = input.value;
    const mine = ++seq;
    const searched = q.trim() !== '' || Object.values(filters()).some(Boolean);
    let stage = 0;
    const show = (outcome: Outcome, final: boolean) => {
      if (mine !== seq) return;
      renderHits(list, outcome.hits, 'search-hit-', stage++ > 0);
      if (final) list.dataset['query'] = q; // which query the list answers in full (tests wait for it)
      empty.hidden = !searched || outcome.total > 0;
      if (!empty.hidden)
        empty.querySelector('[data-search-empty-text]')!.replaceChildren(...fill(d['msgNone']!, { q: quoted(q) }));
      const message = !searched
        ? ''
        : outcome.total === 1
          ? d['msgOne']!
          : outcome.total === 0
            ? d['msgZero']!
            : d['msgMany']!;
      status.replaceChildren(...fill(message, { n: String(outcome.total) }));
    };
    try {
      await searchInStages(config, q, filters(), SHOWN, show);
    } catch {
      if (mine === seq) status.textContent = d['msgError'] ?? '';
    }
  };
  const later = debounce(update, 150);

  readUrl();
  // Landing on a shared search keeps that entry: the next query gets a new one.
  let pushNext = input.value !== '';
  input.addEventListener('input', () => {
    writeUrl(pushNext);
    pushNext = false;
    later();
  });
  for (const s of selects) {
    s.addEventListener('change', () => {
      writeUrl(true);
      pushNext = true;
      void update();
    });
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    writeUrl(false);
    pushNext = true;
    void update();
  });
  // Arrows move between the field and the results; Esc in a result goes back to the field.
  const links = () => [...list.querySelectorAll<HTMLAnchorElement>('a[data-search-hit]')];
  for (const el of [input, list]) el.addEventListener('keydown', (event) => moveWithArrows(event, input, links()));
  list.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') input.focus();
  });
  window.addEventListener('popstate', () => {
    readUrl();
    pushNext = true;
    void update();
  });
  warmUp(config);
  void update();
}
