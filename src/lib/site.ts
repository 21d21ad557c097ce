import { LANGS, type Lang } from './i18n';
import { localePath, splitLangPath, stripBase } from './paths';

/** The page's language, from its URL: the one source of truth for components that are not handed it. */
export function langOfUrl(url: URL, base: string): Lang {
  return splitLangPath(stripBase(url.pathname, base)).lang;
}

/** Every language version of a page, for the switcher and `hreflang` alternates. */
export function alternates(path: string, base: string): { lang: Lang; href: string }[] {
  return LANGS.map((lang) => ({ lang, href: localePath(lang, path, base) }));
}
