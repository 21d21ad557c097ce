/**
 * The English 404 at /en/404.html. Astro writes only the root 404 as 404.html; src/pages/en/404.astro comes out as
 * en/404/index.html, which this moves to where hosts look for it (deploy/nginx, README "Deploy").
 */
import { rename, rmdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';

export default function notFoundPages(): AstroIntegration {
  return {
    name: 'not-found-pages',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const out = fileURLToPath(dir);
        await rename(join(out, 'en/404/index.html'), join(out, 'en/404.html'));
        await rmdir(join(out, 'en/404'));
      },
    },
  };
}
