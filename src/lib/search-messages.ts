import { t, type Lang } from './i18n';
import { localePath } from './paths';

/** The search UI's words, from the site's one string table (src/lib/i18n.ts, keys search_*). */
const KEYS = [
  'label',
  'button',
  'placeholder',
  'hint',
  'results',
  'one',
  'many',
  'zero',
  'none',
  'browse',
  'all',
  'error',
  'pageTitle',
  'pageDescription',
  'pageLabel',
  'allRegions',
  'allMethods',
  'noscript',
] as const;

export type SearchMessages = Record<(typeof KEYS)[number], string>;

// Every page's header asks for them: built once per language (frozen, as callers share one object).
const built = new Map<Lang, SearchMessages>();

export function searchMessages(lang: Lang): SearchMessages {
  let m = built.get(lang);
  if (!m)
    built.set(
      lang,
      (m = Object.freeze(Object.fromEntries(KEYS.map((k) => [k, t(lang, `search_${k}`)])) as SearchMessages)),
    );
  return m;
}

/** The attributes both search fields share (the header's and the search page's): one behaviour for both. */
export const SEARCH_INPUT_ATTRIBUTES = {
  type: 'search',
  name: 'q',
  'data-search-input': '',
  autocomplete: 'off',
  spellcheck: 'false',
  enterkeyhint: 'search',
  'aria-keyshortcuts': '/',
} as const;

/**
 * The data-* attributes both search forms carry: where the two indexes are (each language's Pagefind bundle lies
 * beside its pages, as scripts/search-index/ writes it), and the words the script fills in.
 */
export function searchDataAttributes(lang: Lang, base: string): Record<string, string> {
  const m = searchMessages(lang);
  return {
    'data-bundle': localePath(lang, '/pagefind/', base),
    'data-base': base,
    'data-names': localePath(lang, '/search-names.json', base),
    'data-msg-one': m.one,
    'data-msg-many': m.many,
    'data-msg-zero': m.zero,
    'data-msg-none': m.none,
    'data-msg-all': m.all,
    'data-msg-error': m.error,
  };
}
