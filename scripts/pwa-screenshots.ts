/**
 * Captures the manifest's screenshots (public/screenshots/{wide,narrow}.png) from the real
 * production build served by nginx, with one sample image converted. Run after `npm run build`
 * whenever the UI changes visibly: `npm run screenshots`; the PNGs are committed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { webManifest } from '../src/pwa/app-manifest';

const PORT = 4182;
const OUT_DIR = 'public/screenshots';
const SAMPLE_DIRS = ['public/samples', '../shared/corpus/logo'];
/** How long the page may take to show a converted sample before the picture is taken. */
const CONVERT_TIMEOUT_MS = 30_000;

function firstSample(): string | undefined {
  for (const dir of SAMPLE_DIRS) {
    if (!existsSync(dir)) continue;
    const image = readdirSync(dir).find((name) => /\.(png|jpe?g|webp)$/i.test(name));
    if (image) return join(dir, image);
  }
  return undefined;
}

async function capture(): Promise<void> {
  mkdirSync(OUT_DIR, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  });
  try {
    for (const shot of webManifest.screenshots) {
      const [width, height] = shot.sizes.split('x').map(Number);
      const page = await browser.newPage({ viewport: { width, height }, colorScheme: 'dark' });
      await page.goto(`http://127.0.0.1:${PORT}/`);
      const sample = firstSample();
      const picker = page.locator('input[type=file]').first();
      if (sample && (await picker.count()) > 0) {
        await picker.setInputFiles(sample);
        await page
          .getByText(/complete/i)
          .first()
          .waitFor({ timeout: CONVERT_TIMEOUT_MS });
      }
      const file = join('public', shot.src);
      await page.screenshot({ path: file });
      console.log(`pwa-screenshots: ${file} (${shot.sizes})`);
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

execFileSync('bash', ['scripts/nginx.sh', 'start', String(PORT)], { stdio: 'inherit' });
try {
  await capture();
} finally {
  execFileSync('bash', ['scripts/nginx.sh', 'stop', String(PORT)], { stdio: 'inherit' });
}
