import { defineConfig } from 'vitest/config';

// Tests run in a time zone far from Vietnam's (UTC+7) so that a civil date computed from a
// `new Date()` instant shows up as a wrong day instead of passing by luck.
process.env.TZ = 'Pacific/Pago_Pago';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    env: { TZ: 'Pacific/Pago_Pago' },
    // A cheap password-hashing cost for the suite (passwords.ts says why a deployment cannot get it).
    setupFiles: ['tests/support/fast-hashing.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      exclude: ['src/**/*.test.ts', 'src/web/**'],
      reporter: ['text-summary', 'html'],
    },
  },
});
