/** Helpers shared by the app specs: test images, job rows and their statuses. */
import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';

/** Images from the shared corpus, kept in the repository (fixtures/SOURCES.md). */
export const CORPUS = new URL('fixtures/', import.meta.url);

export interface UploadFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

export function corpusFile(path: string, name = path.split('/').pop()!): UploadFile {
  const type = path.endsWith('.jpg') ? 'image/jpeg' : 'image/png';
  return { name, mimeType: type, buffer: readFileSync(new URL(path, CORPUS)) };
}

export function jobRow(page: Page, name: string): Locator {
  return page.locator('li[data-job-status]').filter({ hasText: name });
}

/** How long a corpus image may take to convert on a 2-core machine that is busy with other work. */
export const CONVERSION_TIMEOUT_MS = 60_000;

export async function expectStatus(
  page: Page,
  name: string,
  status: string,
  timeout = CONVERSION_TIMEOUT_MS,
) {
  await expect(jobRow(page, name)).toHaveAttribute('data-job-status', status, { timeout });
}

/** A fresh page with no saved jobs. */
export async function openFreshApp(page: Page): Promise<void> {
  await page.goto('/');
  await page.evaluate(async () => {
    localStorage.clear();
    await new Promise<void>((resolve) => {
      const request = indexedDB.deleteDatabase('vectorizer');
      request.onsuccess = request.onerror = request.onblocked = () => resolve();
    });
  });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Vectorizer' })).toBeVisible();
}

export async function pick(page: Page, files: UploadFile[]): Promise<void> {
  await page.getByLabel('Choose images to convert').setInputFiles(files);
}
