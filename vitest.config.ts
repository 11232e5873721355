import { defineConfig } from 'vitest/config';

// Node-side unit tests. Browser behaviour lives in *.browser.test.ts (web-test-runner, real Chromium).
export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'scripts/**/*.test.mjs', 'examples/server/**/*.test.mjs'],
    exclude: ['**/node_modules/**', 'packages/*/test/**/*.browser.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    reporters: ['default'],
  },
});
