import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * How the e2e suite and the benchmarks start Chromium: Debian's `/usr/bin/chromium` when it is
 * there (Playwright cannot download its own browser on the project's machines), Playwright's own
 * otherwise or with `PW_CHROMIUM=bundled`; flags for a container without a GPU or /dev/shm space,
 * and without the browser's background traffic.
 */
export function chromiumLaunchOptions(): LaunchOptions {
  const useSystem = existsSync(SYSTEM_CHROMIUM) && process.env.PW_CHROMIUM !== 'bundled';
  return {
    ...(useSystem ? { executablePath: SYSTEM_CHROMIUM } : {}),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  };
}
