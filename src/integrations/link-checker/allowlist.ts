/**
 * Links the checker would refuse but that the site publishes on purpose. Every entry names the one rule it
 * waives, the link (exact, or a pattern), optionally the page, and why. Unused entries are reported.
 * There is no blanket skip: a whole rule, page or host cannot be switched off here.
 *
 * Example:
 *   { rule: 'host', link: 'http://legacy_host.example.gov.cn/form.doc', page: '/provinces/x/',
 *     reason: 'the only published copy of the form; the administration has no other host' },
 */
import type { AllowEntry } from './check-site.ts';

export const ALLOW: readonly AllowEntry[] = [];
