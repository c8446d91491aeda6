import { defineConfig } from '@playwright/test';

// End-to-end tests drive Debian's Chromium (never a downloaded browser) against servers started on
// fresh SQLite databases in temporary folders, in a time zone far from Vietnam's. Specs that take the
// demo election of Khu phố 1 through polling day each get their own server, so that one spec's
// polling day does not become another's starting point.
process.env['E2E_RUN'] ??= String(process.pid); // the runner sets it; its workers inherit it
const base = Number(process.env['E2E_PORT'] ?? 3197);
const dataRoot = process.env['E2E_DATA_DIR'] ?? `/tmp/baucoso-e2e-${process.env['E2E_RUN']}`;
process.env['E2E_DATA_DIR'] = dataRoot;

/** Each server: its port offset and the specs it serves ('main' serves all the others). */
const servers = [
  { name: 'main', offset: 0, specs: null },
  { name: 'count', offset: 1, specs: /(^|\/)count\.spec\.ts$/ },
  { name: 'polling', offset: 2, specs: /(^|\/)polling\.spec\.ts$/ },
  { name: 'roll', offset: 3, specs: /(^|\/)roll\.spec\.ts$/ },
  { name: 'meeting', offset: 5, specs: /(^|\/)meeting\.spec\.ts$/ },
  { name: 'register', offset: 4, specs: /(^|\/)register\.spec\.ts$/ },
  { name: 'phone', offset: 6, specs: /(^|\/)phone-.*\.spec\.ts$/ },
  { name: 'verify', offset: 8, specs: /(^|\/)verify\.spec\.ts$/ },
  { name: 'recompute', offset: 7, specs: /(^|\/)recompute\.spec\.ts$/ },
  { name: 'guide', offset: 9, specs: /(^|\/)guide-screenshots\.spec\.ts$/ },
  { name: 'a11y', offset: 10, specs: /(^|\/)a11y\.spec\.ts$/ },
] as const;

/** A 390×844 phone held in the hand: touch, mobile viewport, taps instead of keys. */
const phone = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };
const dedicated = servers.flatMap((s) => (s.specs ? [s.specs] : []));

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
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
  projects: servers.map((s) => ({
    name: s.name,
    ...(s.specs ? { testMatch: s.specs } : { testIgnore: dedicated }),
    use: { baseURL: `http://localhost:${base + s.offset}`, ...(s.name === 'phone' ? phone : {}) },
  })),
  webServer: servers.map((s) => ({
    command: `rm -rf ${dataRoot}/${s.name} && node bin/baucoso.js serve --port ${base + s.offset}`,
    env: { BAUCOSO_DATA_DIR: `${dataRoot}/${s.name}`, TZ: 'America/Los_Angeles', DATABASE_URL: '' },
    url: `http://localhost:${base + s.offset}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
  })),
});
