import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath, fakeCameraVideo } from './tests/e2e/support/e2e-env';

// E2E runs the built renderer in Debian's Chromium against the browser preview host; the camera is
// Chromium's fake capture device playing a Y4M file of a real face. No browser is downloaded.
export default defineConfig({
  testDir: 'tests/e2e',
  // Every screenshot of the run on one page (tests/artifacts/e2e/contact-sheet.png).
  globalTeardown: './tests/e2e/support/contact-sheet.ts',
  outputDir: 'test-results/e2e',
  timeout: 120_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    viewport: { width: 1080, height: 1920 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath(),
      args: chromiumArgs(fakeCameraVideo()),
    },
  },
  projects: [
    { name: 'portrait', use: { viewport: { width: 1080, height: 1920 } }, testIgnore: /electron\// },
    {
      name: 'landscape',
      use: { viewport: { width: 1920, height: 1080 } },
      grep: /@layout/,
      testIgnore: /electron\//,
    },
    // Runs last: it switches better-sqlite3 to Electron's ABI for its duration.
    { name: 'electron', testMatch: /electron\/.*\.spec\.ts/, dependencies: ['portrait', 'landscape'] },
  ],
});
