import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './scripts/chromium.mjs';

const PORT = Number(process.env.E2E_PORT ?? 4399);
const BASE_PATH = process.env.BASE_PATH ?? '/';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? 'line' : 'list',
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}${BASE_PATH}`,
    browserName: 'chromium',
    launchOptions: CHROMIUM_LAUNCH,
  },
  // Serves the already-built dist/ exactly as a static host would (npm test builds it first).
  webServer: {
    command: `node scripts/serve.mjs ${process.env.ICP_OUT_DIR ?? 'dist'} ${PORT}`,
    url: `http://127.0.0.1:${PORT}${BASE_PATH}`,
    reuseExistingServer: false,
    stdout: 'ignore',
  },
});
