import type { APIRoute } from 'astro';

// Crawlers read robots.txt only at the host's root. Under a base path this file is not that one, so its rules name
// the base path and it says so: its lines can be copied into the host's robots.txt as they are.
export const GET: APIRoute = ({ site }) => {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const sitemap = new URL(`${base}sitemap-index.xml`, site).href;
  const note =
    base === '/'
      ? ''
      : `# This site is served under ${base}; crawlers read only /robots.txt, so copy these lines there.\n`;
  return new Response(`${note}User-agent: *\nAllow: ${base}\n\nSitemap: ${sitemap}\n`);
};
