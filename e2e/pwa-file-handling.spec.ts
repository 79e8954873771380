import { test } from '@playwright/test';
import { expectConvertedJob, samplePng } from './pwa-support';

/**
 * Files the OS opens with the installed app arrive through window.launchQueue. Chromium only
 * fills the queue for an installed app launched by the OS, so the queue is provided here
 * before the app loads, delivering one file handle as a launch does.
 */

test('a file launched with the app becomes a job', async ({ page }) => {
  const png = [...(await samplePng())];
  await page.addInitScript(
    ({ bytes }) => {
      const file = new File([new Uint8Array(bytes)], 'launched-square.png', { type: 'image/png' });
      const handle = { kind: 'file', name: file.name, getFile: async () => file };
      Object.defineProperty(window, 'launchQueue', {
        value: {
          setConsumer: (consumer: (params: unknown) => void) => consumer({ files: [handle] }),
        },
      });
    },
    { bytes: png },
  );
  await page.goto('/');
  await expectConvertedJob(page, 'launched-square.png');
});
