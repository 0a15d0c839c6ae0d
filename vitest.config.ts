import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'src/**/*.test.ts',
      'test/**/*.test.ts',
      'eval/**/*.test.ts',
      'bench/**/*.test.ts',
      'tools/**/*.test.ts',
    ],
    // The second builds the web app once per run when web/ changed (for test/e2e).
    globalSetup: ['test/support/global-setup.ts', 'test/e2e/build-web.ts'],
    pool: 'forks',
    // Each test file opens its own embedded database (~800 MB, ~0.5 s); two cores, two at a time.
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
