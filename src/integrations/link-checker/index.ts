/**
 * Astro integration: after `astro build`, checks every link in every emitted HTML page and fails the build
 * on any error. The policy is in check-site.ts and README.md; the allow-list in allowlist.ts.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegration } from 'astro';
import { ALLOW } from './allowlist.ts';
import { checkSite, type AllowEntry, type SiteConfig } from './check-site.ts';
import { readSite } from './read-site.ts';
import { jsonReport, problemLines, summaryLine } from './report.ts';

export interface LinkCheckerOptions {
  /** Exceptions; defaults to the site's allow-list (allowlist.ts). */
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
        const siteConfig: SiteConfig = {
          base: config.base,
          site: config.site,
          trailingSlash: config.trailingSlash,
          format: config.build.format,
        };
        const started = performance.now();
        const input = readSite(fileURLToPath(dir));
        const result = checkSite(input, siteConfig, options.allow ?? ALLOW);
        const ms = performance.now() - started;

        const root = fileURLToPath(config.root);
        const target = process.env['ICP_LINK_CHECK_REPORT'] ?? options.report ?? DEFAULT_REPORT;
        const reportPath = isAbsolute(target) ? target : resolve(root, target);
        mkdirSync(dirname(reportPath), { recursive: true });
        // Write then rename: parallel builds (tests) never see a half-written report.
        const tmp = `${reportPath}.${process.pid}.tmp`;
        writeFileSync(tmp, `${JSON.stringify(jsonReport(result, siteConfig, ms), null, 2)}\n`);
        renameSync(tmp, reportPath);

        const summary = `${summaryLine(result, ms)}; report: ${reportPath}`;
        if (result.errors.length === 0) {
          logger.info(summary);
          return;
        }
        logger.error(
          `${result.errors.length} broken ${result.errors.length === 1 ? 'link' : 'links'}:\n${problemLines(result.errors).join('\n')}`,
        );
        logger.error(summary);
        const error = new Error(
          `link-checker: ${result.errors.length} broken ${result.errors.length === 1 ? 'link' : 'links'} (listed above and in ${reportPath})`,
        );
        // The problems are listed above; a stack trace into this file would only bury them.
        error.stack = '';
        Object.assign(error, {
          hint: 'Fix the link, or add an explicit, reasoned entry to src/integrations/link-checker/allowlist.ts.',
        });
        throw error;
      },
    },
  };
}
