/** JSON-LD for search engines, typed with schema-dts: breadcrumbs on every page, HowTo, GovernmentOrganization. */
import type { BreadcrumbList, GovernmentOrganization, HowTo, WithContext } from 'schema-dts';
import { HTML_LANG, t, type Lang, type StringKey } from './i18n';
import { localePath } from './paths';

export interface Crumb {
  name: string;
  url: string;
}

/** Section pages a path can sit under, with their labels. */
const SECTIONS: Record<string, StringKey> = {
  '/procedure/': 'navProcedure',
  '/provinces/': 'navProvinces',
  '/sources/': 'navSources',
};

/**
 * Home, the section the page belongs to (if any), the page. `path` is language-neutral ("/provinces/hunan/");
 * without one (the 404) the page follows Home directly, with no address of its own.
 */
export function crumbsFor(lang: Lang, path: string | undefined, title: string, base: string, site: URL): Crumb[] {
  const abs = (p: string) => new URL(localePath(lang, p, base), site).href;
  const crumbs: Crumb[] = [{ name: t(lang, 'navHome'), url: abs('/') }];
  if (path === '/') return crumbs;
  const section = Object.keys(SECTIONS).find((s) => path?.startsWith(s) && path !== s);
  if (section) crumbs.push({ name: t(lang, SECTIONS[section]!), url: abs(section) });
  crumbs.push({ name: title, url: path ? abs(path) : '' });
  return crumbs;
}

export function breadcrumbList(crumbs: readonly Crumb[]): WithContext<BreadcrumbList> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((c, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: c.name,
      ...(c.url ? { item: c.url } : {}),
    })),
  };
}

/**
 * The steps of the procedure: the items of the first numbered list in its Markdown, as plain text (emphasis,
 * links and <Cite /> tags removed), with the heading of the section that holds them.
 */
export function stepsFromMarkdown(body: string): { section: string | null; steps: string[] } {
  let section: string | null = null;
  const steps: string[] = [];
  for (const line of body.split('\n')) {
    const heading = /^##\s+(.+)$/.exec(line);
    const item = /^\d+\.\s+(.+)$/.exec(line);
    if (item) steps.push(plainText(item[1]!));
    else if (steps.length > 0 && line.trim() !== '' && !/^\s/.test(line)) break;
    else if (heading && steps.length === 0) section = heading[1]!.trim();
  }
  return { section: steps.length > 0 ? section : null, steps };
}

function plainText(markdown: string): string {
  return (
    markdown
      .replace(/<[A-Z][^>]*\/>/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/(\*\*|__|\*|_|`)/g, '')
      .replace(/\s+/g, ' ')
      // Markdown needs a space after **…。** before CJK text; plain Chinese text has none after full-width punctuation.
      .replace(/([。！？；：，、）]) (?=\S)/g, '$1')
      .trim()
  );
}

export function howTo(input: {
  lang: Lang;
  name: string;
  description: string;
  url: string;
  updated: string;
  steps: readonly string[];
  /** The address of the section that lists the steps. */
  stepsUrl: string;
}): WithContext<HowTo> {
  return {
    '@context': 'https://schema.org',
    '@type': 'HowTo',
    name: input.name,
    description: input.description,
    url: input.url,
    inLanguage: HTML_LANG[input.lang],
    dateModified: input.updated,
    step: input.steps.map((text, i) => ({ '@type': 'HowToStep', position: i + 1, text, url: input.stepsUrl })),
  };
}

export function governmentOrganization(input: {
  lang: Lang;
  name: string;
  alternateName: string;
  area: string;
  /** The page about it on this site. */
  page: string;
  /** Its own website, when a source gives one. */
  website?: string | undefined;
}): WithContext<GovernmentOrganization> {
  return {
    '@context': 'https://schema.org',
    '@type': 'GovernmentOrganization',
    '@id': `${input.page}#administration`,
    name: input.name,
    alternateName: input.alternateName,
    areaServed: { '@type': 'AdministrativeArea', name: input.area },
    mainEntityOfPage: input.page,
    ...(input.website ? { url: input.website } : {}),
  };
}

/** JSON for a <script type="application/ld+json">: "<" escaped so no text can close the element. */
export function jsonLdText(data: object): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

/** Open Graph locales (language_TERRITORY). */
export const OG_LOCALE: Record<Lang, string> = { 'zh-cn': 'zh_CN', en: 'en_US' };
