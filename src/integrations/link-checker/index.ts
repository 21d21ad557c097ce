/**
 * Astro integration: after `astro build`, checks every link in every emitted HTML page and fails the build
 * on any error. The policy is in check-site.ts and README.md; the allow-list in allowlist.ts.
 *
 * When ICP_LINK_CHECK_AFTER names a file (scripts/build.mjs sets it), the integration writes what the check needs
 * there instead and `npm run build` runs the same check once Astro has exited: Astro's process keeps the memory it
 * grew while rendering, so a check inside it adds to the build's peak, and a check after it does not.
 */
import { writeFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegration } from 'astro';
import type { AllowEntry } from './check-site.ts';
import { BROKEN_LINK_HINT, runLinkCheck, type LinkCheckRun } from './run.ts';

export interface LinkCheckerOptions {
  /** Exceptions; defaults to the site's allow-list (allowlist.ts). A build with its own list checks inside Astro. */
  allow?: readonly AllowEntry[];
  /** Where the JSON report goes, relative to the project root. ICP_LINK_CHECK_REPORT overrides it. */
  report?: string;
}

const DEFAULT_REPORT = 'reports/link-check.json';

export default function linkChecker(options: LinkCheckerOptions = {}): AstroIntegration {
  let config: AstroConfig | undefined;
  return {
    name: 'link-checker',
    hooks: {
      'astro:config:done': ({ config: done }) => {
        config = done;
      },
      'astro:build:done': ({ dir, logger }) => {
        if (!config) throw new Error('link-checker: astro:config:done did not run');
        const target = process.env['ICP_LINK_CHECK_REPORT'] ?? options.report ?? DEFAULT_REPORT;
        const run: LinkCheckRun = {
          dir: fileURLToPath(dir),
          config: {
            base: config.base,
            site: config.site,
            trailingSlash: config.trailingSlash,
            format: config.build.format,
          },
          report: isAbsolute(target) ? target : resolve(fileURLToPath(config.root), target),
        };
        const after = process.env['ICP_LINK_CHECK_AFTER'];
        if (after && !options.allow) {
          writeFileSync(after, JSON.stringify(run));
          return;
        }
        const outcome = runLinkCheck(run, options.allow);
        if (!outcome.broken) {
          logger.info(outcome.summary);
          return;
        }
        logger.error(outcome.broken.lines);
        logger.error(outcome.summary);
        const error = new Error(outcome.broken.message);
        // The problems are listed above; a stack trace into this file would only bury them.
        error.stack = '';
        Object.assign(error, { hint: BROKEN_LINK_HINT });
        throw error;
      },
    },
  };
}
