#!/usr/bin/env node
// The tests need programs from Debian: Chromium (Playwright cannot download its own browser here), nginx (the
// deploy/nginx server block is tested for real) and poppler-utils (the print test reads a PDF's text). Install whichever is missing.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const needed = [
  { bin: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', pkg: 'chromium' },
  { bin: process.env.NGINX_PATH ?? '/usr/sbin/nginx', pkg: 'nginx-light' },
  // pdftotext reads the text of a page printed to PDF (tests/e2e/editorial.spec.ts).
  { bin: process.env.PDFTOTEXT_PATH ?? '/usr/bin/pdftotext', pkg: 'poppler-utils' },
];
const missing = needed.filter((n) => !existsSync(n.bin));
if (missing.length > 0) {
  const pkgs = missing.map((m) => m.pkg).join(' ');
  console.log(`Installing Debian packages for the tests: ${pkgs}`);
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  execSync(`${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${pkgs}`, {
    stdio: 'inherit',
  });
}
const still = needed.filter((n) => !existsSync(n.bin));
if (still.length > 0) {
  console.error(
    `Still missing: ${still.map((s) => s.bin).join(', ')}. Install them or set CHROMIUM_PATH / NGINX_PATH.`,
  );
  process.exit(1);
}
