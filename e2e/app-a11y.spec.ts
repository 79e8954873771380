import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { expectStatus, openFreshApp, pick } from './app-support';
import { posterFile, swatch } from './palette-support';

/** The serious and critical violations axe finds on the page, as "rule: target" lines. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`),
    );
}

test.beforeEach(async ({ page }) => openFreshApp(page));

for (const scheme of ['light', 'dark'] as const) {
  test(`accessibility scan (${scheme}): empty page, a result with its palette, the compare view, the heatmap, auto's note`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1400, height: 1000 });
    expect(await seriousViolations(page)).toEqual([]);

    await pick(page, [await posterFile(page)]);
    await expectStatus(page, 'poster.png', 'complete');
    await swatch(page, '#ff0000').click();
    await expect(page.getByLabel('New colour as hex')).toBeVisible();
    await page.screenshot({ path: `.tmp/app/palette-${scheme}.png` });
    expect(await seriousViolations(page)).toEqual([]);

    const compare = page.getByRole('region', { name: 'Compare input and SVG' });
    await compare.getByText('side-by-side').click();
    await compare.getByText('outline').click();
    expect(await seriousViolations(page)).toEqual([]);

    // The heatmap over the SVG with its legend, and the fidelity figure in the stats.
    await compare.getByText('side-by-side').click();
    await compare.getByRole('checkbox', { name: 'error heatmap' }).check();
    await expect(page.getByTestId('heatmap-legend')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('heatmap')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    // A job converted by auto: the row's note and its open "Convert as…" menu.
    await page
      .getByRole('region', { name: 'Options' })
      .getByLabel('Mode', { exact: true })
      .selectOption('auto');
    const note = page.getByTestId('auto-choice');
    await expect(note).toContainText('Auto — detected:', { timeout: 60_000 });
    await expectStatus(page, 'poster.png', 'complete');
    await note.getByText('Convert as…').click();
    await expect(note.getByRole('group', { name: 'Convert poster.png as' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}
