import { LANGS, langParam, type Lang } from './i18n';

/** getStaticPaths() for a `[...lang]` page: the default language at the root, the others under their code. */
export function langPaths(): { params: { lang: string | undefined }; props: { lang: Lang } }[] {
  return LANGS.map((lang) => ({ params: { lang: langParam(lang) }, props: { lang } }));
}
