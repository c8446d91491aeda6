import { defineConfig } from '@playwright/test';

// End-to-end tests drive Debian's Chromium (never a downloaded browser) against a server started
// on a fresh SQLite database in a temporary folder, in a time zone far from Vietnam's.
const port = Number(process.env['E2E_PORT'] ?? 3197);
const dataDir = process.env['E2E_DATA_DIR'] ?? `/tmp/baucoso-e2e-${process.pid}`;

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    locale: 'vi-VN',
    timezoneId: 'America/Los_Angeles',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `rm -rf ${dataDir} && node bin/baucoso.js serve --port ${port}`,
    env: { BAUCOSO_DATA_DIR: dataDir, TZ: 'America/Los_Angeles', DATABASE_URL: '' },
    url: `http://localhost:${port}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
  },
});
