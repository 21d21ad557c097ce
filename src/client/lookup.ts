/** The filing-number lookup form: parses what is pasted, answers in place, keeps the number in the URL. */
import { parseIcpNumber, prefixTable, type IcpResult } from '../lib/icp-number';
import {
  fillMessage,
  problemMessage,
  serialMessage,
  variantMessage,
  type LookupProvince,
  type Messages,
} from '../lib/icp-number-messages';

// Builds DOM from text only: user input never reaches innerHTML.
function el(tag: string, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

function setup(form: HTMLFormElement) {
  const root = form.parentElement!;
  const input = form.querySelector<HTMLInputElement>('input[name="number"]')!;
  const resultEl = root.querySelector<HTMLElement>('[data-lookup-result]')!;
  const errorEl = root.querySelector<HTMLElement>('[data-lookup-error]')!;
  const d = form.dataset;
  const m = JSON.parse(d['messages'] ?? '{}') as Messages;
  const table = prefixTable<LookupProvince>(JSON.parse(d['prefixes'] ?? '{}'));
  const hint = input.getAttribute('aria-describedby') ?? '';

  function show(result: IcpResult<LookupProvince>) {
    resultEl.replaceChildren();
    errorEl.replaceChildren();
    resultEl.hidden = !result.ok;
    errorEl.hidden = result.ok;
    input.setAttribute('aria-invalid', String(!result.ok));
    input.setAttribute('aria-describedby', result.ok ? hint : `${hint} ${errorEl.id}`);
    if (!result.ok) {
      errorEl.append(el('p', {}, problemMessage(result, m)));
      if (result.suggestion) {
        const s = result.suggestion.province;
        errorEl.append(el('p', {}, el('a', { href: s.href }, `${s.name} (${result.suggestion.prefix})`)));
      } else if (result.problem === 'domain') {
        const sources = (JSON.parse(d['domainSources'] ?? '[]') as { href: string; text: string }[]).map((s) =>
          el('li', {}, el('a', { href: s.href }, s.text)),
        );
        errorEl.append(
          el(
            'p',
            { class: 'lookup-go' },
            el('a', { href: d['queryHref']!, rel: 'noopener noreferrer', 'data-lookup-query': '' }, m.domainLink),
          ),
          el('ul', { class: 'inline-list small' }, ...sources),
        );
      } else if (result.problem.endsWith('prefix') || result.problem === 'outside-system') {
        errorEl.append(el('p', {}, el('a', { href: d['prefixTableHref']! }, m.prefixTableLink)));
      }
      return;
    }
    const p = result.province;
    resultEl.dataset['province'] = p.slug;
    const name = p.name === p.zh ? p.name : `${p.name} (${p.zh})`;
    const facts = el('dl', { class: 'facts' });
    const fact = (label: string, value: Node | string) => facts.append(el('dt', {}, label), el('dd', {}, value));
    fact(m.filedIn, el('strong', {}, name));
    fact(m.number, el('code', { lang: 'zh-CN' }, result.normalized));
    if (result.siteNumber !== null) fact(m.site, String(result.siteNumber));
    fact(m.administration, p.admin);
    fact(m.howToDeregister, p.methods);
    resultEl.append(
      facts,
      el('p', { class: 'lookup-go' }, el('a', { href: p.href }, fillMessage(m.provinceLink, { name: p.name }))),
    );
    if (result.variant) {
      const source = el('a', { href: `${d['sourcesHref']}#${result.variant.source}` }, m.source);
      resultEl.append(
        el(
          'p',
          { class: 'callout', 'data-lookup-variant': '' },
          el('span', { class: 'tag tag-warn' }, m.unconfirmed),
          ' ',
          variantMessage(result.variant, p.name, m),
          ' ',
          source,
        ),
      );
    }
    const serialNote = serialMessage(result.serialStyle, result.entitySerial, m);
    if (serialNote) resultEl.append(el('p', { class: 'small' }, serialNote));
  }

  function lookup(value: string) {
    show(parseIcpNumber(value, table));
    // The URL carries the number: a result can be shared and survives Back; the language switch
    // (src/client/page-extras.ts) carries the page's query along.
    const url = new URL(location.href);
    url.searchParams.set('number', value);
    history.replaceState(history.state, '', url);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    lookup(input.value);
    // The answer may be below the fold on a phone: take the reader (and a screen reader's focus) to it.
    const shown = resultEl.hidden ? errorEl : resultEl;
    shown.focus({ preventScroll: true });
    shown.scrollIntoView({ block: 'nearest' });
  });
  const initial = new URLSearchParams(location.search).get('number');
  if (initial !== null) {
    input.value = initial;
    lookup(initial);
  }
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-lookup-form]')) setup(form);
