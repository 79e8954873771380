import { test, expect } from '@playwright/test';
import { expectConvertedJob, samplePng, waitForServiceWorkerControl } from './pwa-support';

/**
 * Images shared to the installed app arrive as a multipart POST to /share-target. The service
 * worker stashes them and redirects to /?shared=<count>; the app takes them and makes jobs.
 * The share is simulated the way the OS delivers it: a top-level multipart form navigation.
 */

test('a POSTed image is stashed by the service worker and becomes a job', async ({ page }) => {
  await page.goto('/');
  await waitForServiceWorkerControl(page);
  const navigations: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations.push(new URL(frame.url()).search);
  });

  const png = [...(await samplePng())];
  await page.evaluate(
    ({ bytes }) => {
      const form = document.createElement('form');
      form.method = 'POST';
      form.action = '/share-target';
      form.enctype = 'multipart/form-data';
      const input = document.createElement('input');
      input.type = 'file';
      input.name = 'images';
      const transfer = new DataTransfer();
      const file = new File([new Uint8Array(bytes)], 'shared-square.png', { type: 'image/png' });
      transfer.items.add(file);
      input.files = transfer.files;
      form.append(input);
      document.body.append(form);
      form.submit();
    },
    { bytes: png },
  );

  await expect.poll(() => navigations).toContain('?shared=1');
  await expectConvertedJob(page, 'shared-square.png');
  await expect(page).not.toHaveURL(/shared=/);
});
