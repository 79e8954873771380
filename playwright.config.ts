import { defineConfig } from '@playwright/test';
import { E2E_PORTS } from './e2e/ports';

export const TELEMETRY_URL = `http://127.0.0.1:${E2E_PORTS.telemetry}`;
const PREVIEW_URL = `http://127.0.0.1:${E2E_PORTS.preview}`;

/** Playwright runs against production builds, in Debian's Chromium (no browser download). */
export default defineConfig({
  testDir: 'e2e',
  // Bounded but generous: on a busy 2-core machine a conversion or a first service-worker
  // install takes several times as long as on an idle one. Specs wait on states, not on time.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL: PREVIEW_URL,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    },
  },
  webServer: [
    {
      // The real telemetry endpoint, reached through the preview server's /api/ proxy.
      command: `PORT=${E2E_PORTS.telemetry} HOST=127.0.0.1 node --import tsx server/main.ts`,
      url: `${TELEMETRY_URL}/health`,
      reuseExistingServer: !process.env.CI,
    },
    {
      command: `TELEMETRY_URL=${TELEMETRY_URL} npx vite preview --port ${E2E_PORTS.preview} --strictPort --host 127.0.0.1`,
      url: PREVIEW_URL,
      reuseExistingServer: !process.env.CI,
    },
  ],
});
