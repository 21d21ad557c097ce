/** "Report a problem" and "Edit this page": links into the site's repository (SITE_REPO), built per page. */
import { tf, type Lang } from './i18n';

/** The branch the edit links open: the one the site is built from. */
const REPO_BRANCH = 'main';

/** The file (or folder, ending in "/") in the repository that a page is made from. */
export function pageSource(path: string, lang: Lang): string {
  const province = /^\/provinces\/([a-z]+)\/$/.exec(path);
  if (province) return `content/provinces/${province[1]}.yaml`;
  if (path === '/procedure/') return `content/procedure/${lang}.mdx`;
  if (path === '/sources/') return 'content/sources/';
  if (path === '/') return 'src/pages/[...lang]/index.astro';
  if (path === '/provinces/') return 'src/pages/[...lang]/provinces/index.astro';
  return `src/pages/[...lang]${path.replace(/\/$/, '')}.astro`;
}

export interface RepoLinks {
  report: string;
  edit: string;
}

/**
 * A prefilled new-issue link carrying the page's address and title, and a link to its source file (a folder opens
 * as a tree). GitHub's URL scheme; `repo` is the repository's address, e.g. "https://github.com/owner/name".
 * Null when no repository is configured.
 */
export function repoLinks(
  repo: string | undefined,
  page: { lang: Lang; url: string; title: string; file: string },
): RepoLinks | null {
  const root = repo?.trim().replace(/\/+$/, '');
  if (!root) return null;
  const issue = new URL(`${root}/issues/new`);
  issue.searchParams.set('title', tf(page.lang, 'issueTitle', { title: page.title }));
  issue.searchParams.set('body', tf(page.lang, 'issueBody', { url: page.url }));
  const mode = page.file.endsWith('/') ? 'tree' : 'edit';
  return { report: issue.href, edit: `${root}/${mode}/${REPO_BRANCH}/${encodeURI(page.file)}` };
}
