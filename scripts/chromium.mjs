// How every tool here starts Debian's Chromium: the e2e suite (playwright.config.ts) and the bench.
// Without the background-networking flags Chromium calls Google's hosts at every start, which this network refuses.
export const CHROMIUM_LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
