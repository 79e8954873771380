import { defineConfig } from '@playwright/test';
import base from './playwright.config';
import { E2E_PORTS } from './e2e/ports';

/**
 * The same browser suite against the production build served by the repository's nginx.conf
 * (Debian's nginx through scripts/nginx.sh on port 8088, or as `e2e/ports.ts` shifts it), where the real CSP and cache headers
 * apply. Specs that only make sense behind nginx skip unless `baseURL` is NGINX_URL.
 */
export const NGINX_URL = `http://127.0.0.1:${E2E_PORTS.nginx}`;

export default defineConfig({
  ...base,
  outputDir: 'test-results/nginx',
  use: { ...base.use, baseURL: NGINX_URL },
  webServer: {
    command: `bash scripts/nginx.sh run ${E2E_PORTS.nginx}`,
    url: `${NGINX_URL}/health`,
    reuseExistingServer: false,
  },
});
