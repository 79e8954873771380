/**
 * Measures (does not assert) the time from dropping the 512 px logo on the page to its SVG being
 * shown, in the browser: cold (dropped at once on a fresh page: worker start + wasm compile),
 * first after the page sat idle for a second (the pool prepares a worker meanwhile), and warm
 * (median of 5).
 * The figures are printed and attached as annotations.
 */
import { test } from '@playwright/test';
import { corpusFile, openFreshApp } from './app-support';

test('drop → SVG shown for the 512 px logo (measured, printed)', async ({ page }) => {
  await openFreshApp(page);
  const file = corpusFile('logo/twemoji-red-apple.png');
  const bytes = [...file.buffer];
  const dropToSvgShown = (name: string) =>
    page.evaluate(
      ({ bytes, name }) =>
        new Promise<number>((resolve) => {
          const transfer = new DataTransfer();
          transfer.items.add(new File([new Uint8Array(bytes)], name, { type: 'image/png' }));
          const shown = () => {
            const img = document.querySelector<HTMLImageElement>(
              `img[alt="SVG result of ${name}"]`,
            );
            return img?.complete && img.naturalWidth > 0 ? img : undefined;
          };
          const started = performance.now();
          const observer = new MutationObserver(() => {
            const img = document.querySelector<HTMLImageElement>(
              `img[alt="SVG result of ${name}"]`,
            );
            if (!img) return;
            observer.disconnect();
            const finish = () => requestAnimationFrame(() => resolve(performance.now() - started));
            if (shown()) finish();
            else img.addEventListener('load', finish, { once: true });
          });
          observer.observe(document.body, { subtree: true, childList: true, attributes: true });
          document.body.dispatchEvent(
            new DragEvent('drop', { dataTransfer: transfer, bubbles: true }),
          );
        }),
      { bytes, name },
    );
  const cold = await dropToSvgShown('apple-0.png');
  await openFreshApp(page);
  await page.waitForTimeout(1000);
  const afterIdle = await dropToSvgShown('apple-idle.png');
  const warm: number[] = [];
  for (let run = 1; run <= 5; run++) {
    warm.push(await dropToSvgShown(`apple-${run}.png`));
  }
  warm.sort((a, b) => a - b);
  const summary = `drop → SVG shown, twemoji-red-apple.png 512×512: cold ${cold.toFixed(0)} ms, first after 1 s idle ${afterIdle.toFixed(0)} ms, warm median ${warm[2].toFixed(0)} ms (runs: ${warm.map((ms) => ms.toFixed(0)).join(', ')})`;
  console.log(summary);
  test.info().annotations.push({ type: 'timing', description: summary });
});
