import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/chromium-launch';

// E2E_PORT (read by scripts/e2e-server.mjs too): runs side by side need not share a port.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const baseURL = `http://127.0.0.1:${String(PORT)}`;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  // Two cores: one worker per core at most, and the server needs one of them.
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  // Playwright empties test-results/ at start, so the JSON report lives in reports/.
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: chromiumLaunchOptions(),
      },
    },
  ],
  webServer: {
    // Builds nothing: serves dist/ with a fresh temporary DATA_DIR and the demo seed.
    command: 'node scripts/e2e-server.mjs',
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
