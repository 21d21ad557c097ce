import { DEFAULT_LANG, LANGS, type Lang } from './i18n';

/** Joins the site base ("/" or "/guide/") and a root-relative path, keeping exactly one slash between them. */
export function withBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return b + path.replace(/^\/+/, '');
}

/**
 * The URL of a page in a language: `localePath('en', '/provinces/beijing/')` is `/en/provinces/beijing/`.
 * `path` is the page's path in the default language, root-relative, with a trailing slash.
 */
export function localePath(lang: Lang, path: string, base = '/'): string {
  const clean = path.startsWith('/') ? path : `/${path}`;
  return withBase(base, lang === DEFAULT_LANG ? clean : `/${lang}${clean}`);
}

/** Splits a root-relative pathname (without the base) into its language and the language-neutral path. */
export function splitLangPath(pathname: string): { lang: Lang; path: string } {
  const [, code, rest] = /^\/([a-z]{2}(?:-[a-z]{2})?)(\/.*)?$/.exec(pathname) ?? [];
  if (code && code !== DEFAULT_LANG && (LANGS as readonly string[]).includes(code)) {
    return { lang: code as Lang, path: rest ?? '/' };
  }
  return { lang: DEFAULT_LANG, path: pathname || '/' };
}

/** Strips the site base from a pathname ("/guide/en/" with base "/guide/" is "/en/"). */
export function stripBase(pathname: string, base = '/'): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return pathname.startsWith(b) ? `/${pathname.slice(b.length)}` : pathname;
}
